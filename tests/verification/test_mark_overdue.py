"""The periodic job ``mark_overdue_reviews``: each default-locale resource whose review is
overdue (review date passed, or never verified) is noted once per review date in Wagtail's audit
log, where editors see it in the resource's history and the site history report.
"""

from datetime import date, datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cms.scheduling.services import tick
from cms.services import translation_apply
from cms.verification.services import REVIEW_OVERDUE, mark_overdue_reviews, resource_verify
from tests.factories import make_resource

pytestmark = pytest.mark.django_db

JOB = "cms.verification.services.mark_overdue_reviews"
TODAY = datetime.fromisoformat("2026-02-01 12:00:00+00:00")


@pytest.fixture
def directory(locales):
    """Crisis lines are due 6 months after their last check."""
    with time_machine.travel("2026-01-01 12:00:00+00:00", tick=False):
        overdue = make_resource(name="Overdue", last_verified=date(2025, 6, 1))  # due 2025-12-01
        translation_apply(instance=overdue, locale=locales["fr"], strings={})
        return {
            "overdue": overdue,
            "never": make_resource(name="Never checked", last_verified=None),
            "soon": make_resource(name="Soon due", last_verified=date(2025, 8, 15)),  # 2026-02-15
            "current": make_resource(name="Current", last_verified=date(2026, 1, 1)),
        }


def entries(resource=None):
    found = ModelLogEntry.objects.filter(action=REVIEW_OVERDUE).order_by("timestamp", "pk")
    if resource is not None:
        found = found.filter(object_id=str(resource.pk))
    return list(found)


def test_marks_the_overdue_and_the_never_verified_not_the_soon_due_or_current(directory):
    marked = mark_overdue_reviews(now=TODAY)
    assert {r.name for r in marked} == {"Overdue", "Never checked"}
    assert all(r.locale.language_code == "en" for r in marked)  # not the French translation
    overdue, never = entries(directory["overdue"]), entries(directory["never"])
    assert [(e.data, e.message, e.timestamp) for e in overdue] == [
        ({"review_due": "2025-12-01"}, "Review was due on 2025-12-01", TODAY)
    ]
    assert [(e.data, e.message) for e in never] == [
        ({"review_due": None}, "Review overdue: never verified")
    ]
    assert overdue[0].formatter.label == "Review overdue"


def test_later_runs_on_the_same_or_later_days_mark_nothing_new(directory):
    assert len(mark_overdue_reviews(now=TODAY)) == 2
    assert mark_overdue_reviews(now=TODAY) == []
    # Before "Soon due" falls due on the 15th: nothing else is overdue.
    assert mark_overdue_reviews(now=datetime.fromisoformat("2026-02-14 12:00:00+00:00")) == []
    assert len(entries()) == 2


def test_ticking_twice_marks_once(directory):
    assert tick(now=TODAY)[JOB] == 2
    assert tick(now=TODAY)[JOB] == 0
    assert len(entries()) == 2


def test_a_review_due_today_is_not_yet_overdue(directory):
    due_day = datetime.fromisoformat("2026-02-15 23:00:00+00:00")
    assert "Soon due" not in {r.name for r in mark_overdue_reviews(now=due_day)}
    day_after = datetime.fromisoformat("2026-02-16 00:30:00+00:00")
    assert [r.name for r in mark_overdue_reviews(now=day_after)] == ["Soon due"]


def test_the_day_is_the_local_date_of_now(directory, settings):
    settings.TIME_ZONE = "Asia/Tokyo"  # 2026-02-15 16:00 UTC is already the 16th in Tokyo
    marked = mark_overdue_reviews(now=datetime.fromisoformat("2026-02-15 16:00:00+00:00"))
    assert "Soon due" in {r.name for r in marked}


def test_verified_then_overdue_again_is_marked_again(directory, admin_user):
    overdue = directory["overdue"]
    mark_overdue_reviews(now=TODAY)
    with time_machine.travel(TODAY, tick=False):
        resource_verify(resource=overdue, method="called", user=admin_user)  # due 2026-08-01
    due_day = mark_overdue_reviews(now=datetime.fromisoformat("2026-08-01 12:00:00+00:00"))
    assert "Overdue" not in {r.name for r in due_day}
    again = mark_overdue_reviews(now=datetime.fromisoformat("2026-08-02 12:00:00+00:00"))
    assert [r.name for r in again] == ["Overdue"]
    assert [e.data["review_due"] for e in entries(overdue)] == ["2025-12-01", "2026-08-01"]


def test_checking_what_was_marked_costs_the_same_queries_however_many_are_overdue(directory):
    def queries_of_a_repeat_run():
        mark_overdue_reviews(now=TODAY)
        with CaptureQueriesContext(connection) as captured:
            assert mark_overdue_reviews(now=TODAY) == []
        return len(captured)

    with_two = queries_of_a_repeat_run()
    with time_machine.travel("2026-01-01 12:00:00+00:00", tick=False):
        for name in ("Stale one", "Stale two", "Stale three"):
            make_resource(name=name, last_verified=date(2025, 1, 1))
    assert queries_of_a_repeat_run() == with_two


def test_the_mark_shows_in_the_resource_history_and_the_site_history(directory, client, editor):
    mark_overdue_reviews(now=TODAY)
    client.force_login(editor)
    history = reverse("wagtailsnippets_roadcase_resource:history", args=[directory["overdue"].pk])
    response = client.get(history)
    assert response.status_code == 200
    assert "Review was due on 2025-12-01" in response.content.decode()
    site_history = client.get(reverse("wagtailadmin_reports:site_history"))
    assert site_history.status_code == 200
    assert "Review overdue: never verified" in site_history.content.decode()
