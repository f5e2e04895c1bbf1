"""Writes for the translation workflow. The queue (``TranslationTask``) is derived from
wagtail-localize's tables; these functions are the only place that changes it.

- ``translation_source_refresh``: a source was published; bring its TranslationSource up to
  date, record exactly which strings changed, mark translations stale, sync them (as drafts
  when strings changed and ``SYNC_TRANSLATIONS_AS_DRAFTS``) and tell their translators.
- ``translation_tasks_refresh``: recount words, segments and status after strings changed.
- ``translation_task_start`` / ``_machine_translate``: open an item in wagtail-localize's
  editor as a draft, optionally with a machine first draft.
- ``translation_task_publish``: put a finished translation live.
- ``translation_task_claim`` / ``_assign`` / ``_release`` / ``_raise`` / ``_set_due``.
- ``translator_group_ensure``: a group that translates into one locale.
"""

import json
import logging
import re

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import DraftStateMixin, GroupPagePermission, Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)
from wagtail_localize.views.edit_translation import apply_machine_translation

from ..conf import roadcase_setting
from ..models import (
    EventPage,
    GuideIndexPage,
    GuidePage,
    Organisation,
    Resource,
    TaskStatus,
    Topic,
    TranslationTask,
    TranslatorGroup,
)
from ..models.resources import URGENT_KINDS
from . import selectors, tasks

logger = logging.getLogger(__name__)

# Queue priority (higher first). "Country emergency facts first": Country rows are not
# translatable (numbers are digits, names come from CLDR), so the content that stands next to
# a country's emergency number, its crisis lines and helplines, comes first in the locales
# spoken there; then every other crisis line, other resources, taxonomy, guides, events.
PRIORITY_COUNTRY_CRISIS = 100
PRIORITY_CRISIS = 90
PRIORITY_RESOURCE = 50
PRIORITY_TAXONOMY = 40
PRIORITY_GUIDE = 30
PRIORITY_EVENT = 20
PRIORITY_OTHER = 10
PRIORITY_RAISED = 200  # an editor's "raise": above everything not raised

MAX_CHANGED_STRINGS = 200
WORD_RE = re.compile(r"\w+")

# --- What the queue tracks -----------------------------------------------------------------


def is_queue_source(instance) -> bool:
    """Roadcase's translatable pages and snippets in the default locale (child rows such as
    contact points travel with their parent)."""
    if not isinstance(instance, TranslatableMixin) or instance._meta.app_label != "roadcase":
        return False
    if not (isinstance(instance, Page) or type(instance) in get_snippet_models()):
        return False
    return instance.locale_id == Locale.get_default().pk


def is_live(instance) -> bool:
    return getattr(instance, "live", True)


def kind_of(instance) -> str:
    if isinstance(instance, Resource):
        return instance.kind
    if isinstance(instance, GuidePage | GuideIndexPage):
        return "guide"
    if isinstance(instance, Page):
        return "event" if "event" in instance._meta.model_name else "page"
    return instance._meta.model_name


def base_priority(instance, target_locale) -> int:
    if isinstance(instance, Resource):
        if instance.kind not in URGENT_KINDS:
            return PRIORITY_RESOURCE
        if not hasattr(instance, "_roadcase_served"):  # once per refresh, not per locale
            instance._roadcase_served = set(instance.countries.values_list("code", flat=True))
        served = instance._roadcase_served
        spoken = selectors.countries_for_language(target_locale.language_code)
        return PRIORITY_COUNTRY_CRISIS if served & spoken else PRIORITY_CRISIS
    if isinstance(instance, Topic | Organisation):
        return PRIORITY_TAXONOMY
    if isinstance(instance, GuidePage | GuideIndexPage):
        return PRIORITY_GUIDE
    if kind_of(instance) == "event":
        return PRIORITY_EVENT
    return PRIORITY_OTHER


def go_live_date(instance):
    """When the item goes live: its scheduled publishing date, else an event's start."""
    go_live_at = getattr(instance, "go_live_at", None)
    if go_live_at:
        return timezone.localdate(go_live_at)
    if isinstance(instance, EventPage) and instance.starts_at:
        return timezone.localdate(instance.starts_at)
    return None


def word_count(text: str) -> int:
    return len(WORD_RE.findall(strip_tags(text or "")))


def source_instance(task):
    """The live source object of a task (its specific class)."""
    return task.content_type.get_object_for_this_type(pk=task.source_object_id)


# --- Source published ------------------------------------------------------------------------


# Bookkeeping that changes with every save or publish and that no translation takes from its
# source: a source that differs only in these has not changed (re-running the demo loader
# re-saved every resource and synced all 765 translations again, 65 s).
BOOKKEEPING_FIELDS = (
    "updated_at",
    "first_published_at",
    "last_published_at",
    "latest_revision",
    "latest_revision_created_at",
    "live_revision",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
)


def _content(content_json: str) -> dict:
    content = json.loads(content_json)
    for name in BOOKKEEPING_FIELDS:
        content.pop(name, None)
    return content


def _content_json(instance) -> str:
    if isinstance(instance, ClusterableModel):
        return instance.to_json()
    return json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)


def _segment_texts(source) -> dict[str, str]:
    return dict(
        StringSegment.objects.filter(source=source).values_list("context__path", "string__data")
    )


def _changed_strings(before: dict, after: dict) -> list[dict]:
    changed = [
        {"path": path, "before": before.get(path), "after": text}
        for path, text in after.items()
        if before.get(path) != text
    ]
    changed += [
        {"path": path, "before": text, "after": None}
        for path, text in before.items()
        if path not in after
    ]
    return changed[:MAX_CHANGED_STRINGS]


@transaction.atomic
def translation_source_refresh(*, instance, user=None):
    """Bring the queue up to date after ``instance`` was published (or saved, for snippets
    without drafts). Returns the list of changed strings (empty when only new or unchanged).
    """
    if isinstance(instance, Page):
        instance = instance.specific
    if not isinstance(instance, TranslatableMixin):
        return []
    if not is_queue_source(instance):
        # A translation was published: its progress and target may have changed.
        translation_tasks_refresh(
            object_id=instance.translation_key, locale_ids=[instance.locale_id]
        )
        return []
    if not is_live(instance):
        return []

    source = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).first()
    changed, content_changed = [], False
    if source is None:
        source, _created = TranslationSource.get_or_create_from_instance(instance)
    elif _content(_content_json(instance)) != _content(source.content_json):
        before = _segment_texts(source)
        source.update_from_db()
        changed = _changed_strings(before, _segment_texts(source))
        content_changed = True

    _ensure_tasks(instance, source)
    strings_changed = any(item["after"] is not None for item in changed)
    if strings_changed:
        _mark_stale(source, changed)
    if content_changed and roadcase_setting("SYNC_TRANSLATIONS_ON_PUBLISH"):
        for translation in source.translations.filter(enabled=True).select_related("target_locale"):
            _sync_target(source, translation, strings_changed=strings_changed, user=user)
    translation_tasks_refresh(object_id=instance.translation_key)
    return changed


def translation_queue_sync() -> int:
    """Refresh the queue for every live source in the default locale; returns how many."""
    default = Locale.get_default()
    models = [m for m in get_snippet_models() if issubclass(m, TranslatableMixin)]
    instances = [
        instance
        for model in models
        if model._meta.app_label == "roadcase"
        for instance in model.objects.filter(locale=default)
    ]
    instances += [
        page.specific
        for page in Page.objects.filter(locale=default, live=True, depth__gt=1)
        if page.specific_class._meta.app_label == "roadcase"
    ]
    count = 0
    for instance in instances:
        if is_live(instance):
            translation_source_refresh(instance=instance)
            count += 1
    return count


def _ensure_tasks(instance, source):
    """One task per other content locale, with the item's current name, kind, priority and
    go-live date."""
    content_type = ContentType.objects.get_for_model(type(instance))
    existing = {
        task.target_locale_id: task
        for task in TranslationTask.objects.filter(object_id=instance.translation_key)
    }
    now = timezone.now()
    go_live = go_live_date(instance)
    to_create, to_update = [], []
    for locale in Locale.objects.exclude(pk=instance.locale_id):
        task = existing.get(locale.pk) or TranslationTask(
            object_id=instance.translation_key,
            target_locale=locale,
            needs_work_since=now,
        )
        task.content_type = content_type
        task.source_locale_id = instance.locale_id
        task.source_object_id = str(instance.pk)
        task.object_repr = str(instance)[:255]
        task.kind = kind_of(instance)
        task.base_priority = base_priority(instance, locale)
        task.priority = task.base_priority + task.priority_boost
        task.go_live_date = go_live
        task.due_date = task.due_date_override or go_live
        task.source_updated_at = source.last_updated_at
        (to_update if task.pk else to_create).append(task)
    TranslationTask.objects.bulk_create(to_create)
    TranslationTask.objects.bulk_update(
        to_update,
        [
            "content_type",
            "source_locale",
            "source_object_id",
            "object_repr",
            "kind",
            "base_priority",
            "priority",
            "go_live_date",
            "due_date",
            "source_updated_at",
        ],
    )


def _mark_stale(source, changed):
    started = source.translations.values_list("target_locale_id", flat=True)
    stale_tasks = TranslationTask.objects.filter(
        object_id=source.object_id, target_locale_id__in=list(started)
    ).select_related("target_locale", "assignee")
    now = timezone.now()
    for task in stale_tasks:
        if task.status != TaskStatus.STALE:
            task.needs_work_since = now
        task.status = TaskStatus.STALE
        task.changed_strings = changed
        task.save(update_fields=["status", "changed_strings", "needs_work_since", "updated_at"])
        _notify_source_changed(task, source)


def _sync_target(source, translation, *, strings_changed, user):
    """Carry the new source into the translated object.

    Only synchronised facts changed (a phone number, hours): apply them and keep the
    translation as live as it was, so a crisis line's new number reaches every locale at once.
    Strings changed and SYNC_TRANSLATIONS_AS_DRAFTS: save a new draft revision for a person to
    review and leave what is live untouched. (wagtail-localize's own draft sync saves the
    object itself, which would take a live snippet offline.) Objects without drafts keep
    their live text until a translator publishes.
    """
    locale = translation.target_locale
    try:
        target = source.get_translated_instance(locale)
    except Exception:  # any missing target (the model varies): nothing to sync yet
        return
    as_draft = strings_changed and roadcase_setting("SYNC_TRANSLATIONS_AS_DRAFTS")
    draftable = isinstance(target, DraftStateMixin)
    try:
        if not as_draft:
            source.create_or_update_translation(
                locale, user=user, publish=is_live(target) or not draftable, fallback=True
            )
        elif draftable:
            draft = source.get_ephemeral_translated_instance(locale, fallback=True)
            draft.save_revision(user=user, log_action=True)
    except ValidationError as error:
        logger.warning("Could not sync %s into %s: %s", source, locale, error)


def _notify_source_changed(task, source):
    """Email whoever translated this item (its assignee and the people who wrote its strings)."""
    from django.contrib.auth import get_user_model

    translator_ids = set(
        StringTranslation.objects.filter(
            context__object_id=source.object_id,
            locale_id=task.target_locale_id,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            last_translated_by__isnull=False,
        ).values_list("last_translated_by_id", flat=True)
    )
    if task.assignee_id:
        translator_ids.add(task.assignee_id)
    recipients = sorted(
        get_user_model()
        .objects.filter(pk__in=translator_ids, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        return
    lines = [
        f"- {item['path']}: {item['before'] or '(new)'} → {item['after'] or '(removed)'}"
        for item in task.changed_strings
    ]
    body = _(
        "The source of '%(item)s' changed; its %(locale)s translation needs another look.\n\n"
        "What changed:\n%(lines)s\n\nOpen it in the translation queue: %(url)s"
    ) % {
        "item": task.object_repr,
        "locale": task.target_locale.get_display_name(),
        "lines": "\n".join(lines),
        "url": task_admin_url(task),
    }
    tasks.send_email_on_commit(
        to=recipients,
        subject=_("Source changed: %(item)s (%(locale)s)")
        % {"item": task.object_repr, "locale": task.target_locale.language_code},
        body=body,
    )


def translation_source_unpublish(*, instance):
    """A source went offline: drop the items nobody started."""
    if is_queue_source(instance):
        TranslationTask.objects.filter(
            object_id=instance.translation_key, status=TaskStatus.NEW
        ).delete()


def translation_source_delete(*, instance):
    """A source was deleted: its items go. A translation was deleted: its item starts over
    (wagtail-localize drops all its records of an object whose last translation is deleted,
    so the source is queued afresh after commit)."""
    if is_queue_source(instance):
        TranslationTask.objects.filter(object_id=instance.translation_key).delete()
        return
    source = (
        type(instance)
        .objects.filter(translation_key=instance.translation_key, locale=Locale.get_default())
        .first()
    )
    if source is not None:
        tasks.enqueue_once_on_commit(
            tasks.refresh_source,
            app_label=source._meta.app_label,
            model_name=source._meta.model_name,
            pk=source.pk,
        )


# --- Progress -------------------------------------------------------------------------------


def translation_tasks_refresh(*, object_id, locale_ids=None):
    """Recount segments, words and status of an object's tasks (all locales, or some).

    A handful of queries per object whatever the number of locales; called from the
    StringTranslation signals through a task, never while rendering the queue.
    """
    task_list = list(TranslationTask.objects.filter(object_id=object_id))
    if locale_ids is not None:
        task_list = [task for task in task_list if task.target_locale_id in set(locale_ids)]
    if not task_list:
        return
    source = TranslationSource.objects.filter(
        object_id=object_id, locale_id=task_list[0].source_locale_id
    ).first()
    if source is None:
        return
    locales = [task.target_locale_id for task in task_list]
    segments = list(
        StringSegment.objects.filter(source=source).values_list(
            "string_id", "context_id", "string__data"
        )
    )
    done, strings_updated = {}, {}
    for string_id, context_id, locale_id, kind, updated_at in StringTranslation.objects.filter(
        translation_of_id__in={s for s, _c, _d in segments},
        context_id__in={c for _s, c, _d in segments},
        locale_id__in=locales,
        has_error=False,
    ).values_list("translation_of_id", "context_id", "locale_id", "translation_type", "updated_at"):
        done[(string_id, context_id, locale_id)] = kind
        strings_updated[locale_id] = max(updated_at, strings_updated.get(locale_id, updated_at))
    translations = {
        t.target_locale_id: t
        for t in Translation.objects.filter(source=source, target_locale_id__in=locales)
    }
    model = source.specific_content_type.model_class()
    targets = _target_states(model, source, object_id, locales)
    words = [word_count(data) for _s, _c, data in segments]
    now = timezone.now()
    for task in task_list:
        locale_id = task.target_locale_id
        kinds = [done.get((s, c, locale_id)) for s, c, _d in segments]
        task.segments_total = len(segments)
        task.segments_translated = sum(1 for k in kinds if k)
        task.segments_machine = sum(
            1 for k in kinds if k == StringTranslation.TRANSLATION_TYPE_MACHINE
        )
        task.words_total = sum(words)
        task.words_untranslated = sum(w for w, k in zip(words, kinds, strict=True) if not k)
        task.percent = (
            100 * task.segments_translated // task.segments_total if task.segments_total else 100
        )
        translation = translations.get(locale_id)
        target = targets.get(locale_id)
        task.translation = translation
        task.target_object_id = str(target.pk) if target else ""
        previous = task.status
        task.status = _status(task, translation, target, strings_updated.get(locale_id))
        if task.status in (TaskStatus.READY, TaskStatus.DONE):
            task.changed_strings = []
        if previous == TaskStatus.DONE and task.status != TaskStatus.DONE:
            task.needs_work_since = now
    TranslationTask.objects.bulk_update(
        task_list,
        [
            "segments_total",
            "segments_translated",
            "segments_machine",
            "words_total",
            "words_untranslated",
            "percent",
            "translation",
            "target_object_id",
            "status",
            "changed_strings",
            "needs_work_since",
        ],
    )


class _TargetState:
    """What the queue needs of a translated object: its id and when its translation last
    went live (None: never)."""

    def __init__(self, pk, published_at):
        self.pk, self.published_at = pk, published_at


def _target_states(model, source, object_id, locale_ids) -> dict:
    """Each locale's translated object and when what it shows went live. With drafts: its last
    publish, unless it is offline or a newer draft waits; without: the last time
    wagtail-localize wrote the translation into it (its translation log)."""
    rows = model.objects.filter(translation_key=object_id, locale_id__in=locale_ids)
    if issubclass(model, DraftStateMixin):
        return {
            locale_id: _TargetState(pk, last_published_at if live and not unpublished else None)
            for locale_id, pk, live, unpublished, last_published_at in rows.values_list(
                "locale_id", "pk", "live", "has_unpublished_changes", "last_published_at"
            )
        }
    written = dict(
        TranslationLog.objects.filter(source=source, locale_id__in=locale_ids)
        .values("locale_id")
        .annotate(last=Max("created_at"))
        .values_list("locale_id", "last")
    )
    return {
        locale_id: _TargetState(pk, written.get(locale_id))
        for locale_id, pk in rows.values_list("locale_id", "pk")
    }


def _status(task, translation, target, strings_updated_at):
    if target is None or translation is None:
        # A translation made by hand (no wagtail-localize record) is not ours to track.
        return TaskStatus.DONE if target is not None else TaskStatus.NEW
    if not translation.enabled:
        return TaskStatus.DONE  # translated by hand in Wagtail's own editor
    if task.segments_translated - task.segments_machine >= task.segments_total:
        # Every string has a human translation (machine drafts count once reviewed): it is
        # done when the translated object shows them live, and ready to publish until then.
        published_at = target.published_at
        if published_at is None or (strings_updated_at and strings_updated_at > published_at):
            return TaskStatus.READY
        return TaskStatus.DONE
    if task.changed_strings:
        return TaskStatus.STALE
    return TaskStatus.IN_PROGRESS


# --- Working on an item ----------------------------------------------------------------------


def _require_translator(task, user):
    if not selectors.user_can_translate_into(user, task.target_locale_id):
        raise PermissionDenied(_("You do not translate into this locale."))


@transaction.atomic
def translation_task_start(*, task, user) -> Translation:
    """Make sure the item has a wagtail-localize translation (and a draft target object) so
    it opens in the translation editor. Objects it refers to (its organisation) start too.
    Never publishes a page or a snippet with drafts.
    """
    _require_translator(task, user)
    translation = translation_start(
        instance=source_instance(task), locale=task.target_locale, user=user
    )
    translation_tasks_refresh(object_id=task.object_id, locale_ids=[task.target_locale_id])
    task.refresh_from_db()
    return translation


def translation_start(*, instance, locale, user, seen=None) -> Translation:
    """Submit ``instance`` (and objects it refers to) for translation into ``locale``, creating
    the target as a draft where the model has drafts. Permission checks are the caller's."""
    seen = seen if seen is not None else set()
    seen.add(instance.translation_key)
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    for segment in source.relatedobjectsegment_set.select_related("object"):
        related = segment.object.get_instance_or_none(instance.locale)
        if (
            related is not None
            and related.translation_key not in seen
            and not segment.object.has_translation(locale)
        ):
            translation_start(instance=related, locale=locale, user=user, seen=seen)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    try:
        source.get_translated_instance(locale)
    except instance.__class__.DoesNotExist:
        draftable = isinstance(instance, DraftStateMixin)
        target, _created = source.create_or_update_translation(
            locale, user=user, publish=not draftable, copy_parent_pages=True, fallback=True
        )
        if draftable and not isinstance(target, Page):
            # The copy inherits the source's live_revision; a draft has none of its own.
            type(target).objects.filter(pk=target.pk).update(live_revision=None)
    return translation


def translation_task_machine_translate(*, task, user) -> bool:
    """Fill the item's untranslated strings with the configured machine translator
    (WAGTAILLOCALIZE_MACHINE_TRANSLATOR). The result is a draft: strings marked as machine
    translations for a person to review; nothing is published. False: nothing to translate.
    """
    translator = get_machine_translator()
    if translator is None:
        raise ValidationError(_("No machine translator is configured."))
    translation = translation_task_start(task=task, user=user)
    changed = apply_machine_translation(translation.id, user, translator)
    translation_tasks_refresh(object_id=task.object_id, locale_ids=[task.target_locale_id])
    return changed


@transaction.atomic
def translation_task_publish(*, task, user):
    """Publish a finished translation: wagtail-localize writes its strings into the translated
    object and publishes it (a revision for pages and resources). For whoever
    ``selectors.user_can_publish_task`` allows; the queue item becomes "Published" once the
    publish is committed (through the published signal)."""
    if not selectors.user_can_publish_task(user, task):
        raise PermissionDenied(_("You cannot publish this translation."))
    translation = task.translation or Translation.objects.get(
        source__object_id=task.object_id, target_locale_id=task.target_locale_id
    )
    try:
        translation.save_target(user=user, publish=True)
    except ValidationError as error:
        raise ValidationError(
            _("It could not be published: %(errors)s") % {"errors": " ".join(error.messages)}
        ) from error
    return task


def translation_task_claim(*, task, user):
    """Take an unassigned item. One translator per item: a claim on an item someone else holds
    fails, even when two people click at once (the update is conditional)."""
    _require_translator(task, user)
    claimed = TranslationTask.objects.filter(pk=task.pk, assignee__isnull=True).update(
        assignee=user, assigned_by=user, assigned_at=timezone.now()
    )
    task.refresh_from_db()
    if not claimed and task.assignee_id != user.pk:
        raise ValidationError(_("Someone else is already working on this item."))
    return task


@transaction.atomic
def translation_task_assign(*, task, assignee, by):
    """An editor gives the item to a translator of its locale (replacing any assignee) and the
    translator is emailed."""
    if not selectors.user_can_assign(by):
        raise PermissionDenied(_("You cannot assign translation work."))
    if not selectors.user_can_translate_into(assignee, task.target_locale_id):
        raise ValidationError(
            _("%(user)s does not translate into this locale.") % {"user": assignee}
        )
    task.assignee, task.assigned_by, task.assigned_at = assignee, by, timezone.now()
    task.save(update_fields=["assignee", "assigned_by", "assigned_at", "updated_at"])
    if assignee.email:
        tasks.send_email_on_commit(
            to=[assignee.email],
            subject=_("Translation assigned: %(item)s (%(locale)s)")
            % {"item": task.object_repr, "locale": task.target_locale.language_code},
            body=_(
                "%(by)s asked you to translate '%(item)s' into %(locale)s%(due)s.\n\n"
                "Open it in the translation queue: %(url)s"
            )
            % {
                "by": by.get_full_name() or by.get_username(),
                "item": task.object_repr,
                "locale": task.target_locale.get_display_name(),
                "due": _(" by %s") % task.due_date if task.due_date else "",
                "url": task_admin_url(task),
            },
        )
    return task


def translation_task_release(*, task, user):
    """Give an item back: its assignee, or an editor, may."""
    if task.assignee_id != user.pk and not selectors.user_can_assign(user):
        raise PermissionDenied(_("Only its assignee or an editor can release this item."))
    task.assignee = task.assigned_by = task.assigned_at = None
    task.save(update_fields=["assignee", "assigned_by", "assigned_at", "updated_at"])
    return task


def translation_task_raise(*, task, user, raised=True):
    """An editor moves an item above everything not raised (or lowers it back)."""
    if not selectors.user_can_assign(user):
        raise PermissionDenied(_("You cannot change priorities."))
    task.priority_boost = PRIORITY_RAISED if raised else 0
    task.priority = task.base_priority + task.priority_boost
    task.save(update_fields=["priority_boost", "priority", "updated_at"])
    return task


def translation_task_set_due(*, task, user, due_date):
    """An editor sets a due date (None: back to the item's go-live date)."""
    if not selectors.user_can_assign(user):
        raise PermissionDenied(_("You cannot set due dates."))
    task.due_date_override = due_date
    task.due_date = due_date or task.go_live_date
    task.save(update_fields=["due_date_override", "due_date", "updated_at"])
    return task


def task_admin_url(task) -> str:
    from django.conf import settings
    from django.urls import reverse

    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("roadcase_localization:task", args=[task.pk])


# --- Translator groups -----------------------------------------------------------------------

TRANSLATOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("roadcase", "view_translationtask"),
    *[
        ("roadcase", f"{action}_{model}")
        for model in ("resource", "organisation", "topic")
        for action in ("view", "change")
    ],
]


@transaction.atomic
def translator_group_ensure(*, locale, name=None) -> Group:
    """The translator group for ``locale``, created with what translating needs: admin access,
    the queue, change (never add, delete or publish) on translatable snippets, and change on
    the locale's page tree. ``cms.localization.permissions`` keeps them to that locale.
    """
    role = TranslatorGroup.objects.filter(locale=locale).select_related("group").first()
    if role is None:
        name = name or roadcase_setting("TRANSLATOR_GROUP_NAME").format(
            language=locale.get_display_name(), code=locale.language_code
        )
        group, _created = Group.objects.get_or_create(name=name)
        role = TranslatorGroup.objects.create(group=group, locale=locale)
    group = role.group
    for app_label, codename in TRANSLATOR_PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)
    for page in Page.objects.filter(depth=2, locale=locale):
        translator_page_permissions_grant(page=page)
    return group


def translator_page_permissions_grant(*, page):
    """Let the translators of ``page``'s locale edit its tree (for a locale's root page)."""
    change = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    for role in TranslatorGroup.objects.filter(locale_id=page.locale_id):
        GroupPagePermission.objects.get_or_create(
            group_id=role.group_id, page=page, permission=change
        )
