"""Open now and the next opening, in the resource's own time zone, across a DST change."""

from datetime import UTC, datetime

import time_machine

from tests.factories import make_resource


def resource_at(api, moment, **fields):
    with time_machine.travel(moment, tick=False):
        [result] = api.get("/api/v1/resources/").json()["results"]
    return result


def test_open_now_is_read_in_the_resources_time_zone(api):
    make_resource(
        name="Tokyo line",
        hours="Mo-Fr 09:00-17:00",
        time_zone="Asia/Tokyo",
        countries=["JP"],
        contact_points=[("phone", "+81 3-1234-5678", "JP")],
    )
    # Monday 01:00 UTC is Monday 10:00 in Tokyo: open, though London is asleep.
    monday = resource_at(api, datetime(2026, 3, 9, 1, 0, tzinfo=UTC))
    assert monday["open_now"] is True and monday["next_opening"] is None
    # Monday 09:00 UTC is 18:00 in Tokyo: closed until Tuesday 09:00 Tokyo time.
    evening = resource_at(api, datetime(2026, 3, 9, 9, 0, tzinfo=UTC))
    assert evening["open_now"] is False
    assert evening["next_opening"] == "2026-03-10T09:00:00+09:00"


def test_open_now_follows_the_clocks_across_a_dst_change(api):
    make_resource(
        name="NY line",
        hours="Mo-Fr 09:00-17:00",
        time_zone="America/New_York",
        countries=["US"],
        contact_points=[("phone", "988", "US")],
    )
    # US clocks went forward on Sunday 8 March 2026: 09:00 New York was 14:00 UTC the week
    # before and is 13:00 UTC after.
    before = resource_at(api, datetime(2026, 3, 6, 13, 30, tzinfo=UTC))
    after = resource_at(api, datetime(2026, 3, 9, 13, 30, tzinfo=UTC))
    assert before["open_now"] is False
    assert before["next_opening"] == "2026-03-06T09:00:00-05:00"
    assert after["open_now"] is True


def test_next_opening_after_a_weekend_crosses_the_dst_change(api):
    make_resource(
        name="NY line",
        hours="Mo-Fr 09:00-17:00",
        time_zone="America/New_York",
        countries=["US"],
        contact_points=[("phone", "988", "US")],
    )
    saturday = resource_at(api, datetime(2026, 3, 7, 15, 0, tzinfo=UTC))
    assert saturday["open_now"] is False
    assert saturday["next_opening"] == "2026-03-09T09:00:00-04:00"


def test_open_now_filter_and_null_without_hours(api):
    make_resource(name="Office hours", hours="Mo-Fr 09:00-17:00")
    make_resource(name="Always", hours="24/7")
    make_resource(
        name="Podcast", kind="media", hours="", contact_points=[("web", "https://pod.example", "")]
    )
    saturday = datetime(2026, 3, 7, 12, 0, tzinfo=UTC)
    with time_machine.travel(saturday, tick=False):
        open_names = [
            r["name"] for r in api.get("/api/v1/resources/?open_now=true").json()["results"]
        ]
        closed = api.get("/api/v1/resources/?open_now=false").json()["results"]
        everything = api.get("/api/v1/resources/").json()["results"]
    assert open_names == ["Always"]
    assert [r["name"] for r in closed] == ["Office hours", "Podcast"]
    assert {r["name"]: r["open_now"] for r in everything}["Podcast"] is None


def test_contact_point_hours_count_when_the_resource_has_none(api):
    make_resource(
        name="Text line",
        kind="helpline",
        hours="",
        contact_points=[("sms", "+44 7911 123456", "GB", "Mo-Su 18:00-24:00")],
    )
    evening = datetime(2026, 7, 1, 19, 0, tzinfo=UTC)  # 20:00 in London (BST)
    with time_machine.travel(evening, tick=False):
        result = api.get("/api/v1/resources/?open_now=true").json()["results"]
    assert [r["name"] for r in result] == ["Text line"]
    assert result[0]["contact_points"][0]["open_now"] is True
    assert result[0]["contact_points"][0]["schedule"]["spans"][0]["closes"] == "24:00"
