"""The verification workflow's records: who checked a resource, how and when, and what the link
checker last saw at each of its web addresses. The resource keeps the current state
(``last_verified``, ``verified_by``, ``review_due``); these rows keep the history behind it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class VerificationMethod(models.TextChoices):
    CALLED = "called", _("Called the line")
    WEBSITE = "website", _("Checked the website")
    ORGANISATION = "organisation", _("Confirmed by the organisation")


class Verification(models.Model):
    """One check of a resource's facts by a person, recorded on the source (default-locale)
    resource; the facts it sets are synchronised to every translation.
    """

    resource = models.ForeignKey(
        "roadcase.Resource", on_delete=models.CASCADE, related_name="verifications"
    )
    verified_on = models.DateField(_("verified on"), default=timezone.localdate)
    method = models.CharField(_("how"), max_length=16, choices=VerificationMethod.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_by = models.CharField(_("verified by (name)"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("verification")
        ordering = ["-verified_on", "-created_at"]

    def __str__(self):
        return f"{self.resource}: {self.get_method_display()} ({self.verified_on})"


class LinkCheck(models.Model):
    """The latest result of checking one web address of a resource (one row per address)."""

    resource = models.ForeignKey(
        "roadcase.Resource", on_delete=models.CASCADE, related_name="link_checks"
    )
    url = models.URLField(max_length=500)
    ok = models.BooleanField(default=False)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    elapsed_ms = models.PositiveIntegerField(null=True, blank=True)
    checked_at = models.DateTimeField()

    class Meta:
        verbose_name = _("link check")
        ordering = ["url"]
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "url"], name="roadcase_linkcheck_resource_url"
            )
        ]

    def __str__(self):
        return f"{self.url}: {'ok' if self.ok else self.error or self.status_code}"
