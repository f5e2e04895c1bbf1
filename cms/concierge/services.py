"""Writes for the concierge: intake, the team's actions, delivery, export, erasure and purge.

Delivery works through an outbox (``ConciergeMessage``): each email is a row written in the
same transaction as the request or reply that causes it, and a task is enqueued only after that
transaction commits. Sending marks the row sent; a failure schedules the next attempt, which
``concierge_retry_due`` (called by the periodic job) enqueues again. An SMTP outage therefore
neither loses a message (the row waits) nor duplicates one (a sent row is never sent again).

Logs name requests and messages by id only: never an address, a phone number or a message.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from wagtail.log_actions import log

from ..conf import roadcase_setting
from ..models import ConciergeEvent, ConciergeMessage, ConciergeRequest, ConciergeStatus
from .urgency import is_urgent

logger = logging.getLogger(__name__)

Kind = ConciergeMessage.Kind
# Seconds before a just-queued message counts as due for the periodic retry: long enough for
# its own task to run first, short enough that a lost enqueue is picked up within minutes.
FIRST_ATTEMPT_GRACE = timedelta(minutes=2)
SMTP_TIMEOUT = 20


def _enqueue_delivery(message_ids):
    from .tasks import enqueue_delivery

    def enqueue():
        for message_id in message_ids:
            enqueue_delivery(message_id)

    transaction.on_commit(enqueue)


def _queue_messages(request, kinds, *, body="", now=None):
    now = now or timezone.now()
    messages = [
        ConciergeMessage.objects.create(
            request=request, kind=kind, body=body, next_attempt_at=now + FIRST_ATTEMPT_GRACE
        )
        for kind in kinds
    ]
    _enqueue_delivery([m.pk for m in messages])
    return messages


# Intake -------------------------------------------------------------------------------------

# The advisory lock that makes intake one at a time on PostgreSQL, so that concurrent requests
# cannot all pass the limits below before any of them is counted ("ROADCASE" in hex, roughly).
INTAKE_LOCK = 0x524F4143


@dataclass
class ConciergeLimitReached(Exception):
    """A request refused by an abuse limit: which one, and seconds until it lets one through."""

    limit: str  # "address" or "hub"
    retry_after: int


def recipient_digest(email: str) -> str:
    """A keyed hash of an email address, compared without case and without a ``+tag``
    (``sam+1@example.org`` reaches the same inbox as ``sam@example.org``)."""
    local, _at, domain = email.strip().casefold().rpartition("@")
    address = f"{local.split('+')[0]}@{domain}"
    return salted_hmac("roadcase.concierge.recipient", address, algorithm="sha256").hexdigest()


def _parse_rate(rate: str) -> tuple[int, int]:
    count, period = rate.split("/")
    seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400}[period.strip()[0]]
    return int(count), seconds


def _retry_after(earliest, period, now) -> int:
    return max(1, int((earliest + timedelta(seconds=period) - now).total_seconds()) + 1)


def _check_intake_limits(digest, now):
    """Raise ConciergeLimitReached when the address or the whole hub has had its share. Counted
    in the database, not the cache: these hold while the cache is down."""
    per_address, period = _parse_rate(roadcase_setting("CONCIERGE_PER_ADDRESS"))
    recent = ConciergeRequest.objects.filter(
        recipient_digest=digest, created_at__gt=now - timedelta(seconds=period)
    )
    times = sorted(recent.values_list("created_at", flat=True))
    if len(times) >= per_address:
        raise ConciergeLimitReached("address", _retry_after(times[-per_address], period, now))
    ceiling = roadcase_setting("CONCIERGE_HOURLY_CEILING")
    last_hour = ConciergeRequest.objects.filter(created_at__gt=now - timedelta(hours=1))
    times = sorted(last_hour.values_list("created_at", flat=True))
    if len(times) >= ceiling:
        raise ConciergeLimitReached("hub", _retry_after(times[-ceiling], 3600, now))


@transaction.atomic
def concierge_request_create(
    *, email, country, locale, message, consent, phone="", role="", partner=None
) -> ConciergeRequest:
    """Store a request and queue the team notification and the acknowledgement; both are sent
    only after the request is committed. Raises ConciergeLimitReached, storing nothing, when
    the address (``CONCIERGE_PER_ADDRESS``) or the hub (``CONCIERGE_HOURLY_CEILING``) has had
    as many requests as it may: each request sends an email to the address it names.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [INTAKE_LOCK])
    digest = recipient_digest(email)
    _check_intake_limits(digest, timezone.now())
    request = ConciergeRequest.objects.create(
        email=email,
        recipient_digest=digest,
        phone=phone,
        country=country,
        locale=locale,
        role=role,
        message=message,
        consent=consent,
        partner=partner,
        urgent=is_urgent(message),
    )
    ConciergeEvent.objects.create(request=request, kind=ConciergeEvent.Kind.RECEIVED)
    _queue_messages(request, [Kind.TEAM_NOTIFICATION, Kind.ACKNOWLEDGEMENT])
    logger.info("Concierge request %s received (urgent: %s)", request.pk, request.urgent)
    return request


# The team's actions -------------------------------------------------------------------------


@transaction.atomic
def concierge_status_set(*, request: ConciergeRequest, status: str, user) -> ConciergeRequest:
    if status == request.status:
        return request
    previous = request.status
    request.status = status
    request.closed_at = timezone.now() if status == ConciergeStatus.CLOSED else None
    request.save(update_fields=["status", "closed_at"])
    ConciergeEvent.objects.create(
        request=request,
        kind=ConciergeEvent.Kind.STATUS,
        user=user,
        data={"from": previous, "to": status},
    )
    return request


@transaction.atomic
def concierge_assign(*, request: ConciergeRequest, assignee, user) -> ConciergeRequest:
    if assignee == request.assigned_to:
        return request
    request.assigned_to = assignee
    request.save(update_fields=["assigned_to"])
    ConciergeEvent.objects.create(
        request=request,
        kind=ConciergeEvent.Kind.ASSIGNED,
        user=user,
        data={"assignee": assignee.pk if assignee else None},
    )
    return request


def concierge_note_add(*, request: ConciergeRequest, body: str, user) -> ConciergeEvent:
    """An internal note: seen by the team, never sent to the requester."""
    return ConciergeEvent.objects.create(
        request=request, kind=ConciergeEvent.Kind.NOTE, user=user, body=body
    )


@transaction.atomic
def concierge_reply_send(*, request: ConciergeRequest, body: str, user) -> ConciergeMessage:
    """Queue a reply by email, in the requester's language, and record it in the history.
    The first reply sets the response time and moves a new request to "in progress".
    """
    now = timezone.now()
    ConciergeEvent.objects.create(
        request=request, kind=ConciergeEvent.Kind.REPLY, user=user, body=body
    )
    [message] = _queue_messages(request, [Kind.REPLY], body=body, now=now)
    if request.first_response_at is None:
        request.first_response_at = now
        request.save(update_fields=["first_response_at"])
    if request.status == ConciergeStatus.NEW:
        concierge_status_set(request=request, status=ConciergeStatus.IN_PROGRESS, user=user)
    return message


# Delivery -----------------------------------------------------------------------------------


def retry_delay(attempts: int) -> timedelta:
    """Exponential backoff: 1, 2, 4 … minutes after each failure, at most six hours."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def team_recipients():
    configured = list(roadcase_setting("CONCIERGE_TEAM_EMAILS"))
    if configured:
        return configured
    members = get_user_model().objects.filter(
        groups__name=roadcase_setting("CONCIERGE_GROUP"), is_active=True
    )
    return sorted({email for email in members.values_list("email", flat=True) if email})


class NoRecipients(Exception):
    """The team has nobody with an email address to notify yet."""


def _admin_url(request):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("roadcase_concierge:detail", args=[request.pk])


def _render_email(message: ConciergeMessage) -> EmailMessage:
    request = message.request
    if message.kind == Kind.TEAM_NOTIFICATION:
        recipients = team_recipients()
        if not recipients:
            raise NoRecipients
        # The team's language; no personal data leaves the database in this one.
        locale = settings.LANGUAGE_CODE
        template = "team_notification"
    else:
        recipients = [request.email]
        locale = request.locale
        template = "acknowledgement" if message.kind == Kind.ACKNOWLEDGEMENT else "reply"
    from .selectors import emergency_numbers

    with translation.override(locale):
        context = {
            "request": request,
            "message": message,
            "admin_url": _admin_url(request),
            "emergency_numbers": emergency_numbers(request.country),
            "site_name": getattr(settings, "WAGTAIL_SITE_NAME", "Roadcase"),
        }
        subject = render_to_string(f"cms/concierge/emails/{template}_subject.txt", context)
        body = render_to_string(f"cms/concierge/emails/{template}.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=recipients,
        # The same id on every attempt lets a receiving server drop a repeat.
        headers={"Message-ID": f"<{message.uuid}@roadcase.concierge>"},
    )


def concierge_message_deliver(*, message_id: int, now=None) -> bool:
    """Send one outbox message if it is still pending; True when it was sent now.

    The row is locked while sending (PostgreSQL), so two workers never send the same message.
    """
    now = now or timezone.now()
    with transaction.atomic():
        message = (
            ConciergeMessage.objects.select_for_update(skip_locked=True)
            .select_related("request")
            .filter(pk=message_id, status=ConciergeMessage.Status.PENDING)
            .first()
        )
        if message is None:
            return False
        message.attempts += 1
        try:
            email = _render_email(message)
            connection = get_connection(timeout=getattr(settings, "EMAIL_TIMEOUT", SMTP_TIMEOUT))
            email.connection = connection
            email.send()
        except Exception as error:  # any failure (SMTP, rendering) is retried later
            message.last_error = type(error).__name__[:100]
            if message.attempts >= roadcase_setting("CONCIERGE_MAX_ATTEMPTS"):
                message.status = ConciergeMessage.Status.FAILED
                message.next_attempt_at = None
            else:
                message.next_attempt_at = now + retry_delay(message.attempts)
            message.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
            logger.warning(
                "Concierge message %s (%s, request %s) not sent, attempt %s: %s",
                message.pk,
                message.kind,
                message.request_id,
                message.attempts,
                message.last_error,
            )
            return False
        message.status = ConciergeMessage.Status.SENT
        message.sent_at = now
        message.next_attempt_at = None
        message.last_error = ""
        message.save(
            update_fields=["attempts", "last_error", "status", "next_attempt_at", "sent_at"]
        )
    logger.info("Concierge message %s (%s) sent", message.pk, message.kind)
    return True


def concierge_retry_due(*, now) -> int:
    """Enqueue delivery of every pending message whose next attempt is due; the periodic job
    calls this. Returns how many were enqueued.
    """
    due = list(
        ConciergeMessage.objects.filter(
            status=ConciergeMessage.Status.PENDING, next_attempt_at__lte=now
        ).values_list("pk", flat=True)
    )
    from .tasks import enqueue_delivery

    for message_id in due:
        enqueue_delivery(message_id)
    return len(due)


# Data protection ----------------------------------------------------------------------------


def concierge_request_export(*, request: ConciergeRequest, user) -> dict:
    """Everything stored about a request, as JSON-ready data, for a subject access request.
    Recorded in the request's history and in Wagtail's audit log.
    """
    from .selectors import concierge_request_data

    data = concierge_request_data(request)
    with transaction.atomic():
        ConciergeEvent.objects.create(request=request, kind=ConciergeEvent.Kind.EXPORTED, user=user)
        log(request, "roadcase.concierge.export", user=user)
    return data


@transaction.atomic
def concierge_request_erase(*, request: ConciergeRequest, user) -> None:
    """Delete a request with its history and outbox on the requester's demand. The audit log
    keeps only that request #id was erased, by whom and when.
    """
    log(request, "roadcase.concierge.erase", user=user, deleted=True)
    request.delete()


def concierge_purge_expired(*, now) -> int:
    """Delete closed requests whose retention period (``CONCIERGE_RETENTION_DAYS`` after
    closing) has passed; the periodic job calls this. Returns how many were deleted.
    """
    cutoff = now - timedelta(days=roadcase_setting("CONCIERGE_RETENTION_DAYS"))
    expired = ConciergeRequest.objects.filter(status=ConciergeStatus.CLOSED, closed_at__lte=cutoff)
    count = 0
    for request in list(expired):
        with transaction.atomic():
            log(request, "roadcase.concierge.purge", deleted=True)
            request.delete()
        count += 1
    if count:
        logger.info("Purged %s closed concierge requests past retention", count)
    return count
