from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RoadcaseCmsConfig(AppConfig):
    name = "cms"
    # A distinctive label keeps the plugin's tables from clashing with a host site's apps.
    label = "roadcase"
    verbose_name = "Roadcase"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers Roadcase's system checks)
        from .concierge.setup import ensure_concierge_group
        from .localization import signals as localization_signals
        from .reference_data import (
            ensure_editor_permissions,
            ensure_reference_data,
            ensure_search_synonyms,
        )
        from .scheduling import signals as scheduling_signals

        scheduling_signals.connect()
        localization_signals.connect()

        post_migrate.connect(ensure_reference_data, sender=self)
        post_migrate.connect(ensure_search_synonyms, sender=self)
        post_migrate.connect(ensure_editor_permissions, sender=self)
        post_migrate.connect(ensure_concierge_group, sender=self)
