"""The campaign report in the admin: visits per link per day, totals, and the same as CSV."""

import csv
import io
from datetime import date

from django.urls import reverse

from cms.models import ShortLinkDailyCount
from tests.factories import make_short_link

REPORT = "/admin/roadcase/short-links/report/"


def count(link, day, visits):
    ShortLinkDailyCount.objects.create(link=link, day=date.fromisoformat(day), visits=visits)


def test_the_report_shows_visits_per_link_per_day(client, home, link_editor):
    poster = make_short_link(code="poster", target="finder", campaign="Festival season")
    card = make_short_link(code="card", target="finder", campaign="Festival season")
    other = make_short_link(code="winter", target="finder", campaign="Winter")
    count(poster, "2026-06-26", 40)
    count(poster, "2026-06-27", 12)
    count(card, "2026-06-27", 3)
    count(other, "2026-06-27", 99)
    client.force_login(link_editor)

    response = client.get(
        REPORT, {"campaign": "Festival season", "start": "2026-06-01", "end": "2026-06-30"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "55 visits" in html
    assert "/s/winter" not in html

    csv_response = client.get(
        REPORT,
        {
            "campaign": "Festival season",
            "start": "2026-06-01",
            "end": "2026-06-30",
            "format": "csv",
        },
    )
    assert csv_response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(csv_response.content.decode())))
    assert [(r["day"], r["code"], r["visits"]) for r in rows] == [
        ("2026-06-27", "card", "3"),
        ("2026-06-27", "poster", "12"),
        ("2026-06-26", "poster", "40"),
    ]
    assert {r["campaign"] for r in rows} == {"Festival season"}


def test_the_date_range_narrows_the_report(client, home, link_editor):
    poster = make_short_link(code="poster", target="finder")
    count(poster, "2026-06-26", 40)
    count(poster, "2026-07-02", 5)
    client.force_login(link_editor)
    rows = client.get(REPORT, {"start": "2026-07-01", "end": "2026-07-31", "format": "csv"})
    assert rows.content.decode().splitlines()[1:] == ["2026-07-02,poster,,finder,5"]
    bad = client.get(REPORT, {"start": "2026-07-31", "end": "2026-07-01"})
    assert "must not be before" in bad.content.decode()


def test_only_editors_of_short_links_see_the_report(client, home, admin_user_without_links):
    client.force_login(admin_user_without_links)
    for url in (REPORT, f"{REPORT}?format=csv", "/admin/roadcase/short-links/campaign.zip"):
        response = client.get(url)
        # Wagtail answers a refusal in its admin by sending the user back home.
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
