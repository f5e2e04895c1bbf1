"""Template tags of the hub's public pages: the page in other languages (switcher and
``hreflang``) and the site's home page in the active language."""

import re

from django import template
from django.utils import translation
from wagtail.models import Locale, Site

from ..public.selectors import hreflang as to_hreflang
from ..public.selectors import page_languages as languages_of

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context, page):
    request = context.get("request")
    return languages_of(page, request) if request is not None else []


@register.simple_tag(takes_context=True)
def home_url(context):
    """The site's home page in the active language (else its source), or "/"."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return "/"
    root = site.root_page
    locale = Locale.objects.filter(language_code=translation.get_language()).first()
    home = root.get_translation_or_none(locale) if locale else None
    page = home if home is not None and home.live else root
    return page.get_url(request=request) or "/"


@register.filter
def hreflang(code):
    return to_hreflang(code or "")


@register.filter
def fill_in(text, value):
    """Put ``value`` into the first ``{placeholder}`` of ``text``: the widget's catalog strings
    (``"Call {number}"``) shared with these pages, so both have one translation."""
    return re.sub(r"\{\w+\}", lambda _match: str(value), str(text), count=1)
