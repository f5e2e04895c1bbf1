"""A cache outage is an empty cache: the API keeps answering, crisis lines first, throttles let
requests through, and the outage is logged once, not once per request. (The same against a
real Redis killed under load: tests/production/test_faults.py.)"""

import logging

import pytest
from django.test import override_settings

from api import fail_open_cache
from tests.concierge.conftest import free_port
from tests.factories import make_resource


@pytest.fixture
def cache_down():
    unreachable = f"redis://127.0.0.1:{free_port()}/0"
    backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": unreachable}
    with override_settings(CACHES={"default": backend}):
        yield
    # The outage was this test's: the next one starts with the cache available.
    fail_open_cache.cache.down_since = None
    fail_open_cache.cache.retry_at = 0.0


def test_crisis_lines_answer_while_the_cache_is_unreachable(api, settings, cache_down, caplog):
    settings.ROADCASE = {**settings.ROADCASE, "API_THROTTLE_READ": "2/minute"}
    make_resource(name="Samaritans", countries=("GB",))
    with caplog.at_level(logging.WARNING, logger="api.fail_open_cache"):
        responses = [api.get("/api/v1/crisis-lines/", {"country": "GB"}) for _ in range(5)]
    assert [r.status_code for r in responses] == [200] * 5
    assert [line["name"] for line in responses[-1].json()["results"]] == ["Samaritans"]
    outages = [r for r in caplog.records if "unavailable" in r.getMessage()]
    assert len(outages) == 1
