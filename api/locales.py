"""Which content locale an API request is served in, and laying translations over source objects.

Every query filters the default-locale (source) objects, so filters, counts and ordering are the
same in every locale; the requested locale's live translation is then laid over each object field
by field, falling back to the source wherever the translation leaves a field empty.
"""

import time
from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Locale

from cms.languages import default_language_code, supported_language


def match_locale_code(value):
    """The content locale ``value`` names (case-insensitive, pt_BR = pt-br, en-US = en when
    only en is enabled), or None."""
    return supported_language(value)


def locale_from_accept_language(header):
    """The best content locale for an Accept-Language header: the first tag, in the client's
    order of preference, that names a content locale or a variant of one (as Wagtail matches
    them); the default otherwise.
    """
    for tag, _quality in parse_accept_lang_header(header or "")[:10]:
        if tag == "*":
            break
        found = supported_language(tag)
        if found:
            return found
    return default_language_code()


def request_locale(request):
    """The locale a request asks for: a valid ``?locale=``, else Accept-Language, else the
    default. Messages (errors included) are written in it."""
    return match_locale_code(request.GET.get("locale")) or locale_from_accept_language(
        request.headers.get("Accept-Language")
    )


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
        default_code = default_language_code()
        return cls(code, default_code, locale_id(code), locale_id(default_code))


# The id of each Locale row by language code, kept in the process: every request not answered
# from the response cache needs one or two, and the rows almost never change. Saving or
# deleting a Locale forgets them in this process (``forget_locale_ids``, connected in
# signals.py); other processes re-read them within LOCALE_IDS_SECONDS, and a code not found
# is always looked up again, so a new locale is served at once.
LOCALE_IDS_SECONDS = 60
_locale_ids = {"read_at": float("-inf"), "ids": {}}


def locale_id(code):
    """The id of the Locale row of ``code``, or None."""
    if time.monotonic() - _locale_ids["read_at"] > LOCALE_IDS_SECONDS or (
        code not in _locale_ids["ids"]
    ):
        _locale_ids["ids"] = dict(Locale.objects.values_list("language_code", "id"))
        _locale_ids["read_at"] = time.monotonic()
    return _locale_ids["ids"].get(code)


def forget_locale_ids(**kwargs):
    _locale_ids["read_at"] = float("-inf")


def translations_of(model, sources, content_locale, *, live_only=True, fields=None):
    """``{translation_key: translation}`` for ``sources`` in the requested locale (one query).

    ``fields``: only those are read, as the attributes of a plain object (the fields to
    ``overlay``): building model instances, deferred ones above all, cost more than the query
    (docs/performance.md, item 28). Without ``fields``, whole objects (a page to link to).
    """
    if content_locale.is_default or content_locale.locale_id is None or not sources:
        return {}
    keys = {source.translation_key for source in sources}
    queryset = model.objects.filter(translation_key__in=keys, locale_id=content_locale.locale_id)
    if live_only and hasattr(model, "live"):
        queryset = queryset.filter(live=True)
        queryset = queryset.filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
    if fields is None:
        return {item.translation_key: item for item in queryset}
    rows = queryset.order_by().values("translation_key", *fields)
    return {row["translation_key"]: SimpleNamespace(**row) for row in rows}


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
