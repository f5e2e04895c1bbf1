"""Fixtures shared by the whole suite."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale

# One Chromium for the whole run (Playwright's sync API allows one instance per thread), shared
# by the widget's tests and the admin's (tests/admin_browser.py).
from tests.admin_browser import admin_as, chromium, wagtail_tree  # noqa: F401


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
def browser(chromium):  # noqa: F811 (the fixture imported above)
    """The run's one real Chromium (tests/admin_browser.py), for the widget's and the public
    pages' browser tests."""
    return chromium
