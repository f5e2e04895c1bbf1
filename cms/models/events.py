"""Events: wellness activations at festivals, workshops, residencies, songwriter dinners,
panels and online sessions. Times are entered and shown in the event's own IANA time zone.
"""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..blocks import RICH_TEXT_FEATURES
from ..hours import HoursError, validate_time_zone
from ..scheduling.preview import HeadlessPreviewMixin


class EventKind(models.TextChoices):
    WELLNESS_ACTIVATION = "wellness_activation", _("Wellness activation")
    WORKSHOP = "workshop", _("Workshop")
    RESIDENCY = "residency", _("Residency")
    SONGWRITER_DINNER = "songwriter_dinner", _("Songwriter dinner")
    PANEL = "panel", _("Panel")
    ONLINE_SESSION = "online_session", _("Online session")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")
    MOVED_ONLINE = "moved_online", _("Moved online")


class EventIndexPage(Page):
    """The list of events; events live beneath it."""

    template = "cms/event_index_page.html"

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["roadcase.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")


class EventPageForm(WagtailAdminPageForm):
    """Start and end are typed as wall-clock times in the event's own time zone, not the
    editor's: a festival in Tokyo starts at 14:00 Tokyo time whoever schedules it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        if instance.pk and instance.time_zone:
            zone = zoneinfo.ZoneInfo(instance.time_zone)
            for name in ("starts_at", "ends_at"):
                value = getattr(instance, name)
                if value:
                    self.initial[name] = value.astimezone(zone).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone")
        try:
            validate_time_zone(zone_name or "")
        except HoursError as error:
            self.add_error("time_zone", str(error))
            return cleaned
        zone = zoneinfo.ZoneInfo(zone_name)
        editor_zone = timezone.get_current_timezone()
        for name in ("starts_at", "ends_at"):
            value = cleaned.get(name)
            if value:
                wall = value.astimezone(editor_zone).replace(tzinfo=None)
                cleaned[name] = timezone.make_aware(wall, zone)
        return cleaned


class EventPage(HeadlessPreviewMixin, Page):
    """One event, in person or online, with its place, time zone and status."""

    template = "cms/event_page.html"

    kind = models.CharField(_("kind"), max_length=32, choices=EventKind.choices)
    summary = models.CharField(_("summary"), max_length=300)
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, help_text=_("Times above are in this IANA time zone.")
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    festival = models.CharField(_("festival"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.ForeignKey(
        "roadcase.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    online_url = models.URLField(_("online link"), blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    partners = models.CharField(
        _("partners"), max_length=300, blank=True, help_text=_("Comma-separated names.")
    )
    accessibility_notes = models.TextField(_("accessibility"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )

    base_form_class = EventPageForm
    # Names and zones stay as the source has them; translators see only prose.
    override_translatable_fields = [
        SynchronizedField("time_zone"),
        SynchronizedField("festival"),
        SynchronizedField("partners"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("time_zone"),
            ],
            heading=_("When (in the event's time zone)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("festival"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("registration_url"),
        FieldPanel("capacity"),
        FieldPanel("partners"),
        FieldPanel("accessibility_notes"),
        FieldPanel("status"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("festival"),
        index.SearchField("city"),
        index.FilterField("starts_at"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["roadcase.EventIndexPage"]

    class Meta:
        verbose_name = _("event")
        indexes = [models.Index(fields=["starts_at"]), models.Index(fields=["ends_at"])]

    @property
    def partner_list(self):
        return [p.strip() for p in self.partners.split(",") if p.strip()]

    @property
    def is_online(self):
        return self.kind == EventKind.ONLINE_SESSION or self.status == EventStatus.MOVED_ONLINE

    def local_start(self):
        return self.starts_at.astimezone(zoneinfo.ZoneInfo(self.time_zone))

    def local_end(self):
        return self.ends_at.astimezone(zoneinfo.ZoneInfo(self.time_zone))

    def clean(self):
        super().clean()
        errors = {}
        try:
            validate_time_zone(self.time_zone)
        except HoursError as error:
            errors["time_zone"] = str(error)
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("An event must end after it starts.")
        if self.is_online and not self.online_url:
            errors["online_url"] = _("An online event needs its online link.")
        if not self.is_online and not (self.city and self.country_id):
            errors["city"] = _("An in-person event needs its city and country.")
        if errors:
            raise ValidationError(errors)
