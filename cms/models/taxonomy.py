"""Topics and organisations: translatable snippets the directory is organised by.

Translation works through wagtail-localize:
https://wagtail-localize.org/stable/how-to/integration/modeladmin/ (snippets section).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """What a resource or guide helps with (anxiety, burnout, grief, money worries…)."""

    slug = models.SlugField(max_length=64)
    name = models.CharField(_("name"), max_length=100)
    description = models.CharField(_("description"), max_length=300, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    # The slug identifies the topic in every locale (API filters use it); never translated.
    override_translatable_fields = [SynchronizedField("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="roadcase_topic_slug_locale")
        ]

    def __str__(self):
        return self.name


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """The organisation behind one or more resources (MusiCares, Samaritans…)."""

    slug = models.SlugField(max_length=100)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    country = models.ForeignKey(
        "roadcase.Country",
        verbose_name=_("based in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_url = models.URLField(_("source"), blank=True)

    override_translatable_fields = [SynchronizedField("slug")]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("country"),
        FieldPanel("source_url"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="roadcase_organisation_slug_locale"
            )
        ]

    def __str__(self):
        return self.name
