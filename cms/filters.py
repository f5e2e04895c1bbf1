"""Admin list filters for the directory (django-filter sets used by the snippet viewsets)."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import Locale

from .models import Country, Kind, Language, Resource

VERIFICATION_CHOICES = [
    ("overdue", _("Review overdue")),
    ("due_soon", _("Review due within 30 days")),
    ("never", _("Never verified")),
    ("current", _("Verified and current")),
]


class ResourceFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(choices=Kind.choices, label=_("Kind"))
    country = django_filters.ModelChoiceFilter(
        queryset=Country.objects.all(), field_name="countries", label=_("Country served")
    )
    language = django_filters.ModelChoiceFilter(
        queryset=Language.objects.all(), field_name="languages", label=_("Language")
    )
    verification = django_filters.ChoiceFilter(
        choices=VERIFICATION_CHOICES, method="filter_verification", label=_("Verification")
    )
    locale = django_filters.ModelChoiceFilter(queryset=Locale.objects.all(), label=_("Locale"))

    class Meta:
        model = Resource
        fields = ["kind", "country", "language", "verification", "locale", "live"]

    def filter_verification(self, queryset, name, value):
        today = timezone.localdate()
        if value == "overdue":
            return queryset.filter(Q(review_due__lt=today) | Q(review_due__isnull=True))
        if value == "due_soon":
            return queryset.filter(
                review_due__gte=today, review_due__lte=today + timezone.timedelta(days=30)
            )
        if value == "never":
            return queryset.filter(last_verified__isnull=True)
        return queryset.filter(review_due__gte=today)
