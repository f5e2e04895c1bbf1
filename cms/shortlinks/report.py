"""The campaign report: visits per link per day (the only numbers short links keep), for one
campaign or all, over a date range, on screen and as CSV."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Sum
from django.utils import timezone

from ..models import ShortLink, ShortLinkDailyCount

DEFAULT_DAYS = 30


@dataclass
class CampaignReport:
    start: date
    end: date
    campaign: str | None
    # (day, link, visits), newest day first, then by code
    rows: list = field(default_factory=list)
    # (link, visits in the range), most visited first
    totals: list = field(default_factory=list)

    @property
    def total(self):
        return sum(visits for _link, visits in self.totals)


def campaigns():
    """Every campaign name in use, sorted."""
    names = ShortLink.objects.exclude(campaign="").values_list("campaign", flat=True)
    return sorted(set(names), key=str.casefold)


def campaign_report(*, campaign=None, start=None, end=None):
    """Visits per link per day from ``start`` to ``end`` (inclusive; the last 30 days by
    default), for the links of ``campaign`` (all links when None). Links with no visit in the
    range are listed in the totals with 0."""
    end = end or timezone.localdate()
    start = start or end - timedelta(days=DEFAULT_DAYS - 1)
    links = ShortLink.objects.all()
    if campaign is not None:
        links = links.filter(campaign=campaign)
    counts = ShortLinkDailyCount.objects.filter(
        link__in=links, day__gte=start, day__lte=end
    ).select_related("link")
    rows = [
        (count.day, count.link, count.visits) for count in counts.order_by("-day", "link__code")
    ]
    sums = dict(
        counts.order_by()
        .values("link")
        .annotate(visits=Sum("visits"))
        .values_list("link", "visits")
    )
    totals = sorted(
        ((link, sums.get(link.pk, 0)) for link in links),
        key=lambda item: (-item[1], item[0].code),
    )
    return CampaignReport(start=start, end=end, campaign=campaign, rows=rows, totals=totals)


def report_csv(report):
    """The report's rows as CSV: one line per link per day with visits."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["day", "code", "campaign", "leads_to", "visits"])
    for day, link, visits in report.rows:
        writer.writerow([day.isoformat(), link.code, link.campaign, link.target, visits])
    return out.getvalue()
