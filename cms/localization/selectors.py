"""Reads for the translation workflow: who may translate into which locales, the queue and the
per-locale dashboard. Every list here is one query over ``TranslationTask`` (plus its
``select_related``), whatever the number of items.
"""

from functools import lru_cache

from babel import Locale as BabelLocale
from babel.languages import get_official_languages
from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from wagtail.models import Locale

from ..models import TaskStatus, TranslationTask, TranslatorGroup
from ..models.localization import OPEN_STATUSES

ASSIGN_PERMISSION = "roadcase.assign_translationtask"
VIEW_PERMISSION = "roadcase.view_translationtask"


class AllLocales:
    """Stands for "every locale" where a set of locale ids is expected."""

    def __contains__(self, locale_id):
        return True

    def __bool__(self):
        return True


ALL_LOCALES = AllLocales()


def translator_locale_ids(user) -> set[int]:
    """Locales of the translator groups ``user`` belongs to (cached on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    if not hasattr(user, "_roadcase_translator_locales"):
        user._roadcase_translator_locales = set(
            TranslatorGroup.objects.filter(group__user=user).values_list("locale_id", flat=True)
        )
    return user._roadcase_translator_locales


def is_restricted_translator(user) -> bool:
    """True for a member of a translator group: they translate into their locales only and
    edit nothing else. (Superusers are never restricted; don't put editors in these groups.)
    """
    return bool(translator_locale_ids(user)) and not user.is_superuser


def translation_locales_for_user(user):
    """The locale ids ``user`` may translate into: ``ALL_LOCALES`` for superusers, editors who
    assign work or submit translations; their groups' locales for translators; else nothing.
    """
    if not getattr(user, "is_active", False):
        return set()
    if user.is_superuser:
        return ALL_LOCALES
    if is_restricted_translator(user):
        return translator_locale_ids(user)
    if user.has_perm(ASSIGN_PERMISSION) or user.has_perm("wagtail_localize.submit_translation"):
        return ALL_LOCALES
    return set()


def user_can_translate_into(user, locale_id) -> bool:
    return locale_id in translation_locales_for_user(user)


def user_can_assign(user) -> bool:
    """Editors assign work: superusers, holders of the assign permission, and (as in
    wagtail-localize) whoever may submit content for translation, translators excepted."""
    if not user.is_active:
        return False
    if user.is_superuser or user.has_perm(ASSIGN_PERMISSION):
        return True
    return user.has_perm("wagtail_localize.submit_translation") and not is_restricted_translator(
        user
    )


def trusted_translator_locale_ids(user) -> set[int]:
    """Locales whose translator groups ``user`` belongs to and which trust their translators to
    publish their own work (``TranslatorGroup.may_publish``)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        TranslatorGroup.objects.filter(group__user=user, may_publish=True).values_list(
            "locale_id", flat=True
        )
    )


def task_target(task):
    """The translated object of a task (its specific class), or None before one exists."""
    if not task.target_object_id:
        return None
    model = task.content_type.model_class()
    target = model._default_manager.filter(pk=task.target_object_id).first()
    return getattr(target, "specific", target) if target is not None else None


def task_for_target(instance):
    """The queue item whose translated object is ``instance``, or None."""
    return (
        TranslationTask.objects.filter(
            object_id=instance.translation_key, target_locale_id=instance.locale_id
        )
        .select_related("target_locale")
        .first()
    )


def is_own_work(user, task) -> bool:
    """Assigned to ``user``, or unassigned and every human-translated string of it is theirs."""
    from wagtail_localize.models import StringTranslation

    if task.assignee_id is not None:
        return task.assignee_id == user.pk
    strings = StringTranslation.objects.filter(
        context__object_id=task.object_id,
        locale_id=task.target_locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    return strings.exists() and not strings.exclude(last_translated_by=user).exists()


def user_can_publish_task(user, task) -> bool:
    """May ``user`` publish the finished translation of ``task``? Whoever Wagtail lets publish
    the translated object (a page's publish permission in that locale's tree, a snippet's
    publish permission); a translator only in a locale that trusts its translators, and only
    their own work."""
    if not getattr(user, "is_active", False) or task.status != TaskStatus.READY:
        return False
    target = task_target(task)
    if target is None:
        return False
    if is_restricted_translator(user):
        return task.target_locale_id in trusted_translator_locale_ids(user) and is_own_work(
            user, task
        )
    return user_may_publish_object(user, target)


def publishable_task_ids(user, tasks) -> set[int]:
    """Which of ``tasks`` (a page of the queue) ``user`` may publish, in a constant number of
    queries: what ``user_can_publish_task`` answers item by item, except that a translator's
    unassigned item counts as theirs here (the publish itself checks every string is)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page
    from wagtail.permission_policies.pages import PagePermissionPolicy

    ready = [t for t in tasks if t.status == TaskStatus.READY and t.target_object_id]
    if not ready or not getattr(user, "is_active", False):
        return set()
    if is_restricted_translator(user):
        trusted = trusted_translator_locale_ids(user)
        return {
            t.pk
            for t in ready
            if t.target_locale_id in trusted and t.assignee_id in (None, user.pk)
        }
    allowed, pages = set(), []
    for task in ready:
        model = ContentType.objects.get_for_id(task.content_type_id).model_class()
        if issubclass(model, Page):
            pages.append(task)
        elif user_may_publish_model(user, model):
            allowed.add(task.pk)
    if pages:
        publishable = set(
            PagePermissionPolicy()
            .instances_user_has_permission_for(user, "publish")
            .filter(pk__in=[int(t.target_object_id) for t in pages])
            .values_list("pk", flat=True)
        )
        allowed |= {t.pk for t in pages if int(t.target_object_id) in publishable}
    return allowed


def user_may_publish_model(user, model) -> bool:
    """A snippet model's publish permission (change, for models without drafts)."""
    from wagtail.models import DraftStateMixin
    from wagtail.snippets.permissions import get_permission_name

    action = "publish" if issubclass(model, DraftStateMixin) else "change"
    return user.is_superuser or user.has_perm(get_permission_name(action, model))


def user_may_publish_object(user, instance) -> bool:
    """Wagtail's own answer: page permissions for pages, the snippet's permission policy
    (publish for models with drafts, change otherwise) for snippets."""
    from wagtail.models import Page

    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return user_may_publish_model(user, type(instance))


def user_can_see_queue(user) -> bool:
    return bool(translation_locales_for_user(user)) or user.has_perm(VIEW_PERMISSION)


def translators_for_locale(locale_id):
    """Active users who may be assigned work in ``locale_id``: its translator groups' members."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(is_active=True, groups__translator_role__locale_id=locale_id)
        .distinct()
        .order_by("username")
    )


# The queue's sort orders, by the key a column header sends ("-key" reverses one).
ORDERINGS = {
    "priority": (
        F("priority").desc(),
        F("due_date").asc(nulls_last=True),
        F("needs_work_since").asc(),
    ),
    "due": (F("due_date").asc(nulls_last=True), F("priority").desc(), F("needs_work_since").asc()),
    "age": (F("needs_work_since").asc(), F("priority").desc()),
    "words": (F("words_untranslated").desc(), F("priority").desc()),
    "item": (F("object_repr").asc(), F("target_locale_id").asc()),
}


def queue_ordering(order):
    """The ORDER BY of a sort key (the priority order for an unknown one)."""
    reverse = order.startswith("-") if order else False
    expressions = ORDERINGS.get((order or "").lstrip("-"), ORDERINGS["priority"])
    if reverse:
        return [expression.copy().reverse_ordering() for expression in expressions]
    return list(expressions)


def translation_queue(
    *,
    user,
    locale_id=None,
    locale_code=None,
    kind=None,
    status=None,
    assigned_to_me=False,
    unassigned=False,
    search="",
    order="priority",
):
    """The open items ``user`` may work on, filtered and sorted as asked."""
    tasks = TranslationTask.objects.filter(status__in=OPEN_STATUSES)
    locales = translation_locales_for_user(user)
    if locales is not ALL_LOCALES:
        tasks = tasks.filter(target_locale_id__in=locales)
    if locale_id:
        tasks = tasks.filter(target_locale_id=locale_id)
    if locale_code:
        # A subquery, not a join: the partial index on the locale still applies.
        tasks = tasks.filter(
            target_locale_id__in=Locale.objects.filter(language_code=locale_code).values("pk")
        )
    if kind:
        tasks = tasks.filter(kind=kind)
    if status:
        tasks = tasks.filter(status=status)
    if assigned_to_me:
        tasks = tasks.filter(assignee=user)
    elif unassigned:
        tasks = tasks.filter(assignee__isnull=True)
    if search:
        tasks = tasks.filter(object_repr__icontains=search)
    return tasks.select_related("target_locale", "assignee").order_by(*queue_ordering(order))


def translation_dashboard(*, user):
    """One row per target locale the user may see: items, percent of live content translated
    (by item and by word), words remaining, stale, unassigned and overdue items.
    """
    today = timezone.localdate()
    open_q = Q(status__in=OPEN_STATUSES)
    tasks = TranslationTask.objects.all()
    locales = translation_locales_for_user(user)
    if locales is not ALL_LOCALES:
        tasks = tasks.filter(target_locale_id__in=locales)
    rows = (
        tasks.values("target_locale_id")
        .annotate(
            items=Count("id"),
            done=Count("id", filter=Q(status=TaskStatus.DONE)),
            new=Count("id", filter=Q(status=TaskStatus.NEW)),
            in_progress=Count("id", filter=Q(status=TaskStatus.IN_PROGRESS)),
            stale=Count("id", filter=Q(status=TaskStatus.STALE)),
            ready=Count("id", filter=Q(status=TaskStatus.READY)),
            unassigned=Count("id", filter=open_q & Q(assignee__isnull=True)),
            overdue=Count("id", filter=open_q & Q(due_date__lt=today)),
            words_total=Sum("words_total"),
            words_remaining=Sum("words_untranslated"),
        )
        .order_by("target_locale_id")
    )
    names = {locale.pk: locale for locale in Locale.objects.all()}
    result = []
    for row in rows:
        words_total = row["words_total"] or 0
        words_done = words_total - (row["words_remaining"] or 0)
        result.append(
            {
                **row,
                "locale": names.get(row["target_locale_id"]),
                "percent_items": round(100 * row["done"] / row["items"]) if row["items"] else 100,
                "percent_words": round(100 * words_done / words_total) if words_total else 100,
            }
        )
    return result


@lru_cache(maxsize=64)
def countries_for_language(language_code: str) -> frozenset[str]:
    """ISO 3166-1 countries where ``language_code`` (a content locale) is an official or
    regional language, from CLDR; a locale with a region (pt-BR) means that country alone.
    """
    language, _sep, region = language_code.replace("_", "-").partition("-")
    if region:
        return frozenset({region.upper()})
    territories = BabelLocale("en").territories
    return frozenset(
        code
        for code in territories
        if len(code) == 2
        and code.isalpha()
        and language.lower() in get_official_languages(code, regional=True)
    )
