"""The search index follows the content: publishing, unpublishing, translating, renaming a
topic or an organisation, bulk loads and the rebuild command."""

import io

from django.core.management import call_command

from api.search.models import SearchEntry, SearchWord
from cms.models import Topic
from cms.signals import bulk_loading
from tests.api.factories import translate
from tests.factories import make_organisation, make_resource, make_topic


def entry(resource, code="en"):
    return SearchEntry.objects.get(resource=resource, locale__language_code=code)


def names(api, query, **params):
    response = api.get("/api/v1/resources/", {"q": query, **params})
    assert response.status_code == 200, response.content
    return [result["name"] for result in response.json()["results"]]


def test_a_published_resource_has_a_row_in_every_locale(api, locales):
    resource = make_resource(name="Harbour line", summary="Someone to talk to.")
    rows = SearchEntry.objects.filter(resource=resource)
    assert {row.locale.language_code for row in rows} == set(locales)
    assert entry(resource).names == "harbour line"
    # Every locale falls back to the default locale's text.
    assert entry(resource, "ja").summary.startswith("someon to talk")


def test_unpublishing_and_deleting_take_a_resource_out(api):
    resource = make_resource(name="Harbour line")
    assert names(api, "harbour") == ["Harbour line"]
    resource.unpublish()
    assert not SearchEntry.objects.filter(resource=resource).exists()
    assert names(api, "harbour", page=1) == []
    draft = make_resource(name="Draft line", publish=False)
    assert not SearchEntry.objects.filter(resource=draft).exists()


def test_a_translation_is_searched_in_its_locale_and_the_source_everywhere(api):
    resource = make_resource(name="Supper club", summary="Dinner and talk.", kind="community")
    translate(resource, "es", {"Dinner and talk.": "Cena y conversación."})
    assert "convers" in entry(resource, "es").summary.split()
    assert "convers" not in entry(resource, "fr").summary.split()
    assert names(api, "conversación", locale="es") == ["Supper club"]
    assert names(api, "conversación", locale="fr") == []
    assert names(api, "dinner", locale="es") == ["Supper club"]


def test_renaming_a_topic_reindexes_its_resources(api):
    topic = make_topic("sleep", "Sleep")
    make_resource(name="Night line", topics=[topic])
    assert names(api, "nightmares") == []
    topic.name = "Sleep and nightmares"
    topic.save()
    assert names(api, "nightmares", page=1) == ["Night line"]


def test_a_topics_translation_finds_resources_that_are_not_translated(api, locales):
    topic = make_topic("anxiety", "Anxiety")
    make_resource(name="Calm crew", kind="peer_support", topics=[topic])
    Topic.objects.create(
        slug="anxiety", name="Ansiedad", locale=locales["es"], translation_key=topic.translation_key
    )
    assert names(api, "ansiedad", locale="es") == ["Calm crew"]


def test_deleting_an_organisation_takes_its_name_out_of_the_index(api):
    organisation = make_organisation("harbour-trust", "Harbour Trust")
    make_resource(name="Night line", organisation=organisation)
    assert names(api, "harbour trust") == ["Night line"]
    organisation.delete()
    assert "harbour" not in entry_of_name("Night line").topics


def entry_of_name(name):
    return SearchEntry.objects.get(resource__name=name, locale__language_code="en")


def test_bulk_loads_are_indexed_once_by_the_rebuild_command(api):
    with bulk_loading():
        resource = make_resource(name="Harbour line")
    assert not SearchEntry.objects.filter(resource=resource).exists()
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert SearchEntry.objects.filter(resource=resource).count() == 8
    assert out.getvalue().strip() == "search index: 8 rows"
    assert names(api, "harbour") == ["Harbour line"]


def test_the_vocabulary_keeps_each_word_under_its_one_letter_deletions(db):
    make_resource(name="Samaritans", summary="Talk.")
    keys = set(SearchWord.objects.filter(word="samaritans").values_list("key", flat=True))
    assert {"samaritans", "samaritns", "amaritans", "samaritan"} <= keys


def test_migrate_fills_an_empty_index(locales):
    resource = make_resource(name="Harbour line")
    SearchEntry.objects.all().delete()
    call_command("migrate", "roadcase_api", verbosity=0)
    assert SearchEntry.objects.filter(resource=resource).exists()
