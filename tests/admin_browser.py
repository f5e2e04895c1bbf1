"""A real Chromium (Debian's, never a downloaded one) for the whole test run, and the Wagtail
admin driven in it as editors, translators and the concierge team do: each person gets a fresh
browser context logged in with their own session (and admin language), against the live
server. Registered for every test in tests/conftest.py.
"""

import os

import pytest
from django.conf import settings
from django.test import Client

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in the test thread; rows are written from it too.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

VIEWPORT = {"width": 1400, "height": 900}


@pytest.fixture(scope="session")
def chromium():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium is missing at {CHROMIUM}: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def admin_as(chromium, live_server):
    """``admin_as(user, language="fr")``: a page in a new browser context, logged in as
    ``user`` with that admin language (Wagtail's own account preference)."""
    from wagtail.users.models import UserProfile

    contexts = []

    def open_as(user, *, language=None, timezone_id="Europe/London"):
        if language:
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save()
        client = Client()
        client.force_login(user)
        context = chromium.new_context(
            viewport=VIEWPORT, locale=language or "en-GB", timezone_id=timezone_id
        )
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.base_url = live_server.url
        return page

    yield open_as
    for context in contexts:
        context.close()


@pytest.fixture
def wagtail_tree(transactional_db, locales):
    """Wagtail's root page, a home page and the default site, as its migrations make them: a
    transactional test's flush removes them, and migrations do not run again."""
    from wagtail.models import Locale, Page, Site

    root = Page.get_first_root_node()
    if root is None:
        locale = Locale.get_default()
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Site.objects.filter(is_default_site=True).exists():
        home = root.get_children().first() or root.add_child(
            instance=Page(title="Home", slug="home", locale=root.locale)
        )
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    return root
