"""Machine translation for the translation queue's first drafts and wagtail-localize's
"Machine translate" button, through wagtail-localize's own translator classes
(https://wagtail-localize.org/stable/how-to/integrations/machine-translation/):

- DeepL (``wagtail_localize.machine_translators.deepl.DeepLTranslator``), a hosted service;
- LibreTranslate (``wagtail_localize.machine_translators.libretranslate.LibreTranslator``),
  which a hub can run on its own server: the offline option for real use;
- ``PseudoTranslator`` below, "Pseudo-translation (testing)", which does not translate at all.

``translator_setting`` picks one from the environment for Roadcase's own settings; production
settings refuse the pseudo-translator, and ``manage.py check --deploy`` warns a host site that
configures it. Whichever is used, wagtail-localize stores the output as machine translations:
nothing is published, and the queue keeps the item open until a person reviews each string.
"""

from bs4 import BeautifulSoup, NavigableString
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

PSEUDO = "cms.localization.machine_translation.PseudoTranslator"
DEEPL = "wagtail_localize.machine_translators.deepl.DeepLTranslator"
LIBRETRANSLATE = "wagtail_localize.machine_translators.libretranslate.LibreTranslator"


def _base_language(code):
    return code.split("-")[0].lower()


def pseudo_translate(text: str, language_code: str) -> str:
    """``text`` marked as a draft in ``language_code``; markup and outer spaces are kept."""
    marker = f"[{language_code}] "
    if "<" not in text:
        stripped = text.lstrip()
        return text[: len(text) - len(stripped)] + marker + stripped if stripped else text
    soup = BeautifulSoup(text, "html.parser")
    for node in soup.descendants:
        if isinstance(node, NavigableString) and node.strip():
            node.replace_with(pseudo_translate(str(node), language_code))
            break
    return str(soup)


class PseudoTranslator(BaseMachineTranslator):
    """Marks each string with the target language (``[fr] Free support``) instead of
    translating it, keeping inline markup intact: every path a real translator takes
    (segments, HTML, machine flags, review) runs without a network. For tests and the demo;
    never a translation anyone should publish."""

    display_name = _("Pseudo-translation (testing)")

    def translate(self, source_locale, target_locale, strings):
        return {
            string: StringValue(pseudo_translate(string.data, target_locale.language_code))
            for string in strings
        }

    def can_translate(self, source_locale, target_locale):
        return _base_language(source_locale.language_code) != _base_language(
            target_locale.language_code
        )


def translator_setting(environ, *, pseudo_allowed: bool):
    """``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` from the environment.

    ``MACHINE_TRANSLATOR`` names one (``deepl``, ``libretranslate``, ``pseudo`` or ``none``);
    unset, DeepL is used when ``DEEPL_API_KEY`` is set, else LibreTranslate when
    ``LIBRETRANSLATE_URL`` is, else the pseudo-translator where it is allowed (development and
    tests) and no machine translation where it is not (production).
    """
    choice = environ.get("MACHINE_TRANSLATOR", "").strip().lower()
    if not choice:
        if environ.get("DEEPL_API_KEY"):
            choice = "deepl"
        elif environ.get("LIBRETRANSLATE_URL"):
            choice = "libretranslate"
        else:
            choice = "pseudo" if pseudo_allowed else "none"
    if choice == "none":
        return None
    if choice == "deepl":
        if not environ.get("DEEPL_API_KEY"):
            raise ImproperlyConfigured("MACHINE_TRANSLATOR=deepl needs DEEPL_API_KEY.")
        options = {"AUTH_KEY": environ["DEEPL_API_KEY"]}
        if environ.get("DEEPL_FORMALITY"):
            options["FORMALITY"] = environ["DEEPL_FORMALITY"]
        return {"CLASS": DEEPL, "OPTIONS": options}
    if choice == "libretranslate":
        if not environ.get("LIBRETRANSLATE_URL"):
            raise ImproperlyConfigured(
                "MACHINE_TRANSLATOR=libretranslate needs LIBRETRANSLATE_URL (your server)."
            )
        return {
            "CLASS": LIBRETRANSLATE,
            "OPTIONS": {
                "LIBRETRANSLATE_URL": environ["LIBRETRANSLATE_URL"].rstrip("/"),
                "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", ""),
                "TIMEOUT": int(environ.get("LIBRETRANSLATE_TIMEOUT", "10")),
            },
        }
    if choice == "pseudo":
        if not pseudo_allowed:
            raise ImproperlyConfigured(
                "The pseudo-translator is for testing: it marks strings instead of translating "
                "them. In production set DEEPL_API_KEY or LIBRETRANSLATE_URL, or "
                "MACHINE_TRANSLATOR=none."
            )
        return {"CLASS": PSEUDO}
    raise ImproperlyConfigured(
        f"MACHINE_TRANSLATOR={choice!r}: use deepl, libretranslate, pseudo or none."
    )


@checks.register(checks.Tags.security, deploy=True)
def check_no_pseudo_translation(app_configs, **kwargs):
    """``manage.py check --deploy``: a site about to go live must not machine-"translate" with
    the pseudo-translator."""
    config = getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None) or {}
    if config.get("CLASS") == PSEUDO:
        return [
            checks.Error(
                "WAGTAILLOCALIZE_MACHINE_TRANSLATOR is Roadcase's pseudo-translator, which only "
                "marks strings: it is for tests.",
                hint="Configure DeepL or a LibreTranslate server (docs/localization.md), or "
                "remove the setting.",
                id="roadcase.E008",
            )
        ]
    return []
