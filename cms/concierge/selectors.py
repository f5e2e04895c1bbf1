"""Reads for the concierge: the inbox, one request with its history, response times, the team,
the partner a request came through, and a request's data for export.
"""

import math

from django.contrib.auth import get_user_model
from django.db.models import Prefetch

from ..conf import roadcase_setting
from ..models import ConciergeEvent, ConciergeRequest, ConciergeStatus, Country, Partner


def is_concierge_member(user) -> bool:
    """Only members of the concierge group see requests (superusers too must join it)."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.groups.filter(name=roadcase_setting("CONCIERGE_GROUP")).exists()
    )


def concierge_team():
    return (
        get_user_model()
        .objects.filter(groups__name=roadcase_setting("CONCIERGE_GROUP"), is_active=True)
        .order_by("first_name", "last_name", "username")
    )


def concierge_inbox(*, status=None, email=None):
    """Requests for the inbox, urgent ones first, then the newest. ``status`` "open" means
    anything not closed. ``email`` finds a requester's requests (compared after decryption,
    since the stored column is encrypted).
    """
    queryset = ConciergeRequest.objects.select_related("assigned_to", "partner").order_by(
        "-urgent", "-created_at"
    )
    if status == "open":
        queryset = queryset.exclude(status=ConciergeStatus.CLOSED)
    elif status:
        queryset = queryset.filter(status=status)
    if email:
        wanted = email.strip().casefold()
        pairs = queryset.values_list("pk", "email")
        ids = [pk for pk, address in pairs if address.casefold() == wanted]
        queryset = queryset.filter(pk__in=ids)
    return queryset


def concierge_request_get(pk):
    """One request with its history (and who did what) and its outbox, or None."""
    return (
        ConciergeRequest.objects.select_related("assigned_to", "partner")
        .prefetch_related(
            Prefetch("events", queryset=ConciergeEvent.objects.select_related("user")),
            "messages",
        )
        .filter(pk=pk)
        .first()
    )


def _percentile(sorted_values, fraction):
    """Nearest-rank percentile of an already sorted list."""
    rank = max(math.ceil(fraction * len(sorted_values)), 1)
    return sorted_values[rank - 1]


def response_time_figures(*, since=None) -> dict:
    """Time from receiving a request to the team's first reply: how many were answered, the
    median and the 90th percentile (None when nothing was answered yet).
    """
    queryset = ConciergeRequest.objects.filter(first_response_at__isnull=False)
    if since is not None:
        queryset = queryset.filter(created_at__gte=since)
    pairs = queryset.values_list("created_at", "first_response_at")
    durations = sorted(first - created for created, first in pairs)
    figures = {"answered": len(durations), "median": None, "p90": None}
    if durations:
        middle = len(durations) // 2
        figures["median"] = (
            durations[middle]
            if len(durations) % 2
            else (durations[middle - 1] + durations[middle]) / 2
        )
        figures["p90"] = _percentile(durations, 0.9)
    return figures


def partner_for_origin(origin):
    """The active partner whose allowed origins include ``origin`` (as CORS compares them)."""
    wanted = (origin or "").strip().rstrip("/").lower()
    if not wanted:
        return None
    for partner in Partner.objects.filter(active=True):
        if wanted in {o.rstrip("/").lower() for o in partner.origins}:
            return partner
    return None


def emergency_numbers(country_code):
    country = Country.objects.prefetch_related("emergency_numbers").filter(code=country_code)
    country = country.first()
    return [n.number for n in country.emergency_numbers.all()] if country else []


def concierge_request_data(request: ConciergeRequest) -> dict:
    """Everything stored about one request, for the requester (export)."""

    def when(value):
        return value.isoformat() if value else None

    return {
        "request": {
            "id": request.pk,
            "received": when(request.created_at),
            "status": request.status,
            "urgent": request.urgent,
            "email": request.email,
            "phone": request.phone,
            "country": request.country,
            "language": request.locale,
            "role": request.role,
            "message": request.message,
            "consent": request.consent,
            "partner": request.partner.name if request.partner else None,
            "first_response": when(request.first_response_at),
            "closed": when(request.closed_at),
        },
        "history": [
            {
                "at": when(event.created_at),
                "kind": event.kind,
                "text": event.body,
                "data": event.data,
            }
            for event in request.events.all()
        ],
        "emails": [
            {
                "kind": message.kind,
                "status": message.status,
                "attempts": message.attempts,
                "sent": when(message.sent_at),
                "text": message.body,
            }
            for message in request.messages.all()
        ],
        "retention_days_after_closing": roadcase_setting("CONCIERGE_RETENTION_DAYS"),
    }
