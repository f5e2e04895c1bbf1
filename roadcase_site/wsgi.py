"""WSGI entry point for production servers (gunicorn roadcase_site.wsgi)."""

import gc
import os

from django.core.signals import request_finished
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roadcase_site.settings.production")
application = get_wsgi_application()


def freeze_what_lives_on(**kwargs):
    """Move every object alive now out of the garbage collector's sight: what start-up made
    (modules, models, settings) lives as long as the worker, and a full collection during a
    request rescanned all of it (100-200 ms spikes; docs/performance.md, item 19)."""
    gc.collect()
    gc.freeze()


def freeze_after_the_first_request(**kwargs):
    """Once more when the first answer has gone out: Django loads the URL patterns, the
    message catalogs and the API's machinery on first use. Frozen only at start-up, those
    were still rescanned: 20-25 ms pauses every hundred requests or so (item 29)."""
    request_finished.disconnect(freeze_after_the_first_request)
    freeze_what_lives_on()


freeze_what_lives_on()
request_finished.connect(freeze_after_the_first_request)
