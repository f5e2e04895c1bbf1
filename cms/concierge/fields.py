"""Encryption at rest for the concierge's personal data: a text field stored as a Fernet token
(AES-128-CBC with an HMAC, from the ``cryptography`` package), with the key(s) from the
``ROADCASE_CONCIERGE_KEY`` setting. The key never reaches the database.

Several comma-separated keys allow rotation: the first encrypts, every key decrypts; re-saving
a row re-encrypts it with the first. A value no key can decrypt raises rather than being shown
(or saved back) as if it were plaintext.
"""

from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


@lru_cache(maxsize=4)
def _fernet_for(keys: str) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.strip()) for key in keys.split(",") if key.strip()])
    except ValueError as error:
        raise ImproperlyConfigured(
            "ROADCASE_CONCIERGE_KEY must be one or more Fernet keys, comma-separated."
        ) from error


def concierge_key_problem() -> str | None:
    """Why concierge requests cannot be stored here (no key, or a key that is not a Fernet
    key), or None when they can. The intake answers 503 and the widget hides its form while
    this is not None; the system check ``roadcase.W001``/``roadcase.E001`` reports it."""
    if not getattr(settings, "ROADCASE_CONCIERGE_KEY", ""):
        return "missing"
    try:
        concierge_fernet()
    except ImproperlyConfigured:
        return "invalid"
    return None


def concierge_fernet() -> MultiFernet:
    keys = getattr(settings, "ROADCASE_CONCIERGE_KEY", "")
    if not keys:
        raise ImproperlyConfigured(
            "Set ROADCASE_CONCIERGE_KEY (a Fernet key) to store concierge requests."
        )
    return _fernet_for(keys)


class EncryptedTextField(models.TextField):
    """A TextField whose non-empty values are encrypted before they reach the database.

    It cannot be filtered or ordered on (the stored token differs at every save).
    """

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return concierge_fernet().encrypt(str(value).encode()).decode("ascii")

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return concierge_fernet().decrypt(value.encode("ascii")).decode()
