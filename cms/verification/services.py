"""Writes of the verification workflow."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Locale, ModelLogEntry

from ..models import Resource, Verification, VerificationMethod
from ..models.resources import add_months
from .report import overdue_q

VERIFICATION_FIELDS = ("last_verified", "verified_by", "verification_method", "review_due")
# The audit-log action of ``mark_overdue_reviews``; its label and message are in admin.py.
REVIEW_OVERDUE = "roadcase.review_overdue"


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
        "verification_method": method,
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


def mark_overdue_reviews(*, now=None) -> list[Resource]:
    """Note in Wagtail's audit log each default-locale resource whose review is overdue (never
    verified, or review date passed on the local date of ``now``), so editors see it in the
    resource's history and in the site history report. The periodic job runs this.

    A resource is noted once per review date: later runs add nothing until a check gives it a
    new review date and that one passes too. What was marked before is read in one query for all
    the overdue resources; each resource newly marked costs one insert. Returns those resources.
    """
    now = now or timezone.now()
    overdue = list(
        Resource.objects.filter(locale=Locale.get_default())
        .filter(overdue_q(timezone.localdate(now)))
        .order_by("pk")
    )
    if not overdue:
        return []
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Resource),
        object_id__in=[str(resource.pk) for resource in overdue],
        action=REVIEW_OVERDUE,
    )
    marked = {(pk, data.get("review_due")) for pk, data in entries.values_list("object_id", "data")}
    new = [r for r in overdue if (str(r.pk), _iso(r.review_due)) not in marked]
    with transaction.atomic():
        for resource in new:
            log(
                resource,
                REVIEW_OVERDUE,
                data={"review_due": _iso(resource.review_due)},
                timestamp=now,
            )
    return new


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
