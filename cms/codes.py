"""Validating and naming the codes the directory uses: ISO 3166-1 countries, BCP 47 languages,
phone numbers (stored as E.164, or as a national short number with its country) and origins.
"""

import functools
import re
from urllib.parse import urlsplit

import babel
import phonenumbers
import pycountry
from phonenumbers import shortnumberinfo


class CodeError(ValueError):
    """A code or number is not valid; the message says what to enter instead."""


@functools.cache
def country_codes():
    return frozenset(c.alpha_2 for c in pycountry.countries)


def validate_country(code):
    if code not in country_codes():
        raise CodeError(f"{code!r} is not an ISO 3166-1 alpha-2 country code (e.g. GB, US).")
    return code


@functools.cache
def babel_locale(code):
    """A babel Locale for a BCP 47 tag or Django language code (pt-br → pt_BR), or English."""
    try:
        return babel.Locale.parse(code.replace("-", "_"), sep="_")
    except (babel.UnknownLocaleError, ValueError):
        return babel.Locale("en")


def country_name(code, locale_code):
    return (
        babel_locale(locale_code).territories.get(code)
        or pycountry.countries.get(alpha_2=code).name
    )


_BCP47_RE = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$")


def normalize_language(tag):
    """Normalise a BCP 47 tag (pt-br → pt-BR) and check its language subtag is real."""
    parts = tag.strip().replace("_", "-").split("-")
    if not parts[0]:
        raise CodeError("Enter a BCP 47 language tag, e.g. en, pt-BR or ase.")
    normalized = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4:
            normalized.append(part.title())
        else:
            normalized.append(part.upper())
    result = "-".join(normalized)
    language = normalized[0]
    known = (
        pycountry.languages.get(alpha_2=language)
        if len(language) == 2
        else pycountry.languages.get(alpha_3=language)
    )
    if not _BCP47_RE.match(result) or known is None:
        raise CodeError(f"{tag!r} is not a BCP 47 language tag (e.g. en, pt-BR, ase).")
    region = normalized[-1] if len(normalized) > 1 and len(normalized[-1]) == 2 else None
    if region and region not in country_codes():
        raise CodeError(f"{tag!r} is not a BCP 47 language tag: {region} is not a country.")
    return result


def language_name(code, locale_code):
    locale = babel_locale(locale_code)
    base = code.split("-")[0]
    name = locale.languages.get(code.replace("-", "_")) or locale.languages.get(base)
    if name:
        return name
    known = pycountry.languages.get(alpha_2=base) or pycountry.languages.get(alpha_3=base)
    return known.name if known else code


def normalize_phone(value, region):
    """Return the number as E.164 (+442079460000), or as digits when it is a short number valid
    in ``region`` (116123 in GB, 988 in US). Raise CodeError otherwise.
    """
    region = (region or "").upper() or None
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as error:
        raise CodeError(
            f"{value!r} is not a phone number: give it in international form (+44 …) "
            "or pick the country it is dialled in."
        ) from error
    if phonenumbers.is_valid_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    # libphonenumber's short-number data misses some national crisis lines (BR 188, NL 113,
    # IN 14416), so a short number of a possible length for its country is accepted too.
    if region and shortnumberinfo.is_possible_short_number_for_region(number, region):
        return phonenumbers.national_significant_number(number)  # keeps a leading 0 (ES 024)
    where = f" in {region}" if region else ""
    raise CodeError(f"{value!r} is not a valid phone number{where}.")


def validate_origin(origin):
    """An origin as browsers send it: scheme://host[:port], nothing after."""
    candidate = origin.strip().removesuffix("/")
    parts = urlsplit(candidate)
    if (
        parts.scheme not in {"http", "https"}
        or not parts.hostname
        or parts.path
        or parts.query
        or parts.fragment
    ):
        raise CodeError(f"{origin!r} is not an origin like https://www.example.org.")
    return candidate.lower()
