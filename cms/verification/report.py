"""The verification report: which resources are overdue for review or soon due, counted by
country and kind, with the link checker's latest failures beside them.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from wagtail.models import Locale

from ..conf import roadcase_setting
from ..models import LinkCheck, Resource

WORLDWIDE = "worldwide"
OVERDUE, SOON_DUE = "overdue", "soon_due"


@dataclass
class ReportItem:
    resource: Resource
    status: str  # OVERDUE or SOON_DUE
    days: int | None  # days overdue (positive) or until due (negative); None: never verified
    areas: list[str]  # ISO country codes, or [WORLDWIDE]
    broken_links: list[LinkCheck] = field(default_factory=list)


@dataclass
class VerificationReport:
    today: date
    soon_until: date
    items: list[ReportItem]
    # (area, kind) -> {"overdue": n, "soon_due": n}; a resource counts once per area it serves.
    counts: dict[tuple[str, str], Counter]
    broken_links: list[LinkCheck]

    @property
    def rows(self):
        return [
            {"area": area, "kind": kind, OVERDUE: c[OVERDUE], SOON_DUE: c[SOON_DUE]}
            for (area, kind), c in sorted(self.counts.items())
        ]


def review_status(resource: Resource, today: date, soon_until: date) -> str | None:
    """OVERDUE (never verified, or review date passed), SOON_DUE, or None when current."""
    if resource.review_due is None or resource.review_due < today:
        return OVERDUE
    if resource.review_due <= soon_until:
        return SOON_DUE
    return None


def overdue_q(today: date) -> Q:
    """The filter form of ``review_status``'s OVERDUE: never verified, or review date passed."""
    return Q(review_due__isnull=True) | Q(review_due__lt=today)


def soon_due_q(today: date, soon_until: date) -> Q:
    """The filter form of ``review_status``'s SOON_DUE."""
    return Q(review_due__gte=today, review_due__lte=soon_until)


def soon_due_until(today: date) -> date:
    """The last day a review may fall due and still count as soon due (``REVIEW_SOON_DAYS``)."""
    return today + timedelta(days=roadcase_setting("REVIEW_SOON_DAYS"))


def review_counts(*, today: date | None = None) -> dict[str, int]:
    """How many default-locale resources are OVERDUE and SOON_DUE, in one query (the admin home
    panel shows these; the report lists them).
    """
    today = today or timezone.localdate()
    return Resource.objects.filter(locale=Locale.get_default()).aggregate(
        **{
            OVERDUE: Count("pk", filter=overdue_q(today)),
            SOON_DUE: Count("pk", filter=soon_due_q(today, soon_due_until(today))),
        }
    )


def verification_report(*, today: date | None = None) -> VerificationReport:
    """The report over the default-locale resources (drafts included: they need checking too)."""
    today = today or timezone.localdate()
    soon_until = soon_due_until(today)
    broken = LinkCheck.objects.filter(ok=False)
    resources = (
        Resource.objects.filter(locale=Locale.get_default())
        .filter(overdue_q(today) | soon_due_q(today, soon_until))
        .prefetch_related("countries", Prefetch("link_checks", queryset=broken))
        .order_by("review_due", "name")
    )
    items, counts = [], {}
    for resource in resources:
        status = review_status(resource, today, soon_until)
        areas = [WORLDWIDE] if resource.worldwide else [c.code for c in resource.countries.all()]
        days = None if resource.review_due is None else (today - resource.review_due).days
        items.append(ReportItem(resource, status, days, areas, list(resource.link_checks.all())))
        for area in areas or ["—"]:
            counts.setdefault((area, resource.kind), Counter())[status] += 1
    items.sort(key=lambda i: (i.status != OVERDUE, i.days is not None, -(i.days or 0)))
    all_broken = list(
        broken.filter(resource__locale=Locale.get_default()).select_related("resource")
    )
    return VerificationReport(today, soon_until, items, counts, all_broken)


def review_visibility_q(today: date | None = None) -> Q:
    """A filter keeping resources that are not overdue by more than
    ``HIDE_OVERDUE_AFTER_DAYS`` (everything when the setting is None). A resource never
    verified has no date to measure from and is kept: editors see it in the report.
    """
    days = roadcase_setting("HIDE_OVERDUE_AFTER_DAYS")
    if days is None:
        return Q()
    today = today or timezone.localdate()
    return Q(review_due__isnull=True) | Q(review_due__gte=today - timedelta(days=days))
