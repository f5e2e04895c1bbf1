"""Writes of the verification workflow."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from ..models import Resource, Verification, VerificationMethod
from ..models.resources import add_months

VERIFICATION_FIELDS = ("last_verified", "verified_by", "review_due")


def source_resource(resource: Resource) -> Resource:
    """The default-locale resource a translation was made from (or ``resource`` itself)."""
    source = Resource.objects.filter(
        translation_key=resource.translation_key, locale=Locale.get_default()
    ).first()
    return source or resource


@transaction.atomic
def resource_verify(
    *, resource: Resource, method: str, user=None, note: str = "", on: date | None = None
) -> Verification:
    """Record that ``user`` checked ``resource`` by ``method`` on ``on`` (default today).

    Sets last-verified, verified-by and the next review date on the resource in every locale,
    and in each one's latest revision too, so publishing an older draft cannot undo the check.
    """
    on = on or timezone.localdate()
    if method not in VerificationMethod.values:
        raise ValidationError({"method": _("Choose how the resource was checked.")})
    if on > timezone.localdate():
        raise ValidationError({"verified_on": _("A check cannot be dated in the future.")})
    source = source_resource(resource)
    name = (user.get_full_name() or user.get_username()) if user else ""
    values = {
        "last_verified": on,
        "verified_by": name,
        "review_due": add_months(on, source.review_period_months()),
    }
    group = Resource.objects.filter(translation_key=source.translation_key)
    group.update(**values, updated_at=timezone.now())
    for row in group.select_related("latest_revision"):
        revision = row.latest_revision
        if revision is not None:
            revision.content.update({k: str(v) for k, v in values.items()})
            revision.save(update_fields=["content"])
    return Verification.objects.create(
        resource=source,
        verified_on=on,
        method=method,
        note=note,
        user=user,
        verified_by=name,
    )
