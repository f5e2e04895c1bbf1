"""The concierge inbox in the Wagtail admin: the list (Wagtail's listing, with its filter
drawer), one request (history, status, assignment, notes, replies), export and erasure. Every
view is for members of the concierge group only (``ROADCASE["CONCIERGE_GROUP"]``); anyone
else, superusers included, gets a 403 that says so.
"""

import json
from functools import wraps

import django_filters
from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView

from ..admin_screens import ScreenMixin
from ..dates import datetime_label
from ..models import ConciergeEvent, ConciergeRequest, ConciergeStatus, Country
from ..permission_denied import permission_denied
from . import selectors, services

OPEN = "open"


def concierge_member_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not selectors.is_concierge_member(request.user):
            return permission_denied(
                request,
                _(
                    "The concierge inbox holds health information about the people who wrote "
                    "in, so only the concierge team can open it (administrators too must join "
                    "the team's group)."
                ),
            )
        return view(request, *args, **kwargs)

    return wrapped


def _get_request_or_404(pk):
    concierge_request = selectors.concierge_request_get(pk)
    if concierge_request is None:
        raise Http404
    return concierge_request


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=ConciergeStatus.choices)
    assigned_to = forms.ModelChoiceField(
        label=gettext_lazy("Assigned to"), queryset=None, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = selectors.concierge_team()


class NoteForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Internal note (never sent)"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Reply by email"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=gettext_lazy(
            "Sent in the requester's language, followed by the emergency number of their country."
        ),
    )


def duration_label(value):
    """A response time as people read it: "45 min", "3 h 05 min", "2 d 4 h"."""
    if value is None:
        return ""
    minutes = int(value.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min"


def reply_template(concierge_request):
    """The start of a reply, in the requester's language, for the team to complete."""
    with translation.override(concierge_request.locale):
        return "\n\n".join(
            [_("Hello,"), _("Thank you for reaching out."), "", _("With care,\nThe concierge team")]
        )


class InboxFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=[(OPEN, gettext_lazy("Open (not closed)")), *ConciergeStatus.choices],
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
        method="filtered_by_selector",
    )
    email = django_filters.CharFilter(
        label=gettext_lazy("Requester's email (exact)"),
        widget=forms.EmailInput,
        method="filtered_by_selector",
    )

    class Meta:
        model = ConciergeRequest
        fields = []

    def filtered_by_selector(self, queryset, name, value):
        return queryset  # selectors.concierge_inbox applies it


class RequestTitleColumn(TitleColumn):
    cell_template_name = "cms/concierge/cells/title.html"


def _received(item):
    return datetime_label(item.created_at, "short")


def _country(item):
    country = Country(code=item.country) if item.country else None
    return str(country) if country else "—"


@method_decorator(concierge_member_required, name="dispatch")
class InboxView(ScreenMixin, BaseListingView):
    page_title = gettext_lazy("Concierge inbox")
    header_icon = "mail"
    template_name = "cms/concierge/index.html"
    index_url_name = "roadcase_concierge:index"
    index_results_url_name = "roadcase_concierge:results"
    filterset_class = InboxFilterSet
    paginate_by = 50
    verbose_name_plural = gettext_lazy("requests")
    columns = [
        RequestTitleColumn(
            "title", label=gettext_lazy("Request"), url_name="roadcase_concierge:detail"
        ),
        Column("received", label=gettext_lazy("Received"), accessor=_received),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        Column("country", label=gettext_lazy("Country"), accessor=_country),
        Column("locale", label=gettext_lazy("Language")),
        Column("assigned_to", label=gettext_lazy("Assigned to"), accessor="assignee_name"),
    ]

    def get_filterset_kwargs(self):
        data = self.request.GET.copy()
        data.setdefault("status", OPEN)  # open requests unless asked otherwise
        return {**super().get_filterset_kwargs(), "data": data}

    def get_base_queryset(self):
        data = self.filters.form.cleaned_data if self.filters.is_valid() else {}
        return selectors.concierge_inbox(
            status=data.get("status") or None, email=(data.get("email") or "").strip()
        )

    def filter_queryset(self, queryset):
        return queryset  # the selector filters

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for item in context["object_list"]:
            user = item.assigned_to
            item.title = str(item)
            item.assignee_name = (user.get_full_name() or user.get_username()) if user else "—"
        context["figures"] = {
            key: duration_label(value) if key != "answered" else value
            for key, value in selectors.response_time_figures().items()
        }
        return context


index = InboxView.as_view()
results = InboxView.as_view(results_only=True)


@concierge_member_required
@require_GET
def detail(request, pk):
    concierge_request = _get_request_or_404(pk)
    return render(
        request,
        "cms/concierge/detail.html",
        {
            "page_title": str(concierge_request),
            "header_title": str(concierge_request),
            "header_icon": "mail",
            "item": concierge_request,
            "status_form": StatusForm(
                initial={
                    "status": concierge_request.status,
                    "assigned_to": concierge_request.assigned_to,
                }
            ),
            "note_form": NoteForm(),
            "reply_form": ReplyForm(initial={"body": reply_template(concierge_request)}),
            "event_kinds": ConciergeEvent.Kind,
            "history": history(concierge_request),
            "country_name": _country(concierge_request),
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": reverse("roadcase_concierge:index"), "label": _("Concierge inbox")},
                {"url": "", "label": str(concierge_request)},
            ],
        },
    )


def history(concierge_request):
    """The request's events as the team reads them: who did what, statuses by their names,
    assignments by the person's name."""
    statuses = dict(ConciergeStatus.choices)
    team = {user.pk: user for user in selectors.concierge_team()}
    lines = []
    for event in concierge_request.events.all():
        detail = ""
        if event.kind == ConciergeEvent.Kind.STATUS:
            detail = _("%(before)s → %(after)s") % {
                "before": statuses.get(event.data.get("from"), event.data.get("from")),
                "after": statuses.get(event.data.get("to"), event.data.get("to")),
            }
        elif event.kind == ConciergeEvent.Kind.ASSIGNED:
            assignee = team.get(event.data.get("assignee"))
            detail = (
                _("to %(name)s") % {"name": assignee.get_full_name() or assignee.get_username()}
                if assignee
                else _("unassigned")
            )
        lines.append(
            {
                "event": event,
                "when": datetime_label(event.created_at, "short"),
                "who": (event.user.get_full_name() or event.user.get_username())
                if event.user
                else "",
                "detail": detail,
            }
        )
    return lines


@concierge_member_required
@require_POST
def update(request, pk):
    concierge_request = _get_request_or_404(pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        services.concierge_status_set(
            request=concierge_request, status=form.cleaned_data["status"], user=request.user
        )
        services.concierge_assign(
            request=concierge_request, assignee=form.cleaned_data["assigned_to"], user=request.user
        )
        messages.success(request, _("Saved."))
    else:
        messages.error(request, _("Pick a status and a member of the team."))
    return redirect("roadcase_concierge:detail", pk)


@concierge_member_required
@require_POST
def note(request, pk):
    concierge_request = _get_request_or_404(pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        services.concierge_note_add(
            request=concierge_request, body=form.cleaned_data["body"], user=request.user
        )
        messages.success(request, _("Note added."))
    else:
        messages.error(request, _("Write the note first."))
    return redirect("roadcase_concierge:detail", pk)


@concierge_member_required
@require_POST
def reply(request, pk):
    concierge_request = _get_request_or_404(pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        services.concierge_reply_send(
            request=concierge_request, body=form.cleaned_data["body"], user=request.user
        )
        messages.success(
            request, _("Reply queued; it is sent as soon as the mail server accepts it.")
        )
    else:
        messages.error(request, _("Write the reply first."))
    return redirect("roadcase_concierge:detail", pk)


@concierge_member_required
@require_POST
def export(request, pk):
    concierge_request = _get_request_or_404(pk)
    data = services.concierge_request_export(request=concierge_request, user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="concierge-request-{pk}.json"'
    response["Cache-Control"] = "no-store"
    return response


@concierge_member_required
@require_http_methods(["GET", "POST"])
def erase(request, pk):
    concierge_request = _get_request_or_404(pk)
    if request.method == "POST":
        services.concierge_request_erase(request=concierge_request, user=request.user)
        messages.success(request, _("The request and everything about it were erased."))
        return redirect("roadcase_concierge:index")
    return render(
        request,
        "cms/concierge/erase.html",
        {
            "page_title": _("Erase %(request)s") % {"request": concierge_request},
            "item": concierge_request,
        },
    )
