"""Opening hours: a compact weekly schedule, read in the resource's own IANA time zone.

The written form is the one editors type, CSV imports carry and the API returns::

    24/7
    Mo-Fr 09:00-17:00; Sa 10:00-14:00
    Mo-Fr 09:00-12:00,13:00-17:00; Sa,Su 10:00-14:00
    Mo-Su 18:00-24:00; Mo-Su 00:00-02:00      (an overnight line is two spans)

Days are Mo Tu We Th Fr Sa Su; a span closes strictly after it opens; 24:00 is the end of a day;
spans on one day must not overlap. "Open now" is only ever computed from these spans, so a line is
never shown open unless its hours say so.
"""

import functools
import itertools
import re
import zoneinfo
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils.translation import gettext as _

DAY_CODES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
ALWAYS_OPEN = "24/7"
MINUTES_PER_DAY = 24 * 60

_TIME = r"(?:[01]\d|2[0-4]):[0-5]\d"
_SPAN_RE = re.compile(rf"^({_TIME})-({_TIME})$")


class HoursError(ValueError):
    """The hours text is not a well-formed weekly schedule; the message says what is wrong."""


@dataclass(frozen=True, order=True)
class Span:
    """One opening on one weekday, in minutes from that day's local midnight."""

    weekday: int  # 0 = Monday, as datetime.weekday()
    opens: int
    closes: int


@dataclass(frozen=True)
class WeeklySchedule:
    """A parsed schedule: either always open, or a set of weekly spans."""

    always_open: bool
    spans: tuple[Span, ...] = ()

    def __str__(self):
        return format_hours(self)


def _minutes(text):
    hours, minutes = text.split(":")
    value = int(hours) * 60 + int(minutes)
    if value > MINUTES_PER_DAY:
        raise HoursError(
            _("“%(time)s” is not a time of day (use 00:00 to 24:00).") % {"time": text}
        )
    return value


def _days(text):
    days = []
    for part in text.split(","):
        part = part.strip()
        if "-" in part:
            first, _sep, last = part.partition("-")
            if first not in DAY_CODES or last not in DAY_CODES:
                raise HoursError(_("“%(days)s” is not a day range like Mo-Fr.") % {"days": part})
            start, end = DAY_CODES.index(first), DAY_CODES.index(last)
            if end < start:
                raise HoursError(
                    _("The day range “%(days)s” runs backwards; write it as Mo-Fr.")
                    % {"days": part}
                )
            days.extend(range(start, end + 1))
        elif part in DAY_CODES:
            days.append(DAY_CODES.index(part))
        else:
            raise HoursError(
                _("“%(day)s” is not a day; use %(codes)s.")
                % {"day": part, "codes": ", ".join(DAY_CODES)}
            )
    return days


def parse_hours(text):
    """Parse the written form into a WeeklySchedule, or None for empty text.

    Raises HoursError with a message an editor can act on.
    """
    return _parse_hours((text or "").strip())


# Listing crisis lines parses the hours of every line serving a country; the same few dozen
# texts recur, and schedules are immutable.
@functools.lru_cache(maxsize=4096)
def _parse_hours(text):
    if not text:
        return None
    if text.replace(" ", "").lower() in {"24/7", "24x7"}:
        return WeeklySchedule(always_open=True)

    spans = set()
    for rule in filter(None, (r.strip() for r in text.split(";"))):
        day_part, _sep, time_part = rule.partition(" ")
        if not time_part.strip():
            raise HoursError(
                _("“%(rule)s” needs days and times, like “Mo-Fr 09:00-17:00”.") % {"rule": rule}
            )
        for typed in time_part.split(","):
            # Spaces around the dash are allowed ("09:00 - 17:00"); errors quote what was typed.
            typed = typed.strip()
            match = _SPAN_RE.match(typed.replace(" ", ""))
            if not match:
                raise HoursError(
                    _("“%(span)s” is not a time span like 09:00-17:00.") % {"span": typed}
                )
            opens, closes = _minutes(match[1]), _minutes(match[2])
            if closes <= opens:
                raise HoursError(
                    _(
                        "“%(span)s” closes before it opens; write an overnight span as two, "
                        "e.g. “Mo 22:00-24:00; Tu 00:00-02:00”."
                    )
                    % {"span": typed}
                )
            for day in _days(day_part):
                spans.add(Span(day, opens, closes))

    ordered = tuple(sorted(spans))
    for earlier, later in itertools.pairwise(ordered):
        if earlier.weekday == later.weekday and later.opens < earlier.closes:
            raise HoursError(
                _("Two spans overlap on %(day)s.") % {"day": DAY_CODES[earlier.weekday]}
            )
    return WeeklySchedule(always_open=False, spans=ordered)


def normalize_hours(text):
    """The canonical written form of ``text`` ("" when empty); raises HoursError."""
    return format_hours(parse_hours(text))


def format_hours(schedule):
    """The canonical written form of a schedule (days with equal spans grouped as ranges)."""
    if schedule is None:
        return ""
    if schedule.always_open:
        return ALWAYS_OPEN
    by_day = {day: [] for day in range(7)}
    for span in schedule.spans:
        by_day[span.weekday].append(f"{_clock(span.opens)}-{_clock(span.closes)}")

    rules, day = [], 0
    while day < 7:
        if not by_day[day]:
            day += 1
            continue
        last = day
        while last + 1 < 7 and by_day[last + 1] == by_day[day]:
            last += 1
        days = DAY_CODES[day] if last == day else f"{DAY_CODES[day]}-{DAY_CODES[last]}"
        rules.append(f"{days} {','.join(by_day[day])}")
        day = last + 1
    return "; ".join(rules)


def _clock(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def validate_time_zone(name):
    """Raise HoursError unless ``name`` is an IANA time zone this machine knows."""
    if name not in available_time_zones():
        raise HoursError(
            _("“%(zone)s” is not an IANA time zone, e.g. Europe/London.") % {"zone": name}
        )


_TIME_ZONES = None


def available_time_zones():
    global _TIME_ZONES
    if _TIME_ZONES is None:
        _TIME_ZONES = frozenset(zoneinfo.available_timezones())
    return _TIME_ZONES


@functools.cache
def _zone(name):
    # ZoneInfo keeps only the 8 zones used last; a listing cycles through dozens.
    return zoneinfo.ZoneInfo(name)


def _local_minute(at, time_zone):
    local = at.astimezone(_zone(time_zone))
    return local, local.weekday(), local.hour * 60 + local.minute


def is_open(schedule, time_zone, at):
    """True only when ``schedule`` says the service is open at the aware datetime ``at``."""
    if schedule is None:
        return False
    if schedule.always_open:
        return True
    _local, weekday, minute = _local_minute(at, time_zone)
    return any(s.weekday == weekday and s.opens <= minute < s.closes for s in schedule.spans)


def next_opening(schedule, time_zone, at):
    """The next aware datetime (in ``time_zone``) at which a closed service opens, or None.

    Returns None when the schedule is empty, always open, or open at ``at``.
    """
    if schedule is None or schedule.always_open or not schedule.spans:
        return None
    if is_open(schedule, time_zone, at):
        return None
    zone = _zone(time_zone)
    local, _weekday, minute = _local_minute(at, time_zone)
    for day_offset in range(8):
        date = (local + timedelta(days=day_offset)).date()
        for span in schedule.spans:
            if span.weekday != date.weekday() or (day_offset == 0 and span.opens <= minute):
                continue
            opens = datetime.combine(date, time(span.opens // 60, span.opens % 60), zone)
            # A wall time skipped by a DST jump resolves forward, as clocks do.
            return opens.astimezone(zone).astimezone(zoneinfo.ZoneInfo("UTC")).astimezone(zone)
    return None
