"""The directory: resources (services someone can use) and their contact points.

A Resource is a translatable snippet with drafts, revisions, scheduling, locking and preview:
https://docs.wagtail.org/en/stable/topics/snippets/features.html
Contact points are translatable child objects, so wagtail-localize carries their labels across
locales while numbers and addresses stay synchronised with the source.
"""

from dataclasses import replace
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..codes import CodeError, parse_phone
from ..conf import roadcase_setting
from ..hours import HoursError, normalize_hours, parse_hours, validate_time_zone
from ..scheduling.preview import HeadlessPreviewMixin
from .verification import VerificationMethod


class Kind(models.TextChoices):
    CRISIS_LINE = "crisis_line", _("Crisis line")
    HELPLINE = "helpline", _("Helpline")
    THERAPY = "therapy", _("Therapy or counselling")
    PEER_SUPPORT = "peer_support", _("Peer support")
    FINANCIAL_AID = "financial_aid", _("Financial aid or grant")
    SELF_HELP = "self_help", _("Guide or self-help tool")
    COMMUNITY = "community", _("Community and events")
    MEDIA = "media", _("Playlist, podcast or audiobook")


# Kinds a person in crisis may reach for: they must say how to reach them and when.
URGENT_KINDS = {Kind.CRISIS_LINE, Kind.HELPLINE}


class Cost(models.TextChoices):
    FREE = "free", _("Free")
    SLIDING_SCALE = "sliding_scale", _("Sliding scale")
    PAID = "paid", _("Paid")
    GRANT = "grant", _("Grant-funded")


class ContactMethod(models.TextChoices):
    PHONE = "phone", _("Phone")
    SMS = "sms", _("Text message")
    WHATSAPP = "whatsapp", _("WhatsApp")
    CHAT = "chat", _("Web chat")
    EMAIL = "email", _("Email")
    WEB = "web", _("Website")
    VIDEO = "video", _("Video or sign language")


PHONE_METHODS = {ContactMethod.PHONE, ContactMethod.SMS, ContactMethod.WHATSAPP}
URL_METHODS = {ContactMethod.CHAT, ContactMethod.WEB, ContactMethod.VIDEO}


class Resource(
    HeadlessPreviewMixin,
    TranslatableMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A service someone can use: a crisis line, a grant, a therapist network, a podcast.

    Facts that keep people safe (how to reach it, when, in which languages, when it was last
    checked and by whom) are required where they matter and validated here.
    """

    name = models.CharField(_("name"), max_length=200)
    local_name = models.CharField(
        _("name in its own language"),
        max_length=200,
        blank=True,
        help_text=_("As the organisation writes it, when it differs from the name."),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    organisation = models.ForeignKey(
        "roadcase.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
    )
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    topics = ParentalManyToManyField("roadcase.Topic", blank=True, related_name="resources")
    audiences = ParentalManyToManyField("roadcase.Audience", blank=True, related_name="+")

    worldwide = models.BooleanField(
        _("worldwide"), default=False, help_text=_("Open to people in any country.")
    )
    countries = ParentalManyToManyField(
        "roadcase.Country", verbose_name=_("countries served"), blank=True, related_name="+"
    )
    languages = ParentalManyToManyField(
        "roadcase.Language", verbose_name=_("languages"), related_name="+"
    )

    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        help_text=_("IANA time zone of the hours, e.g. Europe/London."),
    )
    hours = models.CharField(
        _("opening hours"),
        max_length=500,
        blank=True,
        help_text=_("24/7, or e.g. 'Mo-Fr 09:00-17:00; Sa 10:00-14:00'. Empty: no set hours."),
    )
    hours_note = models.CharField(_("note on hours"), max_length=200, blank=True)

    cost = models.CharField(_("cost"), max_length=16, choices=Cost.choices, default=Cost.FREE)
    eligibility = models.TextField(_("who can use it"), blank=True)
    confidentiality = models.TextField(_("confidentiality"), blank=True)

    # Two different claims, never mixed up: the hub's staff checked the facts themselves
    # (last_verified, verified_by, verification_method, set by the Verify action), or the facts
    # were listed from a source read on a date and nobody at the hub has checked them yet.
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    verified_by = models.CharField(_("verified by"), max_length=200, blank=True)
    verification_method = models.CharField(
        _("verified how"),
        max_length=16,
        blank=True,
        choices=VerificationMethod.choices,
    )
    review_due = models.DateField(
        _("review due"),
        null=True,
        blank=True,
        help_text=_("Left empty, it is set from the last-verified date and the kind."),
    )
    source_url = models.URLField(
        _("source"),
        max_length=500,
        blank=True,
        help_text=_("Preferably the organisation's own page."),
    )
    source_read_on = models.DateField(
        _("source read on"),
        null=True,
        blank=True,
        help_text=_("The day someone read the source and took the facts from it."),
    )
    second_source_url = models.URLField(
        _("second source"),
        max_length=500,
        blank=True,
        help_text=_("An independent source that agrees."),
    )
    source_note = models.CharField(_("where the facts came from"), max_length=300, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    external_id = models.CharField(
        _("external id"),
        max_length=100,
        blank=True,
        help_text=_("Stable id from an import or another directory."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("local_name"),
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("hours_note"),
        TranslatableField("eligibility"),
        TranslatableField("confidentiality"),
        TranslatableField("organisation"),
        TranslatableField("contact_points"),
        SynchronizedField("kind"),
        SynchronizedField("topics"),
        SynchronizedField("audiences"),
        SynchronizedField("worldwide"),
        SynchronizedField("countries"),
        SynchronizedField("languages"),
        SynchronizedField("time_zone"),
        SynchronizedField("hours"),
        SynchronizedField("cost"),
        SynchronizedField("last_verified"),
        SynchronizedField("verified_by"),
        SynchronizedField("verification_method"),
        SynchronizedField("review_due"),
        SynchronizedField("source_url"),
        SynchronizedField("source_read_on"),
        SynchronizedField("second_source_url"),
        SynchronizedField("source_note"),
        SynchronizedField("is_demo"),
        SynchronizedField("external_id"),
    ]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("local_name"),
                FieldPanel("kind"),
                FieldPanel("organisation"),
            ],
            heading=_("What it is"),
        ),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("worldwide"),
                FieldPanel("countries"),
                FieldPanel("languages"),
                FieldPanel("audiences"),
                FieldPanel("topics"),
            ],
            heading=_("Who and where"),
        ),
        InlinePanel("contact_points", label=_("Contact points")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("time_zone"), FieldPanel("hours")]),
                FieldPanel("hours_note"),
            ],
            heading=_("Hours"),
        ),
        MultiFieldPanel(
            [FieldPanel("cost"), FieldPanel("eligibility"), FieldPanel("confidentiality")],
            heading=_("Cost and eligibility"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("source_url"), FieldPanel("source_read_on")]),
                FieldPanel("second_source_url"),
                FieldPanel("source_note"),
                FieldRowPanel([FieldPanel("last_verified"), FieldPanel("review_due")]),
                FieldRowPanel([FieldPanel("verified_by"), FieldPanel("verification_method")]),
                FieldRowPanel([FieldPanel("external_id"), FieldPanel("is_demo")]),
            ],
            heading=_("Verification"),
        ),
    ]

    search_fields = [
        index.SearchField("name", boost=4),
        index.AutocompleteField("name"),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("eligibility"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("resource")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["kind", "live"]),
            models.Index(fields=["review_due"]),
            # The API's response cache asks for the next expiry on every publish (and after a
            # cache restart): one index probe, not a scan of every resource.
            models.Index(
                fields=["expire_at"],
                condition=models.Q(expire_at__isnull=False),
                name="roadcase_resource_expiry",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["external_id", "locale"],
                condition=~models.Q(external_id=""),
                name="roadcase_resource_external_id_locale",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def schedule(self):
        """The parsed opening hours (None when the resource has no set hours)."""
        return parse_hours(self.hours)

    def verification_summary(self):
        """Which claim the facts carry, in words: verified by the hub's staff (when and how), or
        listed from a source (read when) and not verified. Never one dressed as the other."""
        if self.last_verified:
            values = {"date": date_format(self.last_verified), "method": ""}
            if self.verification_method:
                values["method"] = self.get_verification_method_display()
                return _("Verified by the hub on %(date)s (%(method)s)") % values
            return _("Verified by the hub on %(date)s") % values
        if self.source_read_on:
            return _("Listed from its source (read %(date)s), not verified by the hub") % {
                "date": date_format(self.source_read_on)
            }
        return _("Not verified by the hub")

    @property
    def is_urgent_kind(self):
        return self.kind in URGENT_KINDS

    def review_period_months(self):
        key = "REVIEW_MONTHS_CRISIS" if self.is_urgent_kind else "REVIEW_MONTHS_OTHER"
        return roadcase_setting(key)

    def default_review_due(self):
        if not self.last_verified:
            return None
        return add_months(self.last_verified, self.review_period_months())

    def is_review_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.review_due is None or self.review_due < today

    def clean(self):
        super().clean()
        errors = {}
        try:
            validate_time_zone(self.time_zone)
        except HoursError as error:
            errors["time_zone"] = str(error)
        try:
            self.hours = normalize_hours(self.hours)
        except HoursError as error:
            errors["hours"] = str(error)
        if self.last_verified and self.last_verified > timezone.localdate():
            errors["last_verified"] = _("The last-verified date cannot be in the future.")
        if self.source_read_on and self.source_read_on > timezone.localdate():
            errors["source_read_on"] = _("The source cannot have been read in the future.")
        if self.review_due and self.last_verified and self.review_due < self.last_verified:
            errors["review_due"] = _("A review cannot be due before the last verification.")
        if errors:
            raise ValidationError(errors)
        if self.review_due is None:
            self.review_due = self.default_review_due()

    def clean_related(self, *, contact_points, countries, languages):
        """Rules that span the resource and its related rows, checked by the admin form and
        every service that writes resources. ``contact_points`` are unsaved or saved
        ContactPoint objects (None while some of those given are invalid: their own errors
        come first, and the rules about contact points wait); ``countries`` and ``languages``
        are the chosen rows.
        """
        errors = {}
        if not self.worldwide and not countries:
            errors["countries"] = _("Choose the countries it serves, or tick worldwide.")
        if not languages:
            errors["languages"] = _("Choose at least one language it answers in.")
        if self.is_urgent_kind and contact_points is not None:
            if not contact_points:
                errors["__all__"] = _("A crisis line or helpline needs at least one contact point.")
            elif not self.hours.strip() and not all(cp.hours.strip() for cp in contact_points):
                errors["hours"] = _(
                    "A crisis line or helpline needs its hours (or 24/7), for the resource "
                    "or for every contact point."
                )
        if errors:
            raise ValidationError(errors)

    def get_preview_template(self, request, mode_name):
        return "cms/resource_preview.html"


class ContactPoint(TranslatableMixin, Orderable):
    """One way to reach a resource, with its own hours when they differ from the resource's."""

    resource = ParentalKey(Resource, on_delete=models.CASCADE, related_name="contact_points")
    method = models.CharField(_("method"), max_length=16, choices=ContactMethod.choices)
    value = models.CharField(
        _("number or address"),
        max_length=300,
        help_text=_("Phone numbers: +44 20 7946 0000, or a short number with its country."),
    )
    region = models.CharField(
        _("dialled in"),
        max_length=2,
        blank=True,
        help_text=_("ISO country code a phone number is dialled in (needed for short numbers)."),
    )
    display = models.CharField(
        _("written as"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("A phone number as people in its country write it; set from what was typed."),
    )
    label = models.CharField(_("label"), max_length=100, blank=True)
    hours = models.CharField(
        _("hours"),
        max_length=500,
        blank=True,
        help_text=_("Only when they differ from the resource's hours."),
    )

    translatable_fields = [
        TranslatableField("label"),
        SynchronizedField("method"),
        SynchronizedField("value"),
        SynchronizedField("region"),
        SynchronizedField("display"),
        SynchronizedField("hours"),
    ]

    panels = [
        FieldRowPanel([FieldPanel("method"), FieldPanel("value"), FieldPanel("region")]),
        FieldRowPanel([FieldPanel("label"), FieldPanel("hours")]),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("contact point")

    def __str__(self):
        return f"{self.get_method_display()}: {self.value}"

    @property
    def schedule(self):
        return parse_hours(self.hours)

    def clean(self):
        super().clean()
        errors = {}
        self.region = (self.region or "").upper()
        self.value = self.value.strip()
        if self.method in PHONE_METHODS:
            try:
                self._set_phone(parse_phone(self.value, self.region))
            except CodeError as error:
                errors["value"] = str(error)
            if "value" not in errors and (
                self.method == ContactMethod.WHATSAPP and not self.value.startswith("+")
            ):
                errors["value"] = _("WhatsApp needs a full international number.")
        elif self.method == ContactMethod.EMAIL:
            try:
                EmailValidator()(self.value)
            except ValidationError:
                errors["value"] = _("Enter an email address.")
        elif self.method in URL_METHODS:
            try:
                URLValidator(schemes=["https", "http"])(self.value)
            except ValidationError:
                errors["value"] = _("Enter a web address starting with https://.")
        try:
            self.hours = normalize_hours(self.hours)
        except HoursError as error:
            errors["hours"] = str(error)
        if errors:
            raise ValidationError(errors)

    @property
    def shown_as(self):
        """What a person reads: a phone number as written in its country, else the address."""
        return self.display or self.value

    def _set_phone(self, phone):
        # The stored number comes back to the form in its dialled form (+498001110111); saved
        # again unchanged, it keeps the grouping first typed (0800 111 0 111).
        if self.display and self.region == phone.region:
            try:
                if parse_phone(self.display, phone.region).value == phone.value:
                    phone = replace(phone, display=self.display)
            except CodeError:
                pass
        self.value, self.region, self.display = phone.value, phone.region, phone.display

    @property
    def href(self):
        """The link a tap follows: tel:, sms:, https://wa.me/, mailto: or the URL itself."""
        if self.method == ContactMethod.PHONE:
            return f"tel:{self.value}"
        if self.method == ContactMethod.SMS:
            return f"sms:{self.value}"
        if self.method == ContactMethod.WHATSAPP:
            return f"https://wa.me/{self.value.lstrip('+')}"
        if self.method == ContactMethod.EMAIL:
            return f"mailto:{self.value}"
        return self.value


def add_months(start: date, months: int) -> date:
    """``start`` plus whole months, clamped to the end of a shorter month."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return start.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise AssertionError("unreachable")
