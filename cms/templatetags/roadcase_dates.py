"""Template filters over ``cms.dates``: dates formatted by babel in the admin user's language."""

from django import template

from .. import dates

register = template.Library()


@register.filter
def babel_date(value, format="medium"):
    return dates.date_label(value, format) if value else ""


@register.filter
def babel_datetime(value, format="medium"):
    return dates.datetime_label(value, format) if value else ""


@register.filter
def babel_weekday(value):
    return dates.weekday_label(value) if value else ""
