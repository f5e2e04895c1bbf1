"""Reference data every other model points at: countries (with their emergency numbers),
languages and audiences. Rows are created by ``cms.reference_data`` after each migrate;
editors keep the facts (numbers, verification) up to date in the admin.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from ..codes import country_name, language_name
from ..country_names import search_names


class Country(index.Indexed, ClusterableModel):
    """A country or territory of ISO 3166-1, with the emergency numbers shown above everything
    else for it. Names come from CLDR (babel) in whatever locale is asked for.
    """

    code = models.CharField(_("ISO 3166-1 code"), max_length=2, primary_key=True)
    source_url = models.URLField(_("source"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    # Its codes and names in every language of the hub, for search (cms.country_names).
    search_names = models.TextField(editable=False, blank=True)

    panels = [
        FieldPanel("code", read_only=True),
        InlinePanel("emergency_numbers", label=_("Emergency numbers"), min_num=1),
        FieldPanel("source_url"),
        FieldPanel("last_verified"),
        FieldPanel("notes"),
    ]
    search_fields = [
        index.SearchField("code", boost=5),
        index.SearchField("search_names"),
        index.AutocompleteField("code"),
        index.AutocompleteField("search_names"),
    ]

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["code"]

    def __str__(self):
        return f"{self.name()} ({self.code})"

    def save(self, *args, **kwargs):
        self.search_names = search_names(self.code)
        super().save(*args, **kwargs)

    def name(self, locale=None):
        return country_name(self.code, locale or get_language())

    def emergency_numbers_display(self):
        return ", ".join(n.number for n in self.ordered_emergency_numbers())

    def ordered_emergency_numbers(self):
        """The emergency numbers in the order a person should call them: a number for every
        service first, then the ambulance, police and fire numbers, each kind in editor order."""
        return sorted(
            self.emergency_numbers.all(),
            key=lambda number: (number.priority, number.sort_order or 0),
        )


# What an emergency number is for, by the services it reaches: the label people see beside it.
EMERGENCY_LABELS = {
    frozenset({"police", "ambulance", "fire"}): _("All emergencies"),
    frozenset({"ambulance", "fire"}): _("Ambulance and fire"),
    frozenset({"ambulance", "police"}): _("Ambulance and police"),
    frozenset({"ambulance"}): _("Ambulance"),
    frozenset({"police", "fire"}): _("Police and fire"),
    frozenset({"police"}): _("Police"),
    frozenset({"fire"}): _("Fire"),
}


class EmergencyNumber(Orderable):
    """One number to call in an emergency in a country. Shown labelled by what it reaches, a
    number for every service first, then ambulance (a medical emergency is the likeliest need of
    a person in crisis), police and fire (``Country.ordered_emergency_numbers``).
    """

    SERVICES = ("police", "ambulance", "fire")

    country = ParentalKey(Country, on_delete=models.CASCADE, related_name="emergency_numbers")
    number = models.CharField(_("number"), max_length=16)
    services = models.CharField(
        _("services"),
        max_length=64,
        default="police,ambulance,fire",
        help_text=_("Comma-separated: police, ambulance, fire."),
    )

    def clean(self):
        if not self.number.isdigit():
            raise ValidationError({"number": _("Use digits only, as dialled locally (e.g. 112).")})
        unknown = set(self.service_list) - set(self.SERVICES)
        if unknown or not self.service_list:
            raise ValidationError({"services": _("Use police, ambulance and/or fire.")})

    @property
    def service_list(self):
        return [s.strip() for s in self.services.split(",") if s.strip()]

    @property
    def priority(self):
        services = set(self.service_list)
        if services >= set(self.SERVICES):
            return 0
        return 1 if "ambulance" in services else 2 if "police" in services else 3

    @property
    def label(self):
        return str(EMERGENCY_LABELS.get(frozenset(self.service_list), ", ".join(self.service_list)))

    def __str__(self):
        return self.number


class Language(models.Model):
    """A language a service answers in, by BCP 47 tag (en, pt-BR, ase for ASL)."""

    code = models.CharField(_("BCP 47 tag"), max_length=16, primary_key=True)

    class Meta:
        verbose_name = _("language")
        ordering = ["code"]

    def __str__(self):
        return f"{self.name()} ({self.code})"

    def name(self, locale=None):
        return language_name(self.code, locale or get_language())

    @property
    def autonym(self):
        return language_name(self.code, self.code)


class Audience(models.Model):
    """Who in the music industry a resource or guide is for."""

    CHOICES = {
        "artist": _("Artists"),
        "crew": _("Touring crew"),
        "songwriter": _("Songwriters"),
        "manager": _("Managers"),
        "family": _("Families"),
        "any": _("Anyone"),
    }

    slug = models.SlugField(primary_key=True, max_length=32)

    class Meta:
        verbose_name = _("audience")
        ordering = ["slug"]

    def __str__(self):
        return str(self.CHOICES.get(self.slug, self.slug))
