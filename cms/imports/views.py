"""The admin upload screen: a CSV or HSDS file, checked (dry run) or imported, with the per-row
report shown on the same page.
"""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from ..admin_screens import ScreenMixin
from ..permission_denied import permission_denied
from .readers import read_file
from .service import import_rows

PERMISSIONS = ("roadcase.add_resource", "roadcase.change_resource", "roadcase.publish_resource")
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or HSDS 3.0 JSON file"),
        help_text=_("UTF-8. The columns and formats are described in docs/data-exchange.md."),
    )
    dry_run = forms.BooleanField(
        label=_("Only check the file (dry run)"), required=False, initial=True
    )
    skip_bad_rows = forms.BooleanField(
        label=_("Import the good rows even if some are bad"), required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


class ImportView(ScreenMixin, FormView):
    page_title = _("Import resources")
    header_icon = "upload"
    template_name = "cms/imports/import.html"
    form_class = ImportForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perms(PERMISSIONS):
            return permission_denied(
                request,
                gettext("Importing resources is for editors who may add, change and publish them."),
            )
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        rows, file_errors = read_file(upload.read(), name=upload.name)
        report = import_rows(
            rows,
            file_errors=file_errors,
            dry_run=form.cleaned_data["dry_run"],
            all_or_nothing=not form.cleaned_data["skip_bad_rows"],
            user=self.request.user,
        )
        return self.render_to_response(self.get_context_data(form=form, report=report))
