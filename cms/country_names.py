"""Every name a country goes by, so editors find it however they type it: its ISO codes
(GB, GBR), its CLDR names in every language of the hub (babel: United Kingdom, Royaume-Uni,
イギリス, المملكة المتحدة) and its ISO 3166 names (pycountry: "United Kingdom of Great Britain
and Northern Ireland"). ``Country.search_names`` keeps them for Wagtail's search (the country
chooser and Directory > Countries).
"""

import pycountry
from django.conf import settings

from .codes import country_name

# Everyday names CLDR and ISO 3166 do not give (CLDR's "UK" is only a short variant).
EVERYDAY_NAMES = {"GB": ["UK", "Britain", "Great Britain"], "US": ["USA", "America"]}


def search_names(code: str) -> str:
    """The codes and names of the country ``code``, one per line, without repeats."""
    names = [code, *EVERYDAY_NAMES.get(code, [])]
    record = pycountry.countries.get(alpha_2=code)
    if record is not None:
        names += [
            record.alpha_3,
            record.name,
            getattr(record, "official_name", ""),
            getattr(record, "common_name", ""),
        ]
    for language, _name in settings.LANGUAGES:
        names.append(country_name(code, language))
    return "\n".join(dict.fromkeys(name for name in names if name))
