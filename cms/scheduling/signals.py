"""Queue partner notifications whenever published content changes."""

from wagtail.signals import page_published, page_unpublished, published, unpublished

from .webhooks import webhooks_enqueue


def _is_roadcase_content(instance):
    return getattr(instance, "specific_deferred", instance)._meta.app_label == "roadcase"


def _on_published(sender, instance, **kwargs):
    if _is_roadcase_content(instance):
        webhooks_enqueue(action="published", instance=instance)


def _on_unpublished(sender, instance, **kwargs):
    if _is_roadcase_content(instance):
        webhooks_enqueue(action="unpublished", instance=instance)


def connect():
    for signal in (published, page_published):
        signal.connect(_on_published, dispatch_uid=f"roadcase_webhooks_{id(signal)}")
    for signal in (unpublished, page_unpublished):
        signal.connect(_on_unpublished, dispatch_uid=f"roadcase_webhooks_{id(signal)}")
