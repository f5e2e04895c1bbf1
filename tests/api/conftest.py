"""Fixtures for the API tests: a clean response cache and generous throttles per test."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient


@pytest.fixture(autouse=True)
def api_settings(settings):
    """Each test starts with an empty cache (responses, throttle counters) and throttles high
    enough not to interfere; the throttling tests lower them.
    """
    settings.ROADCASE = {
        **getattr(settings, "ROADCASE", {}),
        "API_THROTTLE_READ": "10000/minute",
        "API_THROTTLE_WRITE": "10000/minute",
    }
    cache.clear()
    yield settings
    cache.clear()


@pytest.fixture
def api(db, locales):
    """A DRF test client, with every content locale in place."""
    return APIClient()
