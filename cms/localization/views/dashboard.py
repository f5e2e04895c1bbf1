"""The per-locale dashboard: how much of the live content is translated, words remaining,
stale, unassigned and overdue items. One aggregate query over the queue table."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from ...admin_screens import ScreenMixin
from .. import selectors
from .base import TranslatorRequiredMixin


class DashboardView(TranslatorRequiredMixin, ScreenMixin, TemplateView):
    page_title = _("Translation dashboard")
    header_icon = "wagtail-localize-language"
    template_name = "cms/localization/dashboard.html"

    def get_parent_crumbs(self):
        return [(_("Translation queue"), reverse("roadcase_localization:queue"))]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            rows=selectors.translation_dashboard(user=self.request.user), **kwargs
        )
