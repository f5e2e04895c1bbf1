"""Short-link screens: following a link (public), the plugin's own finder page where a link
lands when the site has no hub home page (public), and the QR downloads, campaign ZIP and
campaign report (admin)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..models import ShortLink
from ..public.selectors import finder_context
from . import services
from .qr import campaign_zip, qr_png, qr_svg
from .report import campaign_report, campaigns, report_csv

PERMISSION = "roadcase.change_shortlink"


@require_safe
def follow(request, code):
    """``GET /s/<code>``: a 302 to where the link leads in the visitor's language, counted once
    for the day. An unknown or expired code lands on the finder with a kind word, never on a
    bare 404. Answers are never cached (each visit must reach the count) and set no cookie."""
    link = ShortLink.objects.filter(code=code.strip().lower()).first()
    locale_code = services.visitor_locale(request, link)
    url, reason = None, services.UNKNOWN
    if link is not None:
        now = timezone.now()
        reason = (
            services.NOT_YET if link.active_from and now < link.active_from else services.EXPIRED
        )
        if link.is_active(now):
            url = services.target_url(link, locale_code, request)
    if url is None:
        url = services.finder_url(request, locale_code, link=reason)
    elif request.method == "GET" and not services.is_prefetch(request):
        services.record_visit(link)
    response = HttpResponseRedirect(url)
    response["Cache-Control"] = "no-store"
    response["Vary"] = "Accept-Language"
    return response


@require_safe
def finder_page(request):
    """The finder on a page of its own, for a site whose root is not a hub home page: where a
    short link to the finder, to a resource, or an expired or unknown one lands."""
    codes = services.content_locale_codes()
    wanted = (request.GET.get("locale") or "").lower()
    locale_code = wanted if wanted in codes else services.visitor_locale(request)
    with translation.override(locale_code):
        context = {"finder": finder_context(request, locale_code), "locale_code": locale_code}
        response = render(request, "cms/finder_page.html", context)
    response["Vary"] = "Accept-Language"
    return response


def _require_editor(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def qr_code(request, pk, kind):
    """A link's QR code with its short URL beneath, as SVG or a print-ready PNG."""
    _require_editor(request)
    link = get_object_or_404(ShortLink, pk=pk)
    url = link.short_url()
    if kind == "svg":
        response = HttpResponse(qr_svg(url), content_type="image/svg+xml")
    else:
        response = HttpResponse(qr_png(url), content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="qr-{link.code}.{kind}"'
    return response


def campaign_qr_zip(request):
    """Every QR code of one campaign (``?campaign=``) in a ZIP, with a CSV listing them."""
    _require_editor(request)
    campaign = request.GET.get("campaign", "")
    links = list(ShortLink.objects.filter(campaign=campaign).order_by("code"))
    if not campaign or not links:
        return HttpResponse(
            _("No short link belongs to this campaign."), status=404, content_type="text/plain"
        )
    response = HttpResponse(campaign_zip(links), content_type="application/zip")
    name = slugify(campaign) or "campaign"
    response["Content-Disposition"] = f'attachment; filename="qr-codes-{name}.zip"'
    return response


class ReportFilterForm(forms.Form):
    campaign = forms.ChoiceField(label=_("Campaign"), required=False)
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput({"type": "date"})
    )
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput({"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].choices = [
            ("", _("All short links")),
            *((name, name) for name in campaigns()),
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("'To' must not be before 'From'."))
        return cleaned


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    """Reach of the short links: visits per link per day, with totals, and a CSV download of
    the same rows (``?format=csv``)."""

    page_title = _("Campaign reach")
    header_icon = "link"
    template_name = "cms/shortlinks/report.html"

    def dispatch(self, request, *args, **kwargs):
        _require_editor(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        form = ReportFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
        report = campaign_report(
            campaign=filters.get("campaign") or None,
            start=filters.get("start"),
            end=filters.get("end"),
        )
        if request.GET.get("format") == "csv" and (not form.is_bound or form.is_valid()):
            response = HttpResponse(report_csv(report), content_type="text/csv; charset=utf-8")
            name = slugify(report.campaign or "all") or "all"
            response["Content-Disposition"] = (
                f'attachment; filename="short-links-{name}-{report.start}-{report.end}.csv"'
            )
            return response
        return self.render_to_response(self.get_context_data(form=form, report=report))
