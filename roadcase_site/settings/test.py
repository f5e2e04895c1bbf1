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

# Tests never reach the internet: the periodic link check runs only in its own tests, against a
# local server (tests/verification/).
ROADCASE = {
    **ROADCASE,  # noqa: F405
    "PERIODIC_JOBS": [
        "cms.concierge.services.concierge_retry_due",
        "cms.concierge.services.concierge_purge_expired",
        "cms.verification.services.mark_overdue_reviews",
    ],
}
