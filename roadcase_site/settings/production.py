"""Production settings: secrets come from the environment, and unsafe values refuse to start."""

import os

from django.core.exceptions import ImproperlyConfigured

from cms.localization.machine_translation import translator_setting

from .base import *  # noqa: F403
from .base import ROADCASE_CONCIERGE_KEY, SECRET_KEY

DEBUG = os.environ.get("DEBUG", "").lower() in {"1", "true", "yes"}

if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production (unset the DEBUG variable).")
if "SECRET_KEY" not in os.environ or SECRET_KEY == "roadcase-insecure-development-key":
    raise ImproperlyConfigured("Set SECRET_KEY in the environment to a long random value.")
if not ROADCASE_CONCIERGE_KEY:
    raise ImproperlyConfigured(
        "Set ROADCASE_CONCIERGE_KEY to a Fernet key (see docs/concierge.md): it encrypts the "
        "concierge's personal data."
    )

# DeepL or a LibreTranslate server, or no machine translation: never the pseudo-translator.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = translator_setting(os.environ, pseudo_allowed=False)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "").lower() in {"1", "true", "yes"}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "hub@localhost")
