from django import template

from ..dates import date_label, time_label

register = template.Library()


@register.filter
def day_entries(by_day, day):
    """The calendar entries of one day (templates cannot index a dict by a date)."""
    return by_day.get(day, [])


@register.filter
def entry_time(entry):
    """An entry's time on its own zone's wall clock, in the admin user's language."""
    return time_label(entry.local)


@register.filter
def day_number(day):
    """The day of the month, with the admin language's digits."""
    return date_label(day, "d")
