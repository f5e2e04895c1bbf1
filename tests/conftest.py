"""Fixtures shared by the whole suite."""

import os

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale


@pytest.fixture(autouse=True)
def _forget_locale_ids():
    """Each test's database starts afresh (rolled back), and its Locale rows with it: the ids
    the API keeps in the process (api.locales.locale_id) must not outlive a test."""
    from api.locales import forget_locale_ids

    forget_locale_ids()
    yield
    forget_locale_ids()


@pytest.fixture
def locales(db):
    """Every content locale as a Locale row, by language code."""
    from django.conf import settings

    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


@pytest.fixture
def editor(db, django_user_model):
    """A member of Wagtail's Editors group: admin access, no superuser powers."""
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editors, _created = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
    return user


@pytest.fixture(scope="session")
def browser():
    """One real Chromium for the whole run (Debian's, never a downloaded one), shared by the
    widget's, the public pages' and the admin's browser tests: Playwright's sync API runs one
    instance per process."""
    from playwright.sync_api import sync_playwright

    from tests.widget.conftest import CHROMIUM, CHROMIUM_ARGS

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium is missing at {CHROMIUM}: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
