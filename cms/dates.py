"""Dates and times as the admin user reads them: CLDR formats (babel) in the active language
(month and day names in Arabic or Japanese, not English), and a time in a zone of its own
with that zone's abbreviation ("18:30 CST")."""

import zoneinfo

from babel import Locale as BabelLocale
from babel import UnknownLocaleError
from babel.dates import (
    format_date,
    format_datetime,
    format_skeleton,
    format_time,
    get_timezone_name,
)
from django.utils import timezone
from django.utils.translation import get_language, to_locale


def active_babel_locale() -> BabelLocale:
    """The babel locale of the active Django language (English when babel does not know it)."""
    try:
        return BabelLocale.parse(to_locale(get_language() or "en"))
    except (UnknownLocaleError, ValueError):
        return BabelLocale.parse("en")


def date_label(value, format="medium") -> str:
    """A date ("4 déc. 2026", "٤ ديسمبر ٢٠٢٦")."""
    return format_date(value, format=format, locale=active_babel_locale())


def month_label(value) -> str:
    """A month and year, standalone ("décembre 2026", "2026年12月")."""
    return format_skeleton("yMMMM", value, locale=active_babel_locale())


def weekday_label(value, width="abbreviated") -> str:
    """A day of the week ("lun.", "月")."""
    return format_date(
        value, format="EEE" if width == "abbreviated" else "EEEE", locale=active_babel_locale()
    )


def datetime_label(value, format="medium") -> str:
    """A date and time in the current time zone."""
    return format_datetime(
        timezone.localtime(value),
        format=format,
        tzinfo=timezone.get_current_timezone(),
        locale=active_babel_locale(),
    )


def zone_abbreviation(value, zone_name) -> str:
    """The zone's abbreviation at that moment ("CST", "BST", "JST"), or its UTC offset where the
    zone has no abbreviation ("+03")."""
    return value.astimezone(zoneinfo.ZoneInfo(zone_name)).tzname() or zone_name


def time_in_zone(value, zone_name) -> str:
    """The wall-clock time of ``value`` in ``zone_name``, in the active language's format."""
    local = value.astimezone(zoneinfo.ZoneInfo(zone_name))
    return format_time(local.time(), format="short", locale=active_babel_locale())


def zone_label(zone_name) -> str:
    """A time zone's name in the active language ("heure : Chicago")."""
    return get_timezone_name(zoneinfo.ZoneInfo(zone_name), locale=active_babel_locale())
