"""The offline machine translator for the demo and the tests, plugged in through
wagtail-localize's ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` setting like DeepL is
(https://wagtail-localize.org/stable/how-to/integrations/machine-translation/).

It does not translate: it marks each string with the target language (``[fr] Free support``),
keeping inline markup intact, so a first draft is visibly a draft and every code path a real
translator takes (segments, HTML, machine-translation flags, review) is exercised without a
network. wagtail-localize stores its output as machine translations; nothing is published.
"""

from bs4 import BeautifulSoup, NavigableString
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


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


class OfflineTranslator(BaseMachineTranslator):
    display_name = _("Offline draft translator")

    def translate(self, source_locale, target_locale, strings):
        return {
            string: StringValue(pseudo_translate(string.data, target_locale.language_code))
            for string in strings
        }

    def can_translate(self, source_locale, target_locale):
        return _base_language(source_locale.language_code) != _base_language(
            target_locale.language_code
        )
