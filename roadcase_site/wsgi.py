"""WSGI entry point for production servers (gunicorn roadcase_site.wsgi)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roadcase_site.settings.production")
application = get_wsgi_application()

# What start-up made (modules, models, settings) lives as long as the worker: frozen out of the
# collector's sight, it is not rescanned by every full collection during a request, which
# showed as 100-200 ms spikes on a large listing (docs/performance.md).
gc.collect()
gc.freeze()
