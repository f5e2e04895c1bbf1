"""The verification report: review dates from the default periods (crisis lines and helplines
every 6 months, everything else every 12), and overdue / soon-due counts by country and kind.
"""

from datetime import date

import pytest
import time_machine

from cms.verification.report import OVERDUE, SOON_DUE, WORLDWIDE, verification_report
from tests.factories import make_resource

pytestmark = pytest.mark.django_db

VERIFIED = date(2026, 1, 31)


@pytest.fixture
def directory(locales):
    with time_machine.travel("2026-02-01 12:00:00+00:00", tick=False):
        return {
            "crisis": make_resource(name="Crisis GB", last_verified=VERIFIED),
            "helpline": make_resource(
                name="Helpline US",
                kind="helpline",
                countries=("US",),
                last_verified=VERIFIED,
                contact_points=(("phone", "988", "US"),),
            ),
            "therapy": make_resource(
                name="Therapy worldwide",
                kind="therapy",
                countries=(),
                worldwide=True,
                contact_points=(),
                hours="",
                time_zone="UTC",
                last_verified=VERIFIED,
            ),
            "never": make_resource(
                name="Never checked",
                kind="peer_support",
                contact_points=(),
                hours="",
                last_verified=None,
            ),
        }


def statuses(today):
    report = verification_report(today=today)
    return {item.resource.name: item.status for item in report.items}, report


def test_review_due_follows_the_default_periods_and_clamps_month_ends(directory):
    # 31 January + 6 months is 31 July; + 12 months is 31 January next year.
    assert directory["crisis"].review_due == date(2026, 7, 31)
    assert directory["helpline"].review_due == date(2026, 7, 31)
    assert directory["therapy"].review_due == date(2027, 1, 31)
    assert directory["never"].review_due is None


def test_a_resource_never_verified_is_always_overdue(directory):
    found, report = statuses(date(2026, 2, 1))
    assert found == {"Never checked": OVERDUE}
    assert report.items[0].days is None


@pytest.mark.parametrize(
    ("today", "crisis_status"),
    [
        (date(2026, 6, 30), None),  # due in 31 days: outside the 30-day window
        (date(2026, 7, 1), SOON_DUE),  # due in 30 days (REVIEW_SOON_DAYS)
        (date(2026, 7, 31), SOON_DUE),  # due today: not yet overdue
        (date(2026, 8, 1), OVERDUE),
    ],
)
def test_crisis_lines_fall_due_after_six_months(directory, today, crisis_status):
    found, _report = statuses(today)
    assert found.get("Crisis GB") == crisis_status
    assert found.get("Helpline US") == crisis_status
    assert "Therapy worldwide" not in found


def test_other_kinds_fall_due_after_twelve_months(directory):
    assert "Therapy worldwide" not in statuses(date(2026, 12, 31))[0]
    assert statuses(date(2027, 1, 1))[0]["Therapy worldwide"] == SOON_DUE
    assert statuses(date(2027, 1, 31))[0]["Therapy worldwide"] == SOON_DUE
    assert statuses(date(2027, 2, 1))[0]["Therapy worldwide"] == OVERDUE


def test_counts_by_country_and_kind(directory):
    _found, report = statuses(date(2026, 8, 15))
    rows = {(r["area"], r["kind"]): (r[OVERDUE], r[SOON_DUE]) for r in report.rows}
    assert rows == {
        ("GB", "crisis_line"): (1, 0),
        ("GB", "peer_support"): (1, 0),
        ("US", "helpline"): (1, 0),
    }
    _found, report = statuses(date(2027, 1, 15))
    rows = {(r["area"], r["kind"]): (r[OVERDUE], r[SOON_DUE]) for r in report.rows}
    assert rows[(WORLDWIDE, "therapy")] == (0, 1)


def test_overdue_items_come_first_longest_overdue_first(directory):
    _found, report = statuses(date(2026, 8, 15))
    assert report.items[0].resource.name == "Never checked"
    assert {i.days for i in report.items[1:]} == {15}


def test_a_shorter_period_setting_changes_the_due_date(settings, locales):
    settings.ROADCASE = {"REVIEW_MONTHS_CRISIS": 3}
    with time_machine.travel("2026-02-01 12:00:00+00:00", tick=False):
        resource = make_resource(last_verified=VERIFIED)
    assert resource.review_due == date(2026, 4, 30)
