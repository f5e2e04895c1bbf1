"""The fallback content inside the embed code's ``<roadcase-finder>`` element (issue 17).

A custom element's light-DOM children show until the widget attaches its shadow root, so what
is rendered here is what a person sees while the script loads, and for good when the hub or the
script cannot be reached: the partner's country's emergency number, its top crisis line and a
quick exit. It is rendered from the directory when the admin copies the code, in the partner's
default language: plain HTML with no script and no inline style (a partner's strict CSP would
block those), every number and name from the database, never written here.
"""

from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from api.filter_terms import WORLDWIDE
from api.locales import ContentLocale, match_locale_code
from api.selectors import (
    NATIONAL_CRISIS_LINE,
    NATIONAL_HELPLINE,
    contact_points_of,
    country_get,
    crisis_lines,
)
from cms.hours import parse_hours
from cms.languages import default_language_code
from cms.models import ContactMethod

from .strings import WIDGET_STRINGS

# How many worldwide services the fallback lists when the partner names no country.
WORLDWIDE_SHOWN = 2


def fallback_content(partner, *, quick_exit_url):
    """The HTML shown inside the element until the widget loads (a SafeString)."""
    locale = match_locale_code(partner.default_locale) or default_language_code()
    with translation.override(locale):
        content_locale = ContentLocale.resolve(locale)
        country = partner.default_country_id
        parts = [format_html("<h2>{}</h2>", WIDGET_STRINGS["crisis_heading"])]
        if country:
            parts += _emergency_numbers(country)
            line = _top_national_line(country, content_locale)
            parts += [_line(line)] if line else _worldwide(content_locale)
        else:
            parts.append(format_html("<p>{}</p>", WIDGET_STRINGS["emergency_unknown"]))
            parts += _worldwide(content_locale)
        parts.append(
            format_html(
                '<p><a href="{}" rel="noreferrer">{}</a></p>',
                quick_exit_url,
                WIDGET_STRINGS["quick_exit"],
            )
        )
        return format_html(
            '<div lang="{}" dir="{}">\n{}\n</div>',
            locale,
            "rtl" if translation.get_language_bidi() else "ltr",
            mark_safe("\n".join(parts)),
        )


def _emergency_numbers(country_code):
    numbers = country_get(country_code).ordered_emergency_numbers()
    if not numbers:
        return [format_html("<p>{}</p>", WIDGET_STRINGS["emergency_unknown"])]
    items = format_html_join(
        "\n",
        '<li><a href="tel:{}">{}</a> ({})</li>',
        (
            (n.number, str(WIDGET_STRINGS["emergency_call"]).format(number=n.number), n.label)
            for n in numbers
        ),
    )
    return [format_html("<p>{}</p>\n<ul>\n{}\n</ul>", WIDGET_STRINGS["emergency_label"], items)]


def _phone(resource):
    return next((p for p in contact_points_of(resource) if p.method == ContactMethod.PHONE), None)


def _top_national_line(country_code, content_locale):
    """The country's first national crisis line (else helpline) with a phone number, open 24/7
    first: the code is copied once and shown at any hour, so today's "open now" must not pick."""
    found = crisis_lines(country_code=country_code, content_locale=content_locale)
    national = [
        line
        for line in found.lines
        if line.crisis_group in (NATIONAL_CRISIS_LINE, NATIONAL_HELPLINE) and _phone(line)
    ]
    if not national:
        return None
    return min(
        national,
        key=lambda line: (
            line.crisis_group != NATIONAL_CRISIS_LINE,
            not _always_open(line),
            found.lines.index(line),
        ),
    )


def _always_open(resource):
    schedule = parse_hours(resource.hours) if resource.hours else None
    return bool(schedule and schedule.always_open)


def _line(resource):
    phone = _phone(resource)
    return format_html(
        '<p>{}: <a href="{}">{}</a></p>',
        resource.name,
        phone.href,
        str(WIDGET_STRINGS["call"]).format(number=phone.shown_as),
    )


def _worldwide(content_locale):
    """Worldwide services (directories of helplines such as Befrienders Worldwide), each with a
    link to it and to the source its facts came from."""
    lines = crisis_lines(country_code=WORLDWIDE, content_locale=content_locale).lines
    parts = []
    for line in lines[:WORLDWIDE_SHOWN]:
        point = next(iter(contact_points_of(line)), None)
        if point is None:
            continue
        source = (
            format_html(
                ' (<a href="{}" rel="noreferrer">{}</a>)', line.source_url, WIDGET_STRINGS["source"]
            )
            if line.source_url
            else ""
        )
        parts.append(
            format_html(
                '<p><a href="{}" rel="noreferrer">{}</a>{}</p>', point.href, line.name, source
            )
        )
    return parts
