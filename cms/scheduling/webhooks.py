"""Signed change notifications to partners that registered a webhook address.

Each delivery is an outbox row written in the same transaction as the change; a django-tasks
task sends it after commit, and ``roadcase_tick`` retries what failed with exponential backoff.
The receiver checks ``X-Roadcase-Signature: sha256=<hex>``, an HMAC-SHA256 with the partner's
secret over ``<X-Roadcase-Timestamp>.<body>``.
"""

import hashlib
import hmac
import json
import logging
import urllib.error
import urllib.request
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from ..models import Partner, WebhookDelivery

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
TIMEOUT_SECONDS = 10


def signature(secret, timestamp, body):
    message = f"{timestamp}.".encode() + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def webhooks_enqueue(*, action, instance, at=None):
    """Queue one notification per partner with a webhook for a change to ``instance``."""
    partners = Partner.objects.filter(active=True).exclude(webhook_url="")
    if not partners:
        return []
    payload = {
        "action": action,
        "type": instance._meta.model_name,
        "id": instance.pk,
        "translation_key": str(getattr(instance, "translation_key", "") or ""),
        "locale": getattr(getattr(instance, "locale", None), "language_code", None),
        "at": (at or timezone.now()).isoformat(),
    }
    deliveries = WebhookDelivery.objects.bulk_create(
        [WebhookDelivery(partner=partner, payload=payload) for partner in partners]
    )
    for delivery in deliveries:
        transaction.on_commit(lambda pk=delivery.pk: deliver_webhook.enqueue(pk))
    return deliveries


@task()
def deliver_webhook(delivery_id):
    webhook_attempt(WebhookDelivery.objects.get(pk=delivery_id))


def webhook_attempt(delivery, now=None):
    """Try to send one delivery; record success, or schedule the next attempt."""
    now = now or timezone.now()
    if delivery.status != WebhookDelivery.Status.PENDING:
        return delivery
    partner = delivery.partner
    body = json.dumps(delivery.payload, sort_keys=True).encode()
    timestamp = str(int(now.timestamp()))
    request = urllib.request.Request(
        partner.webhook_url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "Roadcase-Webhook/1",
            "X-Roadcase-Timestamp": timestamp,
            "X-Roadcase-Signature": signature(partner.webhook_secret, timestamp, body),
            "X-Roadcase-Delivery": str(delivery.pk),
        },
    )
    delivery.attempts += 1
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            response.read(1024)
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = now
        delivery.last_error = ""
    except (urllib.error.URLError, OSError, ValueError) as error:
        delivery.last_error = str(error)[:300]
        if delivery.attempts >= MAX_ATTEMPTS:
            delivery.status = WebhookDelivery.Status.FAILED
        delivery.next_attempt_at = now + timedelta(minutes=2**delivery.attempts)
        logger.warning("Webhook delivery %s to partner %s failed", delivery.pk, partner.pk)
    delivery.save()
    return delivery


def webhooks_deliver_due(now):
    """Retry every pending delivery whose next attempt is due. Returns how many were tried."""
    due = WebhookDelivery.objects.filter(
        status=WebhookDelivery.Status.PENDING, next_attempt_at__lte=now
    ).select_related("partner")
    tried = 0
    for delivery in due:
        webhook_attempt(delivery, now)
        tried += 1
    return tried
