"""Fixtures for the hub's public pages: the hub home page in all eight languages (with the
demo's words), and a clean cache per test (Wagtail keeps site root paths there)."""

import pytest
from django.core.cache import cache

from cms.demo.public_face import public_translations
from tests.api.factories import translate
from tests.factories import hub_home


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db, locales):
    home = hub_home()
    for code in locales:
        if code != "en":
            translate(home, code, public_translations(code))
    return home
