from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RoadcaseApiConfig(AppConfig):
    name = "api"
    label = "roadcase_api"
    verbose_name = "Roadcase API"
    # As the migrations have it, whatever the host site's DEFAULT_AUTO_FIELD.
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from corsheaders.signals import check_request_enabled

        from . import signals
        from .cors import partner_origin_allowed

        signals.connect()
        post_migrate.connect(index_when_empty, sender=self)
        check_request_enabled.connect(partner_origin_allowed, dispatch_uid="roadcase_api_cors")


def index_when_empty(**kwargs):
    """Fill the search index after migrate when it is empty but resources are live: the first
    migrate of a hub that had content, and after a test database is flushed."""
    from django.db import connection
    from wagtail.models import Locale

    from cms.models import Resource

    from .search import backend
    from .search.models import SearchEntry

    if SearchEntry._meta.db_table not in connection.introspection.table_names():
        return  # migrated back to before the index
    if SearchEntry.objects.exists() or not Locale.objects.exists():
        return
    if Resource.objects.filter(live=True).exists():
        backend().rebuild()
