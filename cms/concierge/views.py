"""The concierge inbox in the Wagtail admin: the list, one request (history, status,
assignment, notes, replies), export and erasure. Every view is for members of the concierge
group only (``ROADCASE["CONCIERGE_GROUP"]``); anyone else, superusers included, gets a 403.
"""

import json
from functools import wraps

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ..models import ConciergeEvent, ConciergeStatus
from . import selectors, services

STATUS_FILTERS = [("open", gettext_lazy("Open")), *ConciergeStatus.choices, ("", "All")]


def concierge_member_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        # A plain 403: Wagtail would turn PermissionDenied into a redirect to the dashboard.
        if not selectors.is_concierge_member(request.user):
            return HttpResponseForbidden(_("The concierge inbox is for the concierge team only."))
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


@concierge_member_required
@require_GET
def index(request):
    status = request.GET.get("status", "open")
    email = request.GET.get("email", "").strip()
    inbox = selectors.concierge_inbox(status=status, email=email)
    return render(
        request,
        "cms/concierge/index.html",
        {
            "page_title": _("Concierge inbox"),
            "header_icon": "mail",
            "requests": inbox[:200],
            "status": status,
            "email": email,
            "status_filters": STATUS_FILTERS,
            "figures": {
                key: duration_label(value) if key != "answered" else value
                for key, value in selectors.response_time_figures().items()
            },
        },
    )


@concierge_member_required
@require_GET
def detail(request, pk):
    concierge_request = _get_request_or_404(pk)
    return render(
        request,
        "cms/concierge/detail.html",
        {
            "page_title": str(concierge_request),
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
        },
    )


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
