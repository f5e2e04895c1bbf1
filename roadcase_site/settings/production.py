"""Production settings: secrets come from the environment, and unsafe values refuse to start.

Every variable is described in docs/deployment.md; ``manage.py check --deploy`` passes with
the environment shown there.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from cms.localization.machine_translation import translator_setting

from .base import *  # noqa: F403
from .base import MIDDLEWARE, ROADCASE, ROADCASE_CONCIERGE_KEY, SECRET_KEY


def env_flag(name, default):
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("DEBUG", False)

if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production (unset the DEBUG variable).")
if "SECRET_KEY" not in os.environ or SECRET_KEY == "roadcase-insecure-development-key":
    raise ImproperlyConfigured("Set SECRET_KEY in the environment to a long random value.")
if not ROADCASE_CONCIERGE_KEY:
    raise ImproperlyConfigured(
        "Set ROADCASE_CONCIERGE_KEY to a Fernet key (see docs/concierge.md): it encrypts the "
        "concierge's personal data."
    )
if not os.environ.get("REDIS_URL"):
    raise ImproperlyConfigured(
        "Set REDIS_URL (redis://host:6379/0): every app server, worker and the periodic job "
        "must share one cache, or a publish purges the API's cache in one process only and "
        "throttles count per process."
    )

# HTTPS only: plain HTTP is redirected, and browsers told to use nothing else (HSTS).
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", False)
# Only behind a proxy that terminates TLS and sets X-Forwarded-Proto itself (overwriting what
# a client sent): otherwise any client could claim HTTPS.
if env_flag("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# DeepL or a LibreTranslate server, or no machine translation: never the pseudo-translator.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = translator_setting(os.environ, pseudo_allowed=False)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# The proxies, load balancers or CDN in front, comma-separated (addresses or CIDR networks):
# their X-Forwarded-For names the client that throttles and the login lockout count.
ROADCASE = {
    **ROADCASE,
    "TRUSTED_PROXIES": [
        p.strip() for p in os.environ.get("ROADCASE_TRUSTED_PROXIES", "").split(",") if p.strip()
    ],
}

# Static files (the admin's CSS and JS) served by the app itself through WhiteNoise, compressed
# and with content-hashed names cached for a year; `manage.py collectstatic` writes them.
MIDDLEWARE = [
    *MIDDLEWARE[: MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1 :],
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "hub@localhost")
