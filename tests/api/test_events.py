"""GET /api/v1/events/ (with schema.org JSON-LD) and /api/v1/events.ics (RFC 5545)."""

from datetime import date, timedelta

import pytest
from icalendar import Calendar

from cms.models import Country
from tests.factories import make_event


def titles(response):
    assert response.status_code == 200, response.content
    return [e["title"] for e in response.json()["results"]]


def test_upcoming_by_default_soonest_first(api):
    make_event(title="Later", starts_in=timedelta(days=20))
    make_event(title="Sooner", starts_in=timedelta(days=2))
    make_event(title="Past", starts_in=timedelta(days=-10))
    assert titles(api.get("/api/v1/events/")) == ["Sooner", "Later"]


def test_private_events_are_neither_listed_nor_in_the_feed(api):
    from wagtail.models import PageViewRestriction

    make_event(title="Open day")
    private = make_event(title="Members' night")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    assert titles(api.get("/api/v1/events/")) == ["Open day"]
    feed = Calendar.from_ical(api.get("/api/v1/events.ics").content)
    assert [str(e["SUMMARY"]) for e in feed.walk("VEVENT")] == ["Open day"]


def test_event_shape_and_local_times(api):
    make_event(
        title="Tokyo session",
        time_zone="Asia/Tokyo",
        city="Tokyo",
        country=Country.objects.get(code="JP"),
        venue="Hall A",
        capacity=40,
    )
    [event] = api.get("/api/v1/events/").json()["results"]
    assert event["starts_at"].endswith("+09:00") and event["time_zone"] == "Asia/Tokyo"
    assert event["country"] == {"code": "JP", "name": "Japan"}
    assert event["online"] is False and event["locale"] == "en"
    ld = event["json_ld"]
    assert ld["@type"] == "Event" and ld["@context"] == "https://schema.org"
    assert ld["startDate"] == event["starts_at"]
    assert ld["eventStatus"] == "https://schema.org/EventScheduled"
    assert ld["location"]["@type"] == "Place"
    assert ld["location"]["address"]["addressCountry"] == "JP"
    assert ld["maximumAttendeeCapacity"] == 40


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=FR", ["Paris panel"]),
        ("city=paris", ["Paris panel"]),
        ("kind=online_session", ["Online circle"]),
        ("online=true", ["Online circle"]),
        ("online=false", ["Glasto tent", "Paris panel"]),
    ],
)
def test_filters(api, query, expected):
    make_event(title="Glasto tent", starts_in=timedelta(days=1))
    make_event(
        title="Paris panel",
        kind="panel",
        city="Paris",
        time_zone="Europe/Paris",
        country=Country.objects.get(code="FR"),
        starts_in=timedelta(days=2),
    )
    make_event(
        title="Online circle",
        kind="online_session",
        city="",
        country=None,
        online_url="https://meet.example",
        starts_in=timedelta(days=3),
    )
    assert titles(api.get(f"/api/v1/events/?{query}")) == expected


def test_date_range(api):
    make_event(title="Past", starts_in=timedelta(days=-10))
    make_event(title="Next month", starts_in=timedelta(days=30))
    today = date.today()
    since = (today - timedelta(days=20)).isoformat()
    until = (today + timedelta(days=5)).isoformat()
    assert titles(api.get(f"/api/v1/events/?from={since}&to={until}")) == ["Past"]
    # A range that ends before it starts holds no event (the schema cannot forbid it).
    assert titles(api.get(f"/api/v1/events/?from={until}&to={since}")) == []
    assert api.get("/api/v1/events/?from=yesterday").status_code == 400


def parse_feed(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_ics_feed_parses_with_zoned_times_and_timezones(api):
    event = make_event(
        title="Tokyo session",
        time_zone="Asia/Tokyo",
        city="Tokyo",
        country=Country.objects.get(code="JP"),
    )
    calendar = parse_feed(api.get("/api/v1/events.ics"))
    [entry] = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Tokyo session"
    assert entry["DTSTART"].params["TZID"] == "Asia/Tokyo"
    assert entry.decoded("DTSTART") == event.starts_at
    assert entry.decoded("DTEND") == event.ends_at
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Tokyo"]
    assert str(entry["STATUS"]) == "CONFIRMED"


def test_ics_uid_is_stable_across_edits_and_cancellation_is_kept(api):
    event = make_event(title="Breather tent")
    [before] = parse_feed(api.get("/api/v1/events.ics")).walk("VEVENT")
    event.title = "Breather tent (new time)"
    event.status = "cancelled"
    event.save_revision().publish()
    [after] = parse_feed(api.get("/api/v1/events.ics")).walk("VEVENT")
    assert str(after["UID"]) == str(before["UID"])
    assert str(after["STATUS"]) == "CANCELLED"
    assert str(after["SUMMARY"]) == "Breather tent (new time)"


def test_ics_feed_takes_the_same_filters(api):
    make_event(title="Glasto tent")
    make_event(
        title="Paris panel",
        kind="panel",
        city="Paris",
        time_zone="Europe/Paris",
        country=Country.objects.get(code="FR"),
    )
    calendar = parse_feed(api.get("/api/v1/events.ics?country=FR"))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Paris panel"]
    assert api.get("/api/v1/events.ics?country=XX").status_code == 400


def test_query_count_does_not_grow_with_the_number_of_events(api, django_assert_max_num_queries):
    for day in range(1, 11):
        make_event(title=f"Event {day}", starts_in=timedelta(days=day))
    with django_assert_max_num_queries(12):
        few = api.get("/api/v1/events/?page_size=2&locale=ar")
    with django_assert_max_num_queries(12):
        many = api.get("/api/v1/events/?page_size=10&locale=ar")
    with django_assert_max_num_queries(12):
        feed = api.get("/api/v1/events.ics?locale=ar")
    assert len(few.json()["results"]) == 2 and len(many.json()["results"]) == 10
    assert len(Calendar.from_ical(feed.content).walk("VEVENT")) == 10
