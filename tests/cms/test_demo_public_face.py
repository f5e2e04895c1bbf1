"""The demo's public face, without loading the whole demo: real festivals at their real time of
year whatever today is, and the hub home page taking the place of Wagtail's welcome page in
the stand-alone site only."""

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from wagtail.models import Locale, Page, Site

from cms.demo.public_face import ensure_hub_home, event_start_day
from cms.models import EventIndexPage, HubHomePage
from tests.api.factories import translate
from tests.factories import make_event

EVENTS = json.loads(
    (Path(__file__).parents[2] / "cms/demo/data/events.json").read_text(encoding="utf-8")
)
AT_FESTIVALS = [event for event in EVENTS if event["festival"]]
TODAYS = [date(2026, month, 15) for month in range(1, 13)] + [date(2027, 6, 27), date(2028, 2, 29)]


def test_every_real_festival_has_a_season_with_its_source():
    assert {event["festival"] for event in AT_FESTIVALS} >= {
        "Glastonbury Festival",
        "Splendour in the Grass",
        "All Things Go NYC",
    }
    for event in AT_FESTIVALS:
        season = event["season"]
        assert season["source_url"].startswith("https://"), event["slug"]
        assert season["source_note"], event["slug"]
        assert "starts_in_days" not in event, event["slug"]


@pytest.mark.parametrize("today", TODAYS, ids=str)
def test_the_year_shifts_and_the_season_never_does(today):
    for event in AT_FESTIVALS:
        season = event["season"]
        day = event_start_day(event, today)
        assert (day.month, day.day) == (season["month"], season["day"]), event["slug"]
        assert day.year not in season.get("skip_years", ())
        ends = day + timedelta(minutes=event["duration_minutes"])
        # The edition nearest in time, past a fallow year if there is one.
        within = timedelta(days=366 * (1 + len(season.get("skip_years", ()))))
        if season.get("occurrence") == "last":
            assert ends < today and today - day < within, event["slug"]
        else:
            assert ends >= today and day - today < within, event["slug"]


def test_glastonbury_is_in_late_june_and_splendour_in_july():
    by_slug = {event["slug"]: event for event in EVENTS}
    today = date(2026, 12, 4)  # the day the demo put Glastonbury on 25 December
    assert event_start_day(by_slug["glastonbury-backstage-breather"], today) == date(2027, 6, 26)
    assert event_start_day(by_slug["splendour-crew-care-hub"], today) == date(2027, 7, 19)
    # 2026 is a fallow year at Worthy Farm: from early 2026 the next one is 2027.
    assert (
        event_start_day(by_slug["glastonbury-backstage-breather"], date(2026, 1, 10)).year == 2027
    )
    atg = by_slug["all-things-go-nyc-wellness-lounge"]
    assert (atg["city"], atg["country"], atg["time_zone"]) == ("New York", "US", "America/New_York")
    assert event_start_day(atg, today) == date(2027, 9, 27)


def test_fictional_events_keep_moving_with_today():
    online = next(event for event in EVENTS if event["slug"] == "online-landing-after-tour")
    assert event_start_day(online, date(2026, 3, 1)) == date(2026, 3, 1) + timedelta(
        days=online["starts_in_days"]
    )


def test_the_hub_home_page_replaces_the_welcome_page_and_adopts_its_children(db, locales):
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    assert welcome.specific_class is Page  # Wagtail's "Welcome to your new Wagtail site!"
    event = make_event(title="Breather tent")
    index = EventIndexPage.objects.get()
    # An earlier demo load translated the event, copying the welcome page into Spanish.
    spanish_event = translate(event, "es", {"Breather tent": "Carpa para respirar"})
    spanish_welcome = welcome.get_translation(locales["es"])

    home = ensure_hub_home(Locale.get_default())

    site.refresh_from_db()
    assert site.root_page_id == home.pk and isinstance(home, HubHomePage)
    assert not Page.objects.filter(pk__in=[welcome.pk, spanish_welcome.pk]).exists()
    assert EventIndexPage.objects.get(pk=index.pk).get_parent().pk == home.pk
    spanish_home = home.get_translation(locales["es"])
    assert Page.objects.get(pk=spanish_event.pk).get_parent().get_parent().pk == spanish_home.pk
    # Loading again changes nothing.
    assert ensure_hub_home(Locale.get_default()).pk == home.pk


def test_a_host_sites_own_home_page_is_left_alone(db, locales):
    site = Site.objects.get(is_default_site=True)
    own_home = Page.get_first_root_node().add_child(
        instance=EventIndexPage(title="The label's home", slug="label-home")
    )
    site.root_page = own_home
    site.save()
    assert ensure_hub_home(Locale.get_default()) is None
    site.refresh_from_db()
    assert site.root_page_id == own_home.pk
    assert not HubHomePage.objects.exists()
