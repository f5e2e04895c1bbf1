"""WSGI entry point for production servers (gunicorn roadcase_site.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roadcase_site.settings.production")
application = get_wsgi_application()
