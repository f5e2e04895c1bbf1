"""Roadcase's migrations install on every Wagtail it supports (pyproject: ``wagtail>=7.4``,
``wagtail-localize>=1.12``): none depends on a migration that the oldest supported releases
lack. (Every one once named Wagtail 8.0's ``0098_apitoken``, so no Wagtail 7.4 LTS site could
migrate.)"""

import importlib
import pkgutil

from django.apps import apps
from django.db.migrations.loader import MigrationLoader

# The newest migration of each app Roadcase's migrations depend on, in Wagtail 7.4 LTS and
# wagtail-localize 1.12 (read from their wheels).
OLDEST_SUPPORTED = {
    "wagtailcore": "0097_baselogentry_uuid_action_timestamp_indexes",
    "wagtailimages": "0027_image_description",
    "wagtail_localize": "0016_rename_page_revision_translationlog_revision",
}
OURS = {"roadcase", "roadcase_api"}


def number(name):
    """A migration's number; 0 for "__first__" (and "__latest__" stands for anything)."""
    assert name != "__latest__", "name the migration: __latest__ is whatever is installed"
    return 0 if name == "__first__" else int(name.split("_", 1)[0])


def our_migrations():
    """Each of our migrations (only ours are imported: wagtail-localize's query the database)."""
    for app in OURS:
        package_name, _ = MigrationLoader.migrations_module(app)
        package = importlib.import_module(package_name)
        for module in pkgutil.iter_modules(package.__path__):
            yield importlib.import_module(f"{package_name}.{module.name}").Migration(
                module.name, app
            )


def test_our_migrations_depend_only_on_what_the_oldest_supported_wagtail_has():
    ours = list(our_migrations())
    assert {migration.app_label for migration in ours} == OURS
    too_new = [
        f"{migration.app_label}.{migration.name} needs {app}.{name}"
        for migration in ours
        for app, name in migration.dependencies
        if app in OLDEST_SUPPORTED and number(name) > number(OLDEST_SUPPORTED[app])
    ]
    assert not too_new, too_new
    unknown = {
        app
        for migration in ours
        for app, _ in migration.dependencies
        if app.startswith("wagtail") and app not in OLDEST_SUPPORTED
    }
    assert not unknown, f"add the oldest supported release's newest migration of {unknown}"


def test_our_apps_name_their_primary_key_type_whatever_the_host_sites_default():
    # A host site's DEFAULT_AUTO_FIELD (AutoField unless set) would otherwise change our
    # models' ids: warnings at every check, and migrations for our apps made in the host.
    for label in OURS:
        config = apps.get_app_config(label)
        assert type(config).__dict__.get("default_auto_field") == "django.db.models.BigAutoField"
