"""Timed publishing and expiry of pages and snippets, with one rule Wagtail lacks: a translation
goes live with its source, never before it.

Wagtail stores an approved schedule on the revision (``approved_go_live_at``); expiry is
``expire_at`` on the live object. https://docs.wagtail.org/en/stable/reference/pages/theory.html
"""

from django.apps import apps
from django.db import transaction
from wagtail.models import DraftStateMixin, Locale, Page, Revision, TranslatableMixin


def scheduled_models():
    """Every model with drafts that can be scheduled: pages and draft-state snippets."""
    return [Page] + [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]


def waiting_for_source(instance):
    """True when ``instance`` is a translation whose source (default locale) is not live yet."""
    if not isinstance(instance, TranslatableMixin):
        return False
    default_locale = Locale.get_default()
    if instance.locale_id == default_locale.pk:
        return False
    source = (
        type(instance)
        .objects.filter(translation_key=instance.translation_key, locale=default_locale)
        .first()
    )
    return source is not None and not source.live


def publish_due(now):
    """Publish every revision whose approved go-live time has come (``<= now``), each once even
    when two ticks race (row locks), holding back translations whose source is not live yet.
    Returns the published objects.
    """
    due_ids = list(
        Revision.objects.filter(approved_go_live_at__lte=now)
        .order_by("approved_go_live_at")
        .values_list("pk", flat=True)
    )
    published, held_back = _publish_revisions(due_ids, now)
    if held_back and published:
        # A source published in this tick releases the translations that were waiting for it.
        released, _still_waiting = _publish_revisions(held_back, now)
        published += released
    return published


def _publish_revisions(revision_ids, now):
    published, held_back = [], []
    for revision_id in revision_ids:
        with transaction.atomic():
            revision = (
                Revision.objects.select_for_update(skip_locked=True)
                .filter(pk=revision_id, approved_go_live_at__lte=now)
                .first()
            )
            if revision is None:
                continue  # another tick took it, or it was published already
            instance = revision.as_object()
            if waiting_for_source(instance):
                held_back.append(revision_id)
                continue
            revision.publish(log_action="wagtail.publish.scheduled", skip_permission_checks=True)
            published.append(instance)
    return published, held_back


def unpublish_expired(now):
    """Unpublish every live object whose expiry time has come (``<= now``). Returns them."""
    expired = []
    for model in scheduled_models():
        candidates = model.objects.filter(live=True, expire_at__lte=now).values_list(
            "pk", flat=True
        )
        for pk in list(candidates):
            with transaction.atomic():
                instance = (
                    model.objects.select_for_update(skip_locked=True)
                    .filter(pk=pk, live=True, expire_at__lte=now)
                    .first()
                )
                if instance is None:
                    continue
                if isinstance(instance, Page):
                    instance = instance.specific
                instance.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
                expired.append(instance)
    return expired
