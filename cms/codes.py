"""Validating and naming the codes the directory uses: ISO 3166-1 countries, BCP 47 languages,
phone numbers (stored as dialled: E.164, or national digits with the country they are dialled
in) and origins.
"""

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import babel
import phonenumbers
import pycountry
from django.utils.translation import gettext as _
from phonenumbers import shortnumberinfo

SHORT_NUMBERS_FILE = Path(__file__).parent / "data" / "short_numbers.json"


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


@dataclass(frozen=True)
class Phone:
    """A phone number as the directory keeps it: ``value`` is what is dialled (E.164 when the
    number can be dialled from abroad, else the national digits dialled in ``region``) and
    ``display`` is how people in ``region`` write it (``116 123``, ``0808 164 0123``).
    """

    value: str
    region: str
    display: str

    @property
    def href(self):
        return f"tel:{self.value}"


# A written number: digits grouped by spaces, dots, hyphens or brackets, with an optional "+"
# (international form) or "*" (a mobile short code).
_WRITTEN_RE = re.compile(r"^[+*]?[\d\s().\-/]+$")


def _digits(text):
    return re.sub(r"\D", "", text)


@functools.cache
def _shipped_short_numbers():
    entries = json.loads(SHORT_NUMBERS_FILE.read_text(encoding="utf-8"))
    return frozenset((entry["region"], entry["number"]) for entry in entries)


def _short_code(text):
    """The stored form of a short number or code as written in a list: digits, keeping a
    leading "*" (*4141)."""
    return ("*" if text.strip().startswith("*") else "") + _digits(text)


def extra_short_numbers():
    """``{(region, digits)}``: short numbers libphonenumber does not know yet, each listed in
    ``data/short_numbers.json`` with two agreeing sources, and a hub's own additions
    (``ROADCASE["EXTRA_SHORT_NUMBERS"] = ["IN:14416", ...]``)."""
    from .conf import roadcase_setting

    added = set()
    for text in roadcase_setting("EXTRA_SHORT_NUMBERS"):
        region, _sep, number = text.partition(":")
        added.add((region.strip().upper(), _short_code(number)))
    return _shipped_short_numbers() | added


def is_short_number(digits, region):
    """Whether ``digits`` are a short number (988, 116 123, 14416) valid in ``region``."""
    if not region or not digits:
        return False
    if (region, digits) in extra_short_numbers():
        return True
    try:
        number = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return False
    return shortnumberinfo.is_valid_short_number_for_region(number, region)


def parse_phone(value, region):
    """Validate a phone number as typed and return the ``Phone`` to keep, or raise CodeError.

    A short number (typed without an international prefix) must be a valid short number for
    ``region`` in libphonenumber's short-number data (or the shipped list of newer ones);
    anything else must be a valid full number. A full number that cannot be dialled from
    abroad (13 11 14 and 1800 numbers in AU, toll-free numbers in IN) is kept as dialled in its
    region, since ``tel:+61131114`` reaches nobody.
    """
    region = (region or "").strip().upper()
    text = (value or "").strip()
    if not text:
        raise CodeError(_("Enter the number."))
    if not _WRITTEN_RE.match(text):
        raise CodeError(
            _(
                "“%(number)s” is not a phone number: use digits, spaces and hyphens, with + for "
                "the international form."
            )
            % {"number": text}
        )
    if text.startswith("*"):
        # A mobile short code (*4141 in CL): libphonenumber has no data on these, so only the
        # shipped list with its sources (or the hub's own list) can vouch for one.
        code = "*" + _digits(text)
        if region and (region, code) in extra_short_numbers():
            return Phone(value=code, region=region, display=code)
        raise CodeError(
            _("“%(number)s” is not a known short code in %(region)s.")
            % {"number": text, "region": region or "?"}
        )
    international = text.startswith(("+", "00"))
    if not international and is_short_number(_digits(text), region):
        digits = _digits(text)
        return Phone(value=digits, region=region, display=_short_display(digits, text))
    try:
        number = phonenumbers.parse(text, region or None)
    except phonenumbers.NumberParseException as error:
        raise CodeError(
            _(
                "“%(number)s” is not a phone number: give it in international form (+44 …) or "
                "choose the country it is dialled in."
            )
            % {"number": text}
        ) from error
    if not phonenumbers.is_valid_number(number):
        raise CodeError(_invalid_message(text, number, region, international))
    if not international and not _digits(text).endswith(
        phonenumbers.national_significant_number(number)
    ):
        # libphonenumber completed a local number with an area code (116 123 in JE became
        # +44 1534 116123): never dial a number nobody typed.
        raise CodeError(
            _(
                "“%(number)s” is only a local number in %(region)s: give the full number with "
                "its area code (or, for a short number, the country where it is known)."
            )
            % {"number": text, "region": region}
        )
    home = phonenumbers.region_code_for_number(number) or region
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    display = _as_written(text, national, home, region)
    if phonenumbers.can_be_internationally_dialled(number):
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return Phone(value=e164, region=region or home, display=display)
    return Phone(value=_digits(national), region=home, display=display)


def _invalid_message(text, number, region, international):
    country = phonenumbers.region_code_for_country_code(number.country_code)
    values = {"number": text, "country": country, "code": number.country_code, "region": region}
    if international:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(country)
        lengths = metadata.general_desc.possible_length if metadata else ()
        digits = len(phonenumbers.national_significant_number(number))
        if lengths and digits < min(lengths):
            message = _(
                "“%(number)s” is too short for a phone number in %(country)s (+%(code)s). Short "
                "numbers are written without a country code."
            )
        elif lengths and digits > max(lengths):
            message = _("“%(number)s” is too long for a phone number in %(country)s (+%(code)s).")
        else:
            message = _("“%(number)s” is not a valid phone number in %(country)s (+%(code)s).")
    elif region:
        message = _(
            "“%(number)s” is neither a valid phone number nor a known short number in "
            "%(region)s. Check for a missing or extra digit, or choose the country it is "
            "dialled in."
        )
    else:
        message = _(
            "“%(number)s” is not a valid phone number. Give it in international form (+44 …) or "
            "choose the country it is dialled in."
        )
    return message % values


def _as_written(text, national, home, region):
    """How the number is shown: as it was typed when it was typed nationally in its own country
    (the operator's own grouping: 0800 111 0 111), else libphonenumber's national format."""
    typed_nationally = not text.startswith(("+", "00")) and (not region or region == home)
    if typed_nationally and _digits(text) == _digits(national):
        return " ".join(text.split())
    return national


def _short_display(digits, typed):
    """A short number as written: the typed grouping when it was grouped, ``116 123`` for the
    European harmonised numbers, else the digits (988, 1737)."""
    if re.search(r"\D", typed.strip()):
        return " ".join(typed.split())
    if len(digits) == 6 and digits.startswith("116"):
        return f"{digits[:3]} {digits[3:]}"
    return digits


def phone_display(value, region):
    """The display form of a stored number (for rows saved before displays were kept)."""
    try:
        return parse_phone(value, region).display
    except CodeError:
        return value


def normalize_phone(value, region):
    """The stored (dialled) form of a number; see ``parse_phone``."""
    return parse_phone(value, region).value


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
