"""Opening hours: the written form, its errors, and "open now" in the line's own time zone."""

from datetime import UTC, datetime

import pytest

from cms.hours import HoursError, format_hours, is_open, next_opening, parse_hours


def at(text):
    return datetime.fromisoformat(text).astimezone(UTC)


class TestParsing:
    def test_always_open(self):
        assert parse_hours("24/7").always_open
        assert format_hours(parse_hours(" 24 / 7 ")) == "24/7"

    def test_empty_means_no_set_hours(self):
        assert parse_hours("") is None
        assert parse_hours(None) is None

    def test_ranges_lists_and_several_spans_round_trip(self):
        text = "Mo-Fr 09:00-12:00,13:00-17:00; Sa,Su 10:00-14:00"
        schedule = parse_hours(text)
        assert len(schedule.spans) == 5 * 2 + 2
        assert format_hours(schedule) == "Mo-Fr 09:00-12:00,13:00-17:00; Sa-Su 10:00-14:00"

    def test_end_of_day_is_24_00(self):
        schedule = parse_hours("Mo-Su 18:00-24:00; Mo-Su 00:00-02:00")
        assert format_hours(schedule) == "Mo-Su 00:00-02:00,18:00-24:00"

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("Mo-Fr 17:00-09:00", "closes before it opens"),
            ("Mo 10:00-10:00", "closes before it opens"),
            ("Fr-Mo 09:00-17:00", "runs backwards"),
            ("Xx 09:00-17:00", "is not a day"),
            ("Mo 9-17", "is not a time span"),
            ("Mo 09:00-25:00", "is not a time span"),
            ("Mo 24:30-24:45", "is not a time of day"),
            ("Mo-Fr", "needs days and times"),
            ("Mo 09:00-13:00,12:00-17:00", "overlap on Mo"),
        ],
    )
    def test_malformed_hours_are_rejected_with_a_reason(self, text, message):
        with pytest.raises(HoursError, match=message):
            parse_hours(text)


class TestOpenNow:
    weekdays_9_to_5 = parse_hours("Mo-Fr 09:00-17:00")

    def test_open_and_closed_in_the_lines_own_zone(self):
        # 09:30 in New York on a Monday is 14:30 UTC in winter (EST, UTC-5).
        assert is_open(self.weekdays_9_to_5, "America/New_York", at("2026-01-05T14:30:00+00:00"))
        assert not is_open(self.weekdays_9_to_5, "Europe/London", at("2026-01-05T17:30:00+00:00"))
        assert not is_open(self.weekdays_9_to_5, "Asia/Tokyo", at("2026-01-10T03:00:00+00:00"))

    def test_closing_minute_is_closed(self):
        assert not is_open(self.weekdays_9_to_5, "UTC", at("2026-01-05T17:00:00+00:00"))
        assert is_open(self.weekdays_9_to_5, "UTC", at("2026-01-05T16:59:00+00:00"))

    def test_across_a_dst_change(self):
        # Europe/London moves to BST (UTC+1) on 2026-03-29. 08:30 UTC on Monday 30 March is
        # 09:30 local: open. The same UTC time a week earlier was 08:30 local: closed.
        assert is_open(self.weekdays_9_to_5, "Europe/London", at("2026-03-30T08:30:00+00:00"))
        assert not is_open(self.weekdays_9_to_5, "Europe/London", at("2026-03-23T08:30:00+00:00"))

    def test_no_hours_is_never_open(self):
        assert not is_open(None, "UTC", at("2026-01-05T12:00:00+00:00"))

    def test_always_open_is_open(self):
        assert is_open(parse_hours("24/7"), "Pacific/Auckland", at("2026-01-05T12:00:00+00:00"))

    def test_next_opening_after_the_weekend_in_local_time(self):
        saturday = at("2026-01-10T12:00:00+00:00")
        opening = next_opening(self.weekdays_9_to_5, "Australia/Sydney", saturday)
        assert opening.isoformat() == "2026-01-12T09:00:00+11:00"

    def test_next_opening_later_today(self):
        early = at("2026-01-05T07:00:00+00:00")
        assert next_opening(self.weekdays_9_to_5, "UTC", early).hour == 9
        assert next_opening(self.weekdays_9_to_5, "UTC", at("2026-01-05T10:00:00+00:00")) is None
