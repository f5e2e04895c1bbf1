"""Translation workflow on top of wagtail-localize: the translation queue and translator groups.

wagtail-localize translates one object at a time (``TranslationSource`` → ``Translation`` →
``StringTranslation``; https://wagtail-localize.org/stable/concept/translation-memory/); it has
no queue, no assignment and no per-locale permissions. A ``TranslationTask`` is one
(object, target locale) pair with the figures a translator sorts and filters by, kept up to date
by ``cms.localization.signals`` so listing 10,000 of them is one indexed query, not a
recomputation. ``cms.localization.services`` writes these rows; nothing else should.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


class TranslatorGroup(models.Model):
    """Marks an auth group as the translators into one locale.

    Members translate into that locale only (pages and snippets), through wagtail-localize's
    editor; they cannot publish (unless the locale trusts them with ``may_publish``), nor edit
    source content. ``cms.localization.permissions``
    enforces this on the server. Create one with ``services.translator_group_ensure``.
    """

    group = models.OneToOneField(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="translator_role"
    )
    locale = models.ForeignKey(
        Locale, verbose_name=_("locale"), on_delete=models.CASCADE, related_name="+"
    )
    may_publish = models.BooleanField(
        _("may publish their own work"),
        default=False,
        help_text=_(
            "Trusted translators: members publish the items they finished (assigned to them, "
            "or translated by them alone) without waiting for an editor."
        ),
    )

    class Meta:
        verbose_name = _("translator group")
        verbose_name_plural = _("translator groups")

    def __str__(self):
        return f"{self.group.name} → {self.locale.language_code}"


class TaskStatus(models.TextChoices):
    NEW = "new", _("Never translated")
    IN_PROGRESS = "in_progress", _("In progress")
    STALE = "stale", _("Source changed")
    READY = "ready", _("Ready to publish")
    DONE = "done", _("Published")


# Statuses that make an item show in the queue: everything not yet live in its translation.
OPEN_STATUSES = (TaskStatus.NEW, TaskStatus.IN_PROGRESS, TaskStatus.STALE, TaskStatus.READY)


class TranslationTask(models.Model):
    """One (object, target locale) pair and how far its translation has come.

    The figures (words, segments, percent, status) are denormalised from wagtail-localize's
    tables whenever a source is published or a string is translated, so the queue and the
    dashboard read this table alone.
    """

    object = models.ForeignKey(
        "wagtail_localize.TranslatableObject", on_delete=models.CASCADE, related_name="+"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    source_locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    target_locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    source_object_id = models.CharField(max_length=64)
    target_object_id = models.CharField(max_length=64, blank=True)
    translation = models.ForeignKey(
        "wagtail_localize.Translation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    object_repr = models.CharField(_("item"), max_length=255)
    kind = models.CharField(_("kind"), max_length=32, db_index=True)

    status = models.CharField(
        _("status"), max_length=16, choices=TaskStatus.choices, default=TaskStatus.NEW
    )
    base_priority = models.SmallIntegerField(default=0)
    priority_boost = models.SmallIntegerField(default=0)
    priority = models.SmallIntegerField(_("priority"), default=0)

    segments_total = models.PositiveIntegerField(default=0)
    segments_translated = models.PositiveIntegerField(default=0)
    segments_machine = models.PositiveIntegerField(default=0)
    words_total = models.PositiveIntegerField(default=0)
    words_untranslated = models.PositiveIntegerField(_("words to translate"), default=0)
    percent = models.PositiveSmallIntegerField(_("done (%)"), default=0)
    # What changed in the source at the last publish: [{"path", "before", "after"}, ...].
    changed_strings = models.JSONField(default=list, blank=True)

    go_live_date = models.DateField(null=True, blank=True)
    due_date_override = models.DateField(null=True, blank=True)
    due_date = models.DateField(_("due"), null=True, blank=True)

    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField(null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    created_at = models.DateTimeField(auto_now_add=True)
    needs_work_since = models.DateTimeField(default=timezone.now)
    source_updated_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("translation task")
        permissions = [("assign_translationtask", "Can assign translation tasks")]
        constraints = [
            models.UniqueConstraint(
                fields=["object", "target_locale"], name="roadcase_translationtask_unique"
            )
        ]
        # Partial indexes over open items, in the queue's sort orders: the queue never reads
        # done items, and the planner can walk these in order instead of sorting.
        indexes = [
            models.Index(
                F("priority").desc(),
                "due_date",
                "needs_work_since",
                condition=models.Q(status__in=OPEN_STATUSES),
                name="roadcase_tt_open_priority",
            ),
            models.Index(
                "target_locale",
                F("priority").desc(),
                "due_date",
                condition=models.Q(status__in=OPEN_STATUSES),
                name="roadcase_tt_open_locale",
            ),
            models.Index(
                "due_date",
                F("priority").desc(),
                condition=models.Q(status__in=OPEN_STATUSES),
                name="roadcase_tt_open_due",
            ),
            models.Index(fields=["assignee", "status"], name="roadcase_tt_assignee"),
        ]

    def __str__(self):
        return f"{self.object_repr} → {self.target_locale_id}"

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def is_raised(self):
        return self.priority_boost > 0
