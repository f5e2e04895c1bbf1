"""The host site's content languages, named the way its Wagtail ``Locale`` rows name them.

A host's settings may say ``LANGUAGE_CODE = "en-us"`` (``wagtail start``'s default), leave
``WAGTAIL_CONTENT_LANGUAGES`` unset, or list ``pt-br`` while a request asks for ``pt_BR``. Wagtail
maps each of these to a content language with ``get_supported_content_language_variant`` (that
is how it picks the default ``Locale``), so Roadcase asks Wagtail the same question everywhere:
the API, the widget's configuration, partners' defaults and the demo loader.
"""

from django.conf import settings
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant


def content_languages():
    """``{code: name}`` of the content languages, in the order the settings give them."""
    return get_content_languages()


def content_language_codes():
    return list(get_content_languages())


def supported_language(value):
    """The content language ``value`` names (``en-US``, ``pt_BR``, ``fr-CA`` and ``zh-Hans``
    find ``en``, ``pt-br``, ``fr`` and ``zh-hans`` when those are enabled), or None.
    """
    wanted = str(value or "").strip().lower().replace("_", "-")
    if not wanted or len(wanted) > 20:
        return None
    try:
        return get_supported_content_language_variant(wanted)
    except LookupError:
        return None


def default_language_code():
    """The default content language: the one the default ``Locale`` row is named after."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)
