"""The translation queue's filters, shown in Wagtail's own filter drawer. The queue view hands
the chosen values to ``selectors.translation_queue``, which does the filtering (one query)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import Locale

from ..models import TaskStatus, TranslationTask
from ..models.localization import OPEN_STATUSES
from . import selectors
from .views.base import KIND_LABELS

ASSIGNED_CHOICES = [("me", _("Assigned to me")), ("nobody", _("Unassigned"))]


def _radio(choices, **kwargs):
    return django_filters.ChoiceFilter(
        choices=choices,
        widget=forms.RadioSelect,
        empty_label=_("All"),
        method="filtered_by_selector",
        **kwargs,
    )


class TranslationQueueFilterSet(WagtailFilterSet):
    locale = _radio([], label=_("Locale"))
    status = _radio(
        [(status.value, status.label) for status in TaskStatus if status in OPEN_STATUSES],
        label=_("Status"),
    )
    kind = _radio(list(KIND_LABELS.items()), label=_("Kind"))
    assigned = _radio(ASSIGNED_CHOICES, label=_("Assignee"))

    class Meta:
        model = TranslationTask
        fields = []

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        locales = selectors.translation_locales_for_user(request.user)
        queryset = Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code")
        if locales is not selectors.ALL_LOCALES:
            queryset = queryset.filter(pk__in=locales)
        self.filters["locale"].extra["choices"] = [
            (locale.language_code, locale.get_display_name()) for locale in queryset
        ]

    def filtered_by_selector(self, queryset, name, value):
        return queryset  # selectors.translation_queue applies it
