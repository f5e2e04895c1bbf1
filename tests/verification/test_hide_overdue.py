"""ROADCASE["HIDE_OVERDUE_AFTER_DAYS"]: the API withholds resources whose review is overdue by
more than N days; unset, nothing is hidden; and the API shows when each was last verified.
"""

from datetime import date

import pytest
import time_machine
from django.core.cache import cache
from rest_framework.test import APIClient

from tests.factories import make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def stale_and_fresh(locales):
    with time_machine.travel("2026-01-01 12:00:00+00:00", tick=False):
        make_resource(name="Stale line", last_verified=date(2025, 1, 1))  # due 2025-07-01
        make_resource(name="Fresh line", last_verified=date(2025, 12, 1))  # due 2026-06-01
    cache.clear()


def names(**params):
    response = APIClient().get("/api/v1/resources/", params)
    assert response.status_code == 200
    return {r["name"]: r["last_verified"] for r in response.json()["results"]}


@time_machine.travel("2026-01-01 12:00:00+00:00", tick=False)
def test_nothing_is_hidden_by_default(stale_and_fresh):
    assert names() == {"Stale line": "2025-01-01", "Fresh line": "2025-12-01"}


@time_machine.travel("2026-01-01 12:00:00+00:00", tick=False)
@pytest.mark.parametrize(
    ("days", "shown"), [(184, {"Stale line", "Fresh line"}), (183, {"Fresh line"})]
)
def test_resources_overdue_by_more_than_n_days_are_hidden(stale_and_fresh, settings, days, shown):
    # Stale line's review fell due on 2025-07-01: 184 days before 2026-01-01.
    settings.ROADCASE = {"HIDE_OVERDUE_AFTER_DAYS": days}
    assert set(names()) == shown
