"""The demo hub: real, sourced directory data in several locales, loaded idempotently."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Locale

from cms.models import EventPage, GuidePage, Kind, Partner, Resource

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def load():
    # wagtail-localize publishes translated pages on commit; run those callbacks here.
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo_hub", stdout=StringIO())


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo hub, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        load()
        yield
        transaction.set_rollback(True)


def counts():
    return {
        "resources": Resource.objects.count(),
        "guides": GuidePage.objects.count(),
        "events": EventPage.objects.count(),
        "partners": Partner.objects.count(),
    }


def test_loading_twice_gives_the_same_counts(demo):
    first = counts()
    load()
    assert counts() == first
    assert first["resources"] > 0


def test_the_directory_is_broad_sourced_and_marked_as_demo(demo):
    resources = Resource.objects.filter(locale=Locale.get_default(), live=True)
    assert resources.count() >= 40
    assert set(resources.values_list("kind", flat=True)) == set(Kind.values)
    countries = set(resources.values_list("countries__code", flat=True)) - {None}
    assert len(countries) >= 15
    for resource in resources.prefetch_related("contact_points"):
        assert resource.is_demo, resource
        assert resource.source_url.startswith("https://"), resource
        assert resource.last_verified and resource.review_due, resource
        if resource.is_urgent_kind:
            assert resource.contact_points.exists(), resource
            assert resource.hours or all(p.hours for p in resource.contact_points.all())


def test_grants_carry_eligibility_and_media_is_there(demo):
    grants = Resource.objects.filter(kind="financial_aid", locale=Locale.get_default())
    assert grants.exclude(eligibility="").exists()
    assert Resource.objects.filter(kind="media").count() >= 3


def test_the_guide_has_chapters_with_tools(demo):
    guide = GuidePage.objects.get(locale=Locale.get_default())
    assert guide.live
    assert len(guide.chapters) >= 5
    tools = [b for ch in guide.chapters for b in ch.value["body"] if b.block_type == "tool"]
    assert len(tools) >= 5
    assert guide.reading_time_minutes > 1


def test_events_are_upcoming_and_past_across_time_zones(demo):
    events = EventPage.objects.filter(locale=Locale.get_default(), live=True)
    now = timezone.now()
    assert events.filter(starts_at__gt=now).count() >= 6
    assert events.filter(ends_at__lt=now).count() >= 2
    assert events.values("time_zone").distinct().count() >= 3
    assert events.values("country").distinct().count() >= 3


@pytest.mark.parametrize("code", ["es", "fr", "ar"])
def test_content_is_translated(demo, code):
    locale = Locale.objects.get(language_code=code)
    source = Resource.objects.get(external_id="demo-gb-samaritans", locale=Locale.get_default())
    translated = Resource.objects.get(translation_key=source.translation_key, locale=locale)
    assert translated.live
    assert translated.summary != source.summary
    assert GuidePage.objects.get(locale=locale).live
    assert EventPage.objects.filter(locale=locale, live=True).count() >= 8


def test_a_demo_partner_embeds_from_the_demo_page_origin(demo):
    partner = Partner.objects.get(slug="demo-festival")
    assert "http://127.0.0.1:8001" in partner.origins


@pytest.mark.parametrize(
    ("code", "summary"),
    [
        ("pt-br", "Ajuda financeira de curto prazo"),
        ("ja", "短期的な経済支援"),
        ("sv", "Kortsiktig ekonomisk hjälp"),
    ],
)
def test_the_directory_guide_and_events_read_in_every_demo_locale(demo, code, summary):
    from cms.models import Topic

    locale = Locale.objects.get(language_code=code)
    grant = Resource.objects.get(
        external_id="demo-us-musicares-assistance", locale=Locale.get_default()
    )
    translated = Resource.objects.get(translation_key=grant.translation_key, locale=locale)
    assert translated.live
    assert summary in translated.summary
    assert Topic.objects.filter(locale=locale).count() == 14
    assert GuidePage.objects.get(locale=locale).live
    assert EventPage.objects.filter(locale=locale, live=True).count() >= 8
    # Nothing is copied into a locale only to repeat the English.
    for copy in Resource.objects.filter(locale=locale):
        source = Resource.objects.get(
            translation_key=copy.translation_key, locale=Locale.get_default()
        )
        assert copy.summary != source.summary, copy.name
