"""The API's view of the shared cache: an outage looks like an empty cache, never an error.

Reads miss and writes are dropped while the cache (Redis in production) is unreachable, so the
API answers uncached, crisis lines first, and throttles let requests through instead of
failing them. The outage is logged once when it starts and once when it ends, not on every
request. After a failure the cache is left alone for ``RETRY_SECONDS``, so a cache that hangs
instead of refusing costs each process one timeout per interval, not one per request.
"""

import logging
import time

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT

logger = logging.getLogger(__name__)

RETRY_SECONDS = 1.0


class FailOpenCache:
    """The parts of Django's cache API that Roadcase uses, answering a default on failure."""

    def __init__(self, alias="default"):
        self.alias = alias
        self.down_since = None
        self.retry_at = 0.0

    @property
    def available(self):
        return self.down_since is None or time.monotonic() >= self.retry_at

    def _call(self, method, failed, *args):
        if not self.available:
            return failed
        try:
            result = getattr(caches[self.alias], method)(*args)
        except Exception as error:  # whatever the backend raises: redis, sockets, pickling
            if self.down_since is None:
                self.down_since = time.monotonic()
                logger.error(
                    "The cache %r is unavailable (%s: %s): answering uncached until it is back.",
                    self.alias,
                    type(error).__name__,
                    error,
                )
            self.retry_at = time.monotonic() + RETRY_SECONDS
            return failed
        if self.down_since is not None:
            logger.warning(
                "The cache %r is available again after %.1f s.",
                self.alias,
                time.monotonic() - self.down_since,
            )
            self.down_since = None
        return result

    def get(self, key, default=None):
        return self._call("get", default, key, default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT):
        self._call("set", None, key, value, timeout)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT):
        return self._call("add", False, key, value, timeout)

    def delete(self, key):
        self._call("delete", None, key)


cache = FailOpenCache()
