"""Which content locale an API request is served in, and laying translations over source objects.

Every query filters the default-locale (source) objects, so filters, counts and ordering are the
same in every locale; the requested locale's live translation is then laid over each object field
by field, falling back to the source wherever the translation leaves a field empty.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Locale


def content_locale_codes():
    """The hub's content locales as the API names them (en, pt-br, ar…)."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def default_locale_code():
    return settings.LANGUAGE_CODE


def match_locale_code(value):
    """The content locale ``value`` names (case-insensitive, pt_BR = pt-br), or None."""
    wanted = (value or "").strip().lower().replace("_", "-")
    return wanted if wanted in content_locale_codes() else None


def locale_from_accept_language(header):
    """The best content locale for an Accept-Language header, exact tag first, then base
    language (pt-PT finds pt-br only if nothing better was asked for); the default otherwise.
    """
    codes = content_locale_codes()
    for tag, _quality in parse_accept_lang_header(header or "")[:10]:
        if tag == "*":
            break
        exact = match_locale_code(tag)
        if exact:
            return exact
        base = tag.split("-")[0].lower()
        for code in codes:
            if code.split("-")[0] == base:
                return code
    return default_locale_code()


def direction(code):
    try:
        return "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


@dataclass(frozen=True)
class ContentLocale:
    """The locale asked for, and the Wagtail Locale rows of it and of the default locale."""

    code: str
    default_code: str
    locale_id: int | None
    default_locale_id: int | None

    @property
    def is_default(self):
        return self.code == self.default_code

    @classmethod
    def resolve(cls, code):
        default_code = default_locale_code()
        ids = dict(
            Locale.objects.filter(language_code__in={code, default_code}).values_list(
                "language_code", "id"
            )
        )
        return cls(code, default_code, ids.get(code), ids.get(default_code))


def translations_of(model, sources, content_locale, *, live_only=True, fields=None):
    """``{translation_key: translation}`` for ``sources`` in the requested locale (one query).
    ``fields``: only those are loaded (the ones to ``overlay``; reading any other would cost
    a query per object).
    """
    if content_locale.is_default or content_locale.locale_id is None or not sources:
        return {}
    keys = {source.translation_key for source in sources}
    queryset = model.objects.filter(translation_key__in=keys, locale_id=content_locale.locale_id)
    if live_only and hasattr(model, "live"):
        queryset = queryset.filter(live=True)
    if fields is not None:
        queryset = queryset.only("translation_key", *fields)
    return {item.translation_key: item for item in queryset}


def overlay(source, translation, fields, content_locale):
    """Copy each non-empty translated field onto ``source`` (in memory) and record the locale
    the object is served in on ``source.served_locale``.
    """
    source.served_locale = content_locale.default_code
    if translation is None:
        return source
    for field in fields:
        value = getattr(translation, field)
        if not _is_empty(value):
            setattr(source, field, value)
    source.served_locale = content_locale.code
    return source


def _is_empty(value):
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return hasattr(value, "__len__") and len(value) == 0
