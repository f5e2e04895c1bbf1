"""Admin screens of the verification workflow: the report, the verify form and the panel on
the admin home page.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.ui.components import Component

from ..admin_screens import ScreenMixin
from ..conf import roadcase_setting
from ..models import Resource, VerificationMethod
from ..permission_denied import permission_denied
from .report import OVERDUE, SOON_DUE, review_counts, verification_report
from .services import resource_verify, source_resource

PERMISSION = "roadcase.change_resource"


class EditorOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return permission_denied(
                request,
                gettext("Verifying the directory is for its editors (who may change resources)."),
            )
        return super().dispatch(request, *args, **kwargs)


class ReportView(EditorOnlyMixin, ScreenMixin, TemplateView):
    page_title = _("Verification due")
    header_icon = "tasks"
    template_name = "cms/verification/report.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=verification_report(), **kwargs)


class ReviewsPanel(Component):
    """The "Directory reviews" panel on the admin home page: how many resources are overdue and
    soon due, with a link to the report. Only added for editors (``admin._reviews_panel``).
    """

    name = "roadcase_directory_reviews"
    template_name = "cms/verification/home_panel.html"
    order = 150  # above Wagtail's own panels (moderation 210, recent edits 250)

    def get_context_data(self, parent_context):
        counts = review_counts()
        return {
            "overdue": counts[OVERDUE],
            "soon_due": counts[SOON_DUE],
            "soon_days": roadcase_setting("REVIEW_SOON_DAYS"),
        }


class VerifyForm(forms.Form):
    method = forms.ChoiceField(
        label=_("How did you check it?"),
        choices=VerificationMethod.choices,
        widget=forms.RadioSelect,
    )
    verified_on = forms.DateField(label=_("Checked on"), initial=timezone.localdate)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class VerifyView(EditorOnlyMixin, ScreenMixin, FormView):
    """Record a check of one resource: who (the signed-in user), how and when."""

    page_title = _("Verify")
    header_icon = "tick"
    template_name = "cms/verification/verify.html"
    form_class = VerifyForm

    @cached_property
    def resource(self):
        return source_resource(get_object_or_404(Resource, pk=self.kwargs["pk"]))

    def get_page_subtitle(self):
        return str(self.resource)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            resource=self.resource,
            verifications=self.resource.verifications.select_related("user")[:10],
            **kwargs,
        )

    def form_valid(self, form):
        try:
            resource_verify(
                resource=self.resource,
                method=form.cleaned_data["method"],
                on=form.cleaned_data["verified_on"],
                note=form.cleaned_data["note"],
                user=self.request.user,
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        messages.success(self.request, _("'%s' is marked as verified.") % self.resource)
        next_url = self.request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, {self.request.get_host()}):
            next_url = reverse("roadcase_verification:report")
        return redirect(next_url)
