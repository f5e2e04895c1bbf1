"""State the periodic job keeps: when it last ran, and partner webhook deliveries waiting to be
sent (an outbox, so a delivery survives a crash and is retried until it succeeds or gives up).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TickState(models.Model):
    """One row: when ``roadcase_tick`` last finished, so it can tell what happened since, and
    when it last started a link check (the check itself runs as a background task)."""

    last_tick_at = models.DateTimeField(null=True, blank=True)
    link_check_started_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tick state")

    def __str__(self):
        return f"Last tick at {self.last_tick_at}"

    @classmethod
    def get(cls):
        return cls.objects.get_or_create(pk=1)[0]


class WebhookDelivery(models.Model):
    """One HMAC-signed notification to a partner that content changed."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Gave up")

    partner = models.ForeignKey(
        "roadcase.Partner", on_delete=models.CASCADE, related_name="webhook_deliveries"
    )
    payload = models.JSONField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.payload.get('action')} → {self.partner} ({self.status})"
