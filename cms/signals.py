"""Signals Roadcase's content sends for things Wagtail has no signal for."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.dispatch import Signal

# Sent by roadcase_tick with ``events=[EventPage, ...]`` when events have ended since the last
# tick: they leave upcoming listings, so cached listings must go (the API connects to this).
events_ended = Signal()

# True while a bulk load writes content (``bulk_loading()``): listeners that keep derived data
# in step with each change (the API's search index and response cache, the translation queue)
# skip the changes one by one; the loader rebuilds the index and the queue once at the end
# (``manage.py rebuild_search_index``), and ``bulk_loaded`` is sent when the load ends, for
# the response cache to be purged once rather than for each of its thousands of rows.
_bulk_loading = ContextVar("roadcase_bulk_loading", default=False)
bulk_loaded = Signal()


@contextmanager
def bulk_loading():
    token = _bulk_loading.set(True)
    try:
        yield
    finally:
        _bulk_loading.reset(token)
        if not is_bulk_loading():  # the outermost load
            bulk_loaded.send(sender=None)


def is_bulk_loading():
    return _bulk_loading.get()
