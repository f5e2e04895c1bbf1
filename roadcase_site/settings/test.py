"""Settings for the test suite: fast hashing, local-memory cache, tasks run immediately."""

from .base import *  # noqa: F403
from .base import ROADCASE_CONCIERGE_KEY

# A fixed, public key so dev and test data stay readable: never use it in production.
ROADCASE_CONCIERGE_KEY = ROADCASE_CONCIERGE_KEY or "7_eqT_FJ33cMkEcQyZVw5ZSuymKehWbjo_ZYF4zwU_Y="

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"

# Tests never reach the internet: the periodic job starts no link check; the checker runs only
# in its own tests, against a local server (tests/verification/).
ROADCASE = {
    **ROADCASE,  # noqa: F405
    "LINK_CHECK_INTERVAL_HOURS": None,
}
