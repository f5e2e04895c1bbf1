"""Settings for `make bench` only: the hub as production runs it (DEBUG off, no debug toolbar,
the same middleware and the same cache), plus what a benchmark needs and a site would not:

- Wagtail's own API v2 (``wagtail.api.v2``), to measure it on the same guide pages;
- no throttling: every request comes from one address, which the per-IP throttles would stop
  within a second (in production each request pays one cache read and write for them);
- a middleware that retires the API's response cache when asked (``X-Roadcase-Bench-Cold``),
  so "cold" figures are real cache misses.

Never use these settings to serve anything.
"""

from roadcase_site.settings.base import *  # noqa: F403
from roadcase_site.settings.base import INSTALLED_APPS, MIDDLEWARE, ROADCASE

SECRET_KEY = "roadcase-bench-only"
ROADCASE_CONCIERGE_KEY = "7_eqT_FJ33cMkEcQyZVw5ZSuymKehWbjo_ZYF4zwU_Y="
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2"]
MIDDLEWARE = ["tests.bench.middleware.cold_cache_middleware", *MIDDLEWARE]
ROOT_URLCONF = "tests.bench.urls"
ROADCASE = {**ROADCASE, "API_THROTTLE_READ": None, "API_THROTTLE_WRITE": None}
