"""Settings for `make demo` and local development."""

from .base import *  # noqa: F403
from .base import ROADCASE_CONCIERGE_KEY

# A fixed, public key so dev and test data stay readable: never use it in production.
ROADCASE_CONCIERGE_KEY = ROADCASE_CONCIERGE_KEY or "7_eqT_FJ33cMkEcQyZVw5ZSuymKehWbjo_ZYF4zwU_Y="

DEBUG = True
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
