from django import template

register = template.Library()


@register.filter
def day_entries(by_day, day):
    """The calendar entries of one day (templates cannot index a dict by a date)."""
    return by_day.get(day, [])
