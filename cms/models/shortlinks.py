"""Campaign short links: ``/s/<code>`` on a poster, a wristband card or a self-care kit, printed
as a QR code, leading to a resource, guide, event, story or the finder in the visitor's language.

Counting is privacy-preserving by construction: the only thing kept about a visit is that it
happened, as one number per link per day. No address, cookie, user agent or referrer is stored
anywhere (``cms.shortlinks.services.record_visit``).
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.search import index

from ..conf import roadcase_setting
from ..panels import ShortLinkQRPanel

# No 0/o, 1/l/i: a code read off a poster is typed without guessing.
CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
CODE_LENGTH = 6
TARGET_PAGE_MODELS = {
    "guide": "roadcase.GuidePage",
    "event": "roadcase.EventPage",
    "story": "roadcase.StoryPage",
}


class ShortLinkTarget(models.TextChoices):
    RESOURCE = "resource", _("A resource")
    GUIDE = "guide", _("A guide")
    EVENT = "event", _("An event")
    STORY = "story", _("A story")
    FINDER = "finder", _("The finder")


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _position in range(CODE_LENGTH))


class ShortLink(index.Indexed, models.Model):
    """A short code and where it leads, for a campaign, in a window of time."""

    code = models.CharField(
        _("code"),
        max_length=32,
        unique=True,
        blank=True,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9][A-Za-z0-9-]*$",
                _("Use letters, digits and hyphens, starting with a letter or digit."),
            )
        ],
        help_text=_("The part after /s/ (kept in lowercase). Leave empty for a random one."),
    )
    target = models.CharField(_("leads to"), max_length=16, choices=ShortLinkTarget.choices)
    resource = models.ForeignKey(
        "roadcase.Resource",
        verbose_name=_("resource"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("guide, event or story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    finder_country = models.ForeignKey(
        "roadcase.Country",
        verbose_name=_("finder: country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    finder_topic = models.ForeignKey(
        "roadcase.Topic",
        verbose_name=_("finder: topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    locale = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        help_text=_(
            "Used when the visitor's browser asks for none of the hub's languages "
            "(empty: the hub's default)."
        ),
    )
    campaign = models.CharField(_("campaign"), max_length=100, blank=True, db_index=True)
    active_from = models.DateTimeField(_("active from"), null=True, blank=True)
    active_until = models.DateTimeField(_("active until"), null=True, blank=True)
    note = models.TextField(_("note for editors"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        ShortLinkQRPanel(),
        FieldPanel("code"),
        FieldPanel("campaign"),
        FieldPanel("target"),
        FieldPanel("resource"),
        PageChooserPanel("page", list(TARGET_PAGE_MODELS.values())),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("finder_country"), FieldPanel("finder_topic")])],
            heading=_("When it leads to the finder"),
        ),
        FieldPanel("locale"),
        FieldRowPanel([FieldPanel("active_from"), FieldPanel("active_until")]),
        FieldPanel("note"),
    ]
    search_fields = [
        index.SearchField("code"),
        index.AutocompleteField("code"),
        index.SearchField("campaign"),
        index.AutocompleteField("campaign"),
        index.FilterField("campaign"),
    ]

    class Meta:
        verbose_name = _("short link")
        verbose_name_plural = _("short links")
        ordering = ["campaign", "code"]

    def __str__(self):
        return f"/s/{self.code}"

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = new_code()
            while ShortLink.objects.filter(code=self.code).exists():
                self.code = new_code()
        super().save(*args, **kwargs)

    def clean(self):
        self.code = (self.code or "").strip().lower()
        errors = {}
        if self.target == ShortLinkTarget.RESOURCE and not self.resource_id:
            errors["resource"] = _("Choose the resource this link leads to.")
        if self.target in TARGET_PAGE_MODELS:
            wanted = TARGET_PAGE_MODELS[self.target].split(".")[1].lower()
            if not self.page_id:
                errors["page"] = _("Choose the page this link leads to.")
            elif self.page.specific_class._meta.model_name != wanted:
                errors["page"] = _("Choose a page of the kind this link leads to.")
        locales = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        if self.locale and self.locale not in locales:
            errors["locale"] = _("Use one of the hub's languages: %(locales)s.") % {
                "locales": ", ".join(locales)
            }
        if self.active_from and self.active_until and self.active_until <= self.active_from:
            errors["active_until"] = _("A link must end after it starts.")
        if errors:
            raise ValidationError(errors)

    def is_active(self, at=None):
        at = at or timezone.now()
        started = self.active_from is None or self.active_from <= at
        return started and (self.active_until is None or at < self.active_until)

    @property
    def path(self):
        return reverse("roadcase_public:short-link", kwargs={"code": self.code})

    def short_url(self, base_url=None):
        """The link as printed: ``https://hub.example/s/abc234`` (from SHORT_LINK_BASE_URL,
        else WAGTAILADMIN_BASE_URL, unless ``base_url`` says otherwise)."""
        base = base_url or roadcase_setting("SHORT_LINK_BASE_URL") or settings.WAGTAILADMIN_BASE_URL
        return base.rstrip("/") + self.path


class ShortLinkDailyCount(models.Model):
    """How many times a link was followed on one day: the only trace a visit leaves."""

    link = models.ForeignKey(ShortLink, on_delete=models.CASCADE, related_name="daily_counts")
    day = models.DateField(_("day"))
    visits = models.PositiveIntegerField(_("visits"), default=0)

    class Meta:
        verbose_name = _("short link daily count")
        constraints = [
            models.UniqueConstraint(
                fields=["link", "day"], name="roadcase_shortlink_one_count_a_day"
            )
        ]
        ordering = ["-day", "link"]

    def __str__(self):
        return f"{self.link} {self.day}: {self.visits}"
