"""Search synonyms in the admin: editors list, add and correct them, and searches use them at
once; a starting list ships in every hub language."""

import json

import pytest
from django.conf import settings
from django.urls import reverse
from rest_framework.test import APIClient

from cms.models import SearchSynonym
from tests.factories import make_resource

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_roadcase_searchsynonym:add"
LIST = "wagtailsnippets_roadcase_searchsynonym:list"


def test_every_hub_language_ships_synonyms_and_crisis_phrases():
    languages = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    shipped = SearchSynonym.objects.all()
    assert {synonym.language for synonym in shipped} == languages
    assert {s.language for s in shipped if s.signals_crisis} == languages


def test_an_editor_adds_a_synonym_and_searches_use_it(client, editor, locales):
    make_resource(name="Tour doctor", kind="therapy", summary="Check-ups on the road.")
    api = APIClient()
    assert api.get("/api/v1/resources/", {"q": "roadsick"}).json()["count"] == 0

    client.force_login(editor)
    assert client.get(reverse(LIST)).status_code == 200
    response = client.post(
        reverse(ADD),
        {"language": "en", "phrases": "roadsick\ntour flu", "search_for": "check-ups"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    # Saving purged the cached answers: the same search now finds the resource.
    found = api.get("/api/v1/resources/", {"q": "roadsick"}).json()
    assert [r["name"] for r in found["results"]] == ["Tour doctor"]


def test_a_synonym_that_says_nothing_is_refused_naming_the_field(client, editor):
    client.force_login(editor)
    before = SearchSynonym.objects.count()
    response = client.post(reverse(ADD), {"language": "en", "phrases": "gig flu"})
    assert response.status_code == 200
    assert "Say what to search for, or mark it as signalling a crisis." in response.content.decode()
    assert SearchSynonym.objects.count() == before


def test_a_release_adds_its_new_crisis_phrases_to_a_hub_that_has_synonyms_once():
    from importlib import import_module

    from cms.reference_data import SYNONYMS_FILE, add_crisis_phrases

    release = import_module("cms.migrations.0013_more_crisis_phrases").PHRASES
    # A fresh hub gets the same phrases from the shipped file.
    shipped = json.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))
    for language, phrases in release.items():
        [crisis] = [s for s in shipped if s["language"] == language and s["signals_crisis"]]
        assert set(phrases) <= set(crisis["phrases"]), language

    # A hub from before the release: Spanish as it was, French deleted by an editor.
    SearchSynonym.objects.all().delete()
    SearchSynonym.objects.create(
        language="es",
        phrases="quiero morir\nNo puedo más",
        search_for="crisis line",
        signals_crisis=True,
    )
    add_crisis_phrases(SearchSynonym, release)
    add_crisis_phrases(SearchSynonym, release)
    spanish = SearchSynonym.objects.get(language="es")
    assert spanish.phrases.splitlines() == [
        "quiero morir",
        "No puedo más",
        "acabar con mi vida",
        "no puedo seguir",
    ]
    assert not SearchSynonym.objects.filter(language="fr").exists()
