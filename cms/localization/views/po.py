"""Bulk PO files: export a locale's queue (or the ticked items, from the queue screen) and
import files back, checked in full before anything is applied."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.models import Locale

from ...admin_screens import ScreenMixin
from .. import po, selectors
from .base import TranslatorRequiredMixin

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class _LocaleFormMixin:
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        locales = selectors.translation_locales_for_user(user)
        queryset = Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code")
        if locales is not selectors.ALL_LOCALES:
            queryset = queryset.filter(pk__in=locales)
        self.fields["locale"].queryset = queryset


class ExportForm(_LocaleFormMixin, forms.Form):
    locale = forms.ModelChoiceField(label=_("Locale"), queryset=Locale.objects.none())
    as_zip = forms.BooleanField(label=_("One file per item (zip)"), required=False)


class ImportForm(_LocaleFormMixin, forms.Form):
    locale = forms.ModelChoiceField(label=_("Locale"), queryset=Locale.objects.none())
    file = forms.FileField(label=_("PO file or zip of PO files"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is too large."))
        return upload


class _QueueChildMixin(ScreenMixin):
    def get_parent_crumbs(self):
        return [(_("Translation queue"), reverse("roadcase_localization:queue"))]


class ExportView(TranslatorRequiredMixin, _QueueChildMixin, FormView):
    page_title = _("Export PO")
    header_icon = "download"
    template_name = "cms/localization/po_export.html"
    form_class = ExportForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        locale = form.cleaned_data["locale"]
        tasks = po.tasks_for_export(user=self.request.user, locale=locale)
        name, content, content_type = po.po_export(
            tasks=tasks, locale=locale, as_zip=form.cleaned_data["as_zip"]
        )
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class ImportView(TranslatorRequiredMixin, _QueueChildMixin, FormView):
    page_title = _("Import PO")
    header_icon = "upload"
    template_name = "cms/localization/po_import.html"
    form_class = ImportForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        locale = form.cleaned_data["locale"]
        if not selectors.user_can_translate_into(self.request.user, locale.pk):
            raise PermissionDenied
        upload = form.cleaned_data["file"]
        report = po.po_import(
            uploads=[(upload.name, upload.read())], locale=locale, user=self.request.user
        )
        if report.ok:
            messages.success(
                self.request, _("Imported %(count)d translation(s).") % {"count": report.applied}
            )
        else:
            messages.error(self.request, _("Nothing was imported: fix the errors below."))
        return self.render_to_response(self.get_context_data(form=form, report=report))
