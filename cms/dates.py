"""Dates and times as the admin user reads them: CLDR formats (babel) in the active language
(month and day names in Arabic or Japanese, not English)."""

from babel import Locale as BabelLocale
from babel import UnknownLocaleError
from babel.dates import (
    format_date,
    format_datetime,
    format_skeleton,
    format_time,
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
    """A date ("4 déc. 2026", "2026/12/04")."""
    return format_date(value, format=format, locale=active_babel_locale())


def month_label(value) -> str:
    """A month and year, standalone ("décembre 2026", "2026年12月")."""
    return format_skeleton("yMMMM", value, locale=active_babel_locale())


def weekday_label(value) -> str:
    """A day of the week, abbreviated ("lun.", "月")."""
    return format_date(value, format="EEE", locale=active_babel_locale())


def datetime_label(value, format="medium") -> str:
    """A date and time in the current time zone."""
    return format_datetime(
        timezone.localtime(value),
        format=format,
        tzinfo=timezone.get_current_timezone(),
        locale=active_babel_locale(),
    )


def time_label(value) -> str:
    """A wall-clock time as the active language writes it ("18:30", "6:30 PM", "6:30 م"); an
    aware datetime is read on its own clock, not converted."""
    return format_time(
        value.time() if hasattr(value, "time") else value,
        format="short",
        locale=active_babel_locale(),
    )
