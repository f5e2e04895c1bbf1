"""The concierge: a person asks the team for help finding local care.

Everything that identifies the person or says what they need (email, phone, their message,
the team's notes and replies) is encrypted at rest (``cms/concierge/fields.py``) and never
logged. Requests are seen only by the concierge group, in the inbox under Concierge in the
admin, and are deleted ``CONCIERGE_RETENTION_DAYS`` after closing (docs/concierge.md).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..concierge.fields import EncryptedTextField
from .reference import Audience


class ConciergeStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING = "waiting", _("Waiting for the requester")
    # Not the widget's "Closed" (opening hours): many languages word the two apart.
    CLOSED = "closed", pgettext_lazy("concierge request status", "Closed")


ROLE_CHOICES = [
    *((slug, label) for slug, label in Audience.CHOICES.items() if slug != "any"),
    ("other", _("Other")),
]


class ConciergeRequest(models.Model):
    """One person's request for help. Written only through ``cms.concierge.services`` so that
    its history, outbox and audit log stay complete.
    """

    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ConciergeStatus.choices,
        default=ConciergeStatus.NEW,
        db_index=True,
    )
    urgent = models.BooleanField(
        _("urgent"), default=False, help_text=_("The message suggests immediate danger.")
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    partner = models.ForeignKey(
        "roadcase.Partner",
        verbose_name=_("sent from partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    country = models.CharField(_("country"), max_length=2)
    locale = models.CharField(_("preferred language"), max_length=8)
    role = models.CharField(_("role"), max_length=16, choices=ROLE_CHOICES, blank=True)
    email = EncryptedTextField(_("email"))
    # A keyed hash of the address (``services.recipient_digest``), so that requests to one
    # address can be counted without decrypting every row: the per-address abuse limit.
    recipient_digest = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    phone = EncryptedTextField(_("phone"), blank=True)
    message = EncryptedTextField(_("what they need"))
    consent = models.BooleanField(_("consented to be contacted"), default=False)
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("concierge request")
        ordering = ["-urgent", "-created_at"]
        # The group's access is checked by membership; these name what the group may do.
        permissions = [
            ("export_conciergerequest", "Can export a concierge request"),
            ("erase_conciergerequest", "Can erase a concierge request"),
        ]

    def __str__(self):
        # Shown in the audit log and admin titles: never personal data.
        return _("Concierge request #%(id)s") % {"id": self.pk}


class ConciergeEvent(models.Model):
    """One line of a request's history: received, status changed, assigned, note, reply."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Received")
        STATUS = "status", _("Status changed")
        ASSIGNED = "assigned", _("Assigned")
        NOTE = "note", _("Internal note")
        REPLY = "reply", _("Reply sent")
        EXPORTED = "exported", _("Exported")

    request = models.ForeignKey(ConciergeRequest, on_delete=models.CASCADE, related_name="events")
    created_at = models.DateTimeField(auto_now_add=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A note's or reply's text: personal data, so encrypted.
    body = EncryptedTextField(blank=True)
    # Non-personal facts only (status values, the assignee's id).
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.request_id})"


class ConciergeMessage(models.Model):
    """The outbox: one row per email to send, written in the same transaction as what causes
    it. A send marks it sent; a failure schedules the next attempt, so an SMTP outage neither
    loses a message nor (one row, one send) duplicates it.
    """

    class Kind(models.TextChoices):
        TEAM_NOTIFICATION = "team", _("Team notification")
        ACKNOWLEDGEMENT = "ack", _("Acknowledgement to the requester")
        REPLY = "reply", _("Reply to the requester")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    request = models.ForeignKey(ConciergeRequest, on_delete=models.CASCADE, related_name="messages")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    # A reply's text as the team wrote it (the email around it is rendered at send time).
    body = EncryptedTextField(blank=True)
    status = models.CharField(
        max_length=8, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The exception's class only: SMTP errors can quote addresses.
    last_error = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.request_id}): {self.get_status_display()}"
