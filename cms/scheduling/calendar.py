"""What the editorial calendar shows: scheduled go-lives, expiries and events in a period, with
the conflicts an editor must resolve before they bite.

Each entry is placed in its own time zone: an event in the event's zone (the Nashville supper
at 18:30 CST is on the 14th, not at 00:30 UTC on the 15th), a resource's go-live or expiry in
the resource's zone, and a page without a zone in the admin user's.
"""

import zoneinfo
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page, ReferenceIndex, Revision, TranslatableMixin

from ..models import EventPage
from .publishing import scheduled_models


@dataclass
class Entry:
    when: datetime
    kind: str  # "go_live", "expiry" or "event"
    title: str
    type_label: str
    locale: str
    edit_url: str
    zone: str = ""  # the IANA zone the entry is shown in (set by calendar_entries)
    conflicts: list[str] = field(default_factory=list)

    @property
    def local(self):
        """``when`` on the wall clock of the entry's zone."""
        return self.when.astimezone(zoneinfo.ZoneInfo(self.zone))

    @property
    def zone_abbreviation(self):
        return self.local.tzname() or self.zone


# The furthest any zone is from UTC: entries are fetched this much either side of the days
# shown, then kept by their date in their own zone.
MAX_OFFSET = timedelta(hours=14)


def calendar_entries(*, first_day, last_day, user, default_zone, locale: Locale | None = None):
    """Entries whose date in their own zone falls between ``first_day`` and ``last_day``
    (inclusive), earliest first. ``default_zone`` places entries without a zone of their own.
    """
    finder = AdminURLFinder(user)
    start = datetime.combine(first_day, datetime.min.time(), tzinfo=UTC) - MAX_OFFSET
    end = datetime.combine(last_day, datetime.min.time(), tzinfo=UTC) + timedelta(days=1)
    end += MAX_OFFSET
    entries = [*_go_lives(start, end, finder), *_expiries(start, end, finder)]
    entries += _events(start, end, finder)
    if locale is not None:
        entries = [e for e in entries if e.locale == locale.language_code]
    for entry in entries:
        entry.zone = entry.zone or default_zone
    entries = [e for e in entries if first_day <= e.local.date() <= last_day]
    return sorted(entries, key=lambda e: (e.when, e.title))


def _zone_of(instance):
    """A resource's or an event's own time zone ("" for content without one)."""
    return getattr(instance, "time_zone", "") or ""


def _locale_code(instance):
    return instance.locale.language_code if isinstance(instance, TranslatableMixin) else ""


def _go_lives(start, end, finder):
    revisions = Revision.objects.filter(
        approved_go_live_at__gte=start, approved_go_live_at__lt=end
    ).select_related("content_type")
    for revision in revisions:
        draft = revision.as_object()
        if isinstance(draft, Page):
            draft = draft.specific
        conflicts = []
        if isinstance(draft, EventPage) and draft.starts_at <= revision.approved_go_live_at:
            conflicts.append(_("Goes live after the event has started."))
        source_go_live = _source_go_live(draft)
        if source_go_live is not None and source_go_live > revision.approved_go_live_at:
            conflicts.append(
                _("Scheduled before its source; it will wait and go live with the source.")
            )
        yield Entry(
            when=revision.approved_go_live_at,
            kind="go_live",
            title=revision.object_str,
            type_label=str(draft._meta.verbose_name),
            locale=_locale_code(draft),
            edit_url=finder.get_edit_url(draft) or "",
            zone=_zone_of(draft),
            conflicts=conflicts,
        )


def _source_go_live(instance):
    """When the source of a translation goes live: None when it is live (or this is a source),
    its scheduled time when it is scheduled, and datetime.max when it is not even scheduled."""
    if not isinstance(instance, TranslatableMixin):
        return None
    default = Locale.get_default()
    if instance.locale_id == default.pk:
        return None
    model = type(instance)
    source = model.objects.filter(translation_key=instance.translation_key, locale=default).first()
    if source is None or source.live:
        return None
    scheduled = (
        Revision.objects.for_instance(source)
        .exclude(approved_go_live_at=None)
        .values_list("approved_go_live_at", flat=True)
        .first()
    )
    return scheduled or datetime.max.replace(tzinfo=UTC)


def _expiries(start, end, finder):
    for model in scheduled_models():
        queryset = model.objects.filter(live=True, expire_at__gte=start, expire_at__lt=end)
        for instance in queryset:
            if isinstance(instance, Page):
                instance = instance.specific
            conflicts = []
            linked_from = _live_pages_linking_to(instance)
            if linked_from:
                conflicts.append(
                    _("Expires while still linked from live pages: %(pages)s.")
                    % {"pages": ", ".join(linked_from)}
                )
            yield Entry(
                when=instance.expire_at,
                kind="expiry",
                title=str(instance),
                type_label=str(instance._meta.verbose_name),
                locale=_locale_code(instance),
                edit_url=finder.get_edit_url(instance) or "",
                zone=_zone_of(instance),
                conflicts=conflicts,
            )


def _live_pages_linking_to(instance):
    references = ReferenceIndex.get_references_to(instance)
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = {
        int(object_id)
        for base_type, object_id in references.values_list("base_content_type", "object_id")
        if base_type == page_type.pk
    }
    pages = Page.objects.filter(pk__in=page_ids, live=True).exclude(pk=instance.pk)
    return [page.title for page in pages.order_by("title")]


def _events(start, end, finder):
    events = EventPage.objects.filter(starts_at__gte=start, starts_at__lt=end).select_related(
        "locale"
    )
    return [
        Entry(
            when=event.starts_at,
            kind="event",
            title=event.title,
            type_label=str(EventPage._meta.verbose_name),
            locale=event.locale.language_code,
            edit_url=reverse("wagtailadmin_pages:edit", args=[event.pk]),
            zone=event.time_zone,
        )
        for event in events
    ]
