"""generate_hub: bulk-inserted rows that validation would accept, live, and translated the way
wagtail-localize leaves translations (same translation_key, another locale, live).
"""

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from cms.models import ContactPoint, EventPage, GuidePage, Resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub(locales, capsys):
    call_command("generate_hub", resources=40, guides=3, events=6, translated=0.5, locales="en,fr")
    return capsys.readouterr().out


def test_counts_and_idempotent(hub, capsys):
    english = Locale.objects.get(language_code="en")
    assert Resource.objects.filter(locale=english, external_id__startswith="gen-").count() == 40
    assert GuidePage.objects.filter(locale=english).count() == 3
    assert EventPage.objects.filter(locale=english).count() == 6

    call_command("generate_hub", resources=40, guides=3, events=6, locales="en,fr")
    assert "already holds" in capsys.readouterr().out
    assert Resource.objects.filter(locale=english).count() == 40


def test_resources_pass_validation(hub):
    for resource in Resource.objects.filter(locale__language_code="en"):
        points = list(resource.contact_points.all())
        resource.full_clean(exclude=["translation_key", "locale"])
        resource.clean_related(
            contact_points=points,
            countries=list(resource.countries.all()),
            languages=list(resource.languages.all()),
        )
        for point in points:
            point.full_clean(exclude=["resource", "translation_key", "locale"])
        assert resource.live


def test_translations_as_wagtail_localize_leaves_them(hub):
    french = Locale.objects.get(language_code="fr")
    translated = Resource.objects.filter(locale=french).select_related("organisation")
    assert 5 < translated.count() < 40
    for translation in translated:
        source = Resource.objects.get(
            translation_key=translation.translation_key, locale__language_code="en"
        )
        assert translation.live
        assert translation.summary != source.summary  # text in French
        assert translation.organisation.locale_id == french.pk
        assert set(translation.countries.all()) == set(source.countries.all())
        assert (
            ContactPoint.objects.filter(resource=translation, locale=french).count()
            == source.contact_points.count()
        )
    for page in [
        *GuidePage.objects.filter(locale=french),
        *EventPage.objects.filter(locale=french),
    ]:
        assert page.live
        assert page.get_parent().locale_id == french.pk
        assert type(page).objects.filter(translation_key=page.translation_key).count() == 2


def test_pages_valid_and_served(hub, client):
    for event in EventPage.objects.filter(locale__language_code="en"):
        event.full_clean(exclude=["path", "depth", "url_path", "translation_key", "locale"])
    guide = GuidePage.objects.filter(locale__language_code="en").first()
    guide.full_clean(exclude=["path", "depth", "url_path", "translation_key", "locale"])
    response = client.get(f"/api/v1/guides/{guide.slug}/?locale=fr")
    assert response.status_code == 200
    assert response.json()["chapters"][0]["blocks"][-1]["type"] == "resources"
    assert client.get("/api/v1/events/?page_size=100").json()["count"] >= 1
    # The tree stays consistent for Wagtail (paths, depths, numchild).
    assert GuidePage.find_problems() == ([], [], [], [], [])
