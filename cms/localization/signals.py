"""Keeps the translation queue current: publishing a source (or saving a snippet without
drafts) refreshes its items, unpublishing or deleting it drops them; saving or deleting a
translated string recounts its item; a new locale root page gets its translators' page
permission. Connected from ``cms.apps``.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, TranslatableMixin
from wagtail.signals import page_published, page_unpublished, published, unpublished
from wagtail_localize.models import StringTranslation

from ..signals import is_bulk_loading
from . import tasks


def _is_roadcase_translatable(instance):
    return isinstance(instance, TranslatableMixin) and instance._meta.app_label == "roadcase"


def _on_published(sender, instance, revision=None, **kwargs):
    # A bulk load (the demo hub) refreshes the whole queue once when it is done, rather than
    # once per object and translation it publishes.
    if is_bulk_loading():
        return
    instance = getattr(instance, "specific", instance)
    if _is_roadcase_translatable(instance):
        tasks.enqueue_once_on_commit(
            tasks.refresh_source,
            app_label=instance._meta.app_label,
            model_name=instance._meta.model_name,
            pk=instance.pk,
            user_id=getattr(revision, "user_id", None),
        )


def _on_saved(sender, instance, created, raw=False, **kwargs):
    # Snippets without drafts (topics, organisations) are "published" whenever saved.
    if not raw:
        _on_published(sender, instance)


def _on_unpublished(sender, instance, **kwargs):
    from . import services

    if _is_roadcase_translatable(instance):
        services.translation_source_unpublish(instance=getattr(instance, "specific", instance))


def _on_deleted(sender, instance, **kwargs):
    from . import services

    if _is_roadcase_translatable(instance):
        services.translation_source_delete(instance=instance)


def _on_string_changed(sender, instance, **kwargs):
    if instance.context_id is None:
        return
    tasks.enqueue_once_on_commit(
        tasks.refresh_progress,
        object_id=str(instance.context.object_id),
        locale_id=instance.locale_id,
    )


def _on_page_saved(sender, instance, created, raw=False, **kwargs):
    from . import services

    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        services.translator_page_permissions_grant(page=instance)


def connect():
    from ..models import Organisation, Topic

    for signal in (published, page_published):
        signal.connect(_on_published, dispatch_uid=f"roadcase_l10n_published_{id(signal)}")
    for signal in (unpublished, page_unpublished):
        signal.connect(_on_unpublished, dispatch_uid=f"roadcase_l10n_unpublished_{id(signal)}")
    for model in (Topic, Organisation):
        post_save.connect(_on_saved, sender=model, dispatch_uid=f"roadcase_l10n_saved_{model}")
    post_save.connect(
        _on_string_changed, sender=StringTranslation, dispatch_uid="roadcase_l10n_string_saved"
    )
    post_delete.connect(
        _on_string_changed, sender=StringTranslation, dispatch_uid="roadcase_l10n_string_deleted"
    )
    post_delete.connect(_on_deleted, dispatch_uid="roadcase_l10n_deleted")
    # Any page class (a locale's root page is often a site's own HomePage model).
    post_save.connect(_on_page_saved, dispatch_uid="roadcase_l10n_page_saved")
