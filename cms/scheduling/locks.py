"""One tick at a time across every machine: a PostgreSQL advisory lock, or on other databases a
lock in the shared cache (Redis in production; the SQLite demo runs on one machine).
"""

import uuid
from contextlib import contextmanager

from django.core.cache import cache
from django.db import connection

LOCK_KEY = 0x524F4144  # "ROAD": the advisory lock id of roadcase_tick
CACHE_LOCK = "roadcase:tick-lock"
CACHE_LOCK_SECONDS = 15 * 60


@contextmanager
def tick_lock():
    """Yield True when this process holds the tick lock, False when another tick does."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
            acquired = cursor.fetchone()[0]
        try:
            yield acquired
        finally:
            if acquired:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
        return
    token = uuid.uuid4().hex
    acquired = cache.add(CACHE_LOCK, token, CACHE_LOCK_SECONDS)
    try:
        yield acquired
    finally:
        if acquired and cache.get(CACHE_LOCK) == token:
            cache.delete(CACHE_LOCK)
