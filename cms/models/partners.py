"""Partners: the sites allowed to embed the finder widget and call the API from a browser."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from ..codes import CodeError, validate_origin
from ..languages import content_language_codes
from ..panels import EmbedSnippetPanel
from ..text import text_lines
from .resources import Kind


class Partner(index.Indexed, models.Model):
    """A label, festival, streaming service or union whose site embeds the widget.

    Its allowed origins feed CORS for the API (effective without a redeploy), and its defaults
    seed the widget when the embed code does not say otherwise.
    """

    class Theme(models.TextChoices):
        AUTO = "auto", _("Follow the visitor's setting")
        LIGHT = "light", _("Light")
        DARK = "dark", _("Dark")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("embed id"), max_length=64, unique=True)
    allowed_origins = models.TextField(
        _("allowed origins"),
        help_text=_("One per line, e.g. https://www.example-festival.com"),
    )
    default_locale = models.CharField(_("default language"), max_length=8, blank=True)
    default_country = models.ForeignKey(
        "roadcase.Country",
        verbose_name=_("default country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    default_kinds = models.CharField(
        _("kinds shown by default"),
        max_length=300,
        blank=True,
        help_text=_("Comma-separated kinds, e.g. crisis_line,helpline. Empty: all kinds."),
    )
    theme = models.CharField(_("theme"), max_length=8, choices=Theme.choices, default=Theme.AUTO)
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#1d4ed8",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour like #1d4ed8."))],
    )
    quick_exit_url = models.URLField(
        _("quick-exit address"),
        blank=True,
        help_text=_(
            "Shows a quick-exit button that leaves for this address (e.g. a weather site)."
        ),
    )
    active = models.BooleanField(_("active"), default=True)
    webhook_url = models.URLField(
        _("webhook address"),
        blank=True,
        help_text=_("Receives a signed POST whenever published content changes."),
    )
    webhook_secret = models.CharField(
        _("webhook secret"),
        max_length=100,
        blank=True,
        help_text=_("Shared secret for the X-Roadcase-Signature HMAC-SHA256 header."),
    )

    panels = [
        EmbedSnippetPanel(),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("allowed_origins"),
        FieldPanel("active"),
        MultiFieldPanel(
            [
                FieldPanel("default_locale"),
                FieldPanel("default_country"),
                FieldPanel("default_kinds"),
                FieldPanel("theme"),
                FieldPanel("accent_colour"),
                FieldPanel("quick_exit_url"),
            ],
            heading=_("Widget defaults"),
        ),
        MultiFieldPanel(
            [FieldPanel("webhook_url"), FieldPanel("webhook_secret")],
            heading=_("Change notifications"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("partner")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def origins(self):
        return text_lines(self.allowed_origins)

    @property
    def kinds(self):
        return [k.strip() for k in self.default_kinds.split(",") if k.strip()]

    def clean(self):
        errors = {}
        normalized = []
        for origin in self.origins:
            try:
                normalized.append(validate_origin(origin))
            except CodeError as error:
                errors["allowed_origins"] = str(error)
                break
        else:
            if not normalized:
                errors["allowed_origins"] = _("Add at least one origin.")
            self.allowed_origins = "\n".join(normalized)
        unknown = [k for k in self.kinds if k not in Kind.values]
        if unknown:
            errors["default_kinds"] = _("Unknown kinds: %(kinds)s. Use: %(allowed)s.") % {
                "kinds": ", ".join(unknown),
                "allowed": ", ".join(Kind.values),
            }
        locales = content_language_codes()
        if self.default_locale and self.default_locale not in locales:
            errors["default_locale"] = _("Use one of the hub's languages: %(locales)s.") % {
                "locales": ", ".join(locales)
            }
        if errors:
            raise ValidationError(errors)
