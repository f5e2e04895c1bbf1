"""The demo hub: real, sourced directory data in several locales, loaded idempotently."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.utils import timezone, translation
from wagtail.models import Locale

from cms.crisis_lines import shipped_lines
from cms.demo.loader import allow_demo_partner_page
from cms.models import EventPage, GuidePage, Kind, Partner, Resource
from cms.signals import bulk_loading
from widget.strings import WIDGET_STRINGS

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def load():
    # wagtail-localize publishes translated pages on commit, and the loader builds the search
    # index and the translation queue then; run those callbacks here, within the bulk load
    # as a commit of the loader's own transaction would.
    with bulk_loading(), TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo_hub", "--pages", stdout=StringIO())


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


def test_the_directory_is_broad_sourced_and_says_what_it_is(demo):
    resources = Resource.objects.filter(locale=Locale.get_default(), live=True)
    assert resources.count() >= 40
    assert set(resources.values_list("kind", flat=True)) == set(Kind.values)
    countries = set(resources.values_list("countries__code", flat=True)) - {None}
    assert len(countries) >= 15
    shipped = {line["id"] for line in shipped_lines()}
    for resource in resources.prefetch_related("contact_points"):
        # Demo records say they are demo; the shipped crisis lines are real and say where
        # their facts came from. Nobody at a fresh hub has verified anything.
        assert resource.is_demo == (resource.external_id not in shipped), resource
        assert resource.source_url.startswith(("https://", "http://")), resource
        assert resource.last_verified is None and resource.verified_by == "", resource
        if not resource.is_demo:
            assert resource.source_read_on and resource.second_source_url, resource
            # Filed under the demo's topics, which exist by the time the lines are loaded.
            assert "suicide-prevention" in {t.slug for t in resource.topics.all()}, resource
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
    source = Resource.objects.get(
        external_id="demo-gb-music-minds-matter", locale=Locale.get_default()
    )
    translated = Resource.objects.get(translation_key=source.translation_key, locale=locale)
    assert translated.live
    assert translated.summary != source.summary
    assert GuidePage.objects.get(locale=locale).live
    assert EventPage.objects.filter(locale=locale, live=True).count() >= 8


def test_a_demo_partner_embeds_from_the_demo_page_origin(demo):
    partner = Partner.objects.get(slug="demo-festival")
    assert "http://127.0.0.1:8001" in partner.origins


def test_the_demo_partner_allows_its_page_on_another_port(demo):
    # `make demo PARTNER_PORT=8101`: run_demo allows that page before serving it.
    allow_demo_partner_page(8101)
    allow_demo_partner_page(8101)
    assert Partner.objects.get(slug="demo-festival").origins == [
        "http://127.0.0.1:8001",
        "http://localhost:8001",
        "http://127.0.0.1:8101",
        "http://localhost:8101",
    ]


def test_the_guide_lists_shipped_crisis_lines(demo):
    guide = GuidePage.objects.get(locale=Locale.get_default())
    listed = {
        resource.external_id
        for chapter in guide.chapters
        for block in chapter.value["body"]
        if block.block_type == "resources"
        for resource in block.value["resources"]
    }
    assert {"gb-samaritans", "us-988-lifeline"} <= listed


def test_the_home_page_replaces_the_welcome_page_in_every_language(demo):
    from django.conf import settings
    from wagtail.models import Site

    from cms.models import HubHomePage

    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HubHomePage) and home.live
    languages = set(
        HubHomePage.objects.filter(live=True).values_list("locale__language_code", flat=True)
    )
    assert languages == {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    assert Partner.objects.get(slug="hub").quick_exit_url.startswith("https://")


def test_at_least_six_illustrative_stories_in_three_languages(demo):
    from cms.models import StoryPage

    sources = StoryPage.objects.filter(locale=Locale.get_default(), live=True)
    assert sources.count() >= 6
    languages = set(
        StoryPage.objects.filter(live=True).values_list("locale__language_code", flat=True)
    )
    assert len(languages) >= 3
    for story in StoryPage.objects.filter(live=True):
        assert story.is_illustrative and story.safe_messaging_checked, story
        assert story.related_resources.exists(), story
    # Stories that touch on suicide say so first.
    assert sum("suicide" in story.content_notes for story in sources) >= 2


def test_real_festivals_are_at_their_real_time_of_year(demo):
    events = {e.slug: e for e in EventPage.objects.filter(locale=Locale.get_default())}
    assert events["glastonbury-backstage-breather"].local_start().month == 6
    assert events["splendour-crew-care-hub"].local_start().month == 7
    atg = events["all-things-go-nyc-wellness-lounge"]
    assert (atg.festival, atg.city, atg.country_id) == ("All Things Go NYC", "New York", "US")
    assert atg.local_start().month == 9 and atg.live


def test_a_demo_campaign_of_short_links_with_no_made_up_visits(demo):
    from cms.models import ShortLink, ShortLinkDailyCount

    links = ShortLink.objects.filter(campaign="Festival season (demo)")
    assert links.count() >= 3
    assert {link.target for link in links} >= {"event", "story", "finder"}
    assert not ShortLinkDailyCount.objects.exists()


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


def hint_examples(language):
    """The examples the widget's search hint names in ``language``."""
    with translation.override(language):
        hint = str(WIDGET_STRINGS["search_hint"])
    # Japanese lists with a full-width colon and ideographic commas, Arabic with its own comma.
    listed = hint.replace("\uff1a", ":").split(":", 1)[1]
    for comma in ("\u060c", "\u3001"):
        listed = listed.replace(comma, ",")
    return [word.strip() for word in listed.split(",")]


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_each_example_in_the_widgets_search_hint_finds_services(demo, client, language):
    # In the results, not only among the crisis lines shown above them.
    words = hint_examples(language)
    assert len(words) == 3
    for word in words:
        found = client.get(
            "/api/v1/resources/", {"q": word, "locale": language, "country": "GB"}
        ).json()["results"]
        assert [r for r in found if r["kind"] != "crisis_line"], f"{language}: {word}"
