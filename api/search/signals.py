"""Keeps the search index current, in the transaction of the change itself: a resource
published, unpublished or deleted; a translation of it saved or deleted; a topic or
organisation (or their translations) saved or deleted, which changes the text of every resource
they belong to; a new locale, which needs rows (and on PostgreSQL a text index) of its own.
"""

from django.db import connection
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Locale
from wagtail.signals import published, unpublished

from cms.models import Organisation, Resource, Topic

from . import backend
from .index import keys_of_organisation, keys_of_topic
from .models import locale_index_statements

# A translation's row changes what its source's rows say in that locale.
INDEXED_FIELDS = {"name", "summary", "description", "live", "locale"}


def resource_changed(sender, instance, **kwargs):
    if isinstance(instance, Resource):
        backend().update([instance.translation_key])


def translation_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """wagtail-localize writes a snippet's translation live at once and publishes its revision
    only after the transaction commits: the row itself is indexed as it is saved. A source is
    indexed when published, once its topics and other relations are saved too."""
    if raw or instance.locale_id == Locale.get_default().pk:
        return
    if update_fields is None or INDEXED_FIELDS & set(update_fields):
        backend().update([instance.translation_key])


KEYS_OF = {Topic: keys_of_topic, Organisation: keys_of_organisation}


def taxonomy_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        backend().update(KEYS_OF[sender](instance))


def taxonomy_deleting(sender, instance, **kwargs):
    # Its resources lose it when it goes: which they were is read before.
    instance.search_keys = list(KEYS_OF[sender](instance))


def taxonomy_deleted(sender, instance, **kwargs):
    backend().update(getattr(instance, "search_keys", []))


def locale_added(sender, instance, created, raw=False, **kwargs):
    if created and not raw and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for statement in locale_index_statements(instance.pk):
                cursor.execute(statement)
    if created and not raw:
        backend().update(
            Resource.objects.filter(locale=Locale.get_default(), live=True).values_list(
                "translation_key", flat=True
            )
        )


def locale_removed(sender, instance, **kwargs):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for statement in locale_index_statements(instance.pk, drop=True):
                cursor.execute(statement)


def connect():
    for signal in (published, unpublished):
        signal.connect(resource_changed, dispatch_uid=f"roadcase_search_{id(signal)}")
    post_delete.connect(resource_changed, sender=Resource, dispatch_uid="roadcase_search_del")
    post_save.connect(translation_saved, sender=Resource, dispatch_uid="roadcase_search_saved")
    for model in KEYS_OF:
        for signal, handler in (
            (post_save, taxonomy_saved),
            (pre_delete, taxonomy_deleting),
            (post_delete, taxonomy_deleted),
        ):
            uid = f"roadcase_search_{model.__name__}_{handler.__name__}"
            signal.connect(handler, sender=model, dispatch_uid=uid)
    post_save.connect(locale_added, sender=Locale, dispatch_uid="roadcase_search_locale")
    post_delete.connect(locale_removed, sender=Locale, dispatch_uid="roadcase_search_locale_gone")
