"""Fixtures for the widget: the built bundle, a partner page on its own origin, a real Chromium,
and a small directory of real rows for the hub to serve.
"""

import os
import threading

import pytest

from tests.factories import make_organisation, make_resource, make_topic
from widget.bundle import BundleMissing, manifest
from widget.partner_demo import make_server

# Playwright's sync API runs an event loop in the test thread; the rows the tests create are
# written before any page is driven, from that same thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

QUICK_EXIT_URL = "https://weather.example/"
# The hub's default (ROADCASE["QUICK_EXIT_URL"]), which the bundle bakes in too.
DEFAULT_QUICK_EXIT_URL = "https://www.google.com/"


@pytest.fixture(scope="session")
def bundle():
    """The current build's manifest; the widget must be built first (``make widget``)."""
    try:
        return manifest()
    except BundleMissing as error:
        pytest.fail(str(error))


def serve_partner_page(hub, **options):
    """Serves the demo partner page on a free port; yields its base URL."""
    server = make_server(hub=hub, port=0, **options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def partner_site(live_server, bundle):
    """The demo partner page, served from 127.0.0.1 on a free port; the hub is the live server
    on localhost, so the two are different origins. Yields the page's base URL.
    """
    yield from serve_partner_page(live_server.url)


@pytest.fixture
def unregistered_site(live_server, bundle):
    """The same page with the registered embed id, on an origin no partner registered."""
    yield from serve_partner_page(live_server.url)


@pytest.fixture
def unknown_partner_site(live_server, bundle):
    """The page with an embed id no partner has (partner="nope"), on an unregistered origin."""
    yield from serve_partner_page(live_server.url, partner="nope")


@pytest.fixture
def directory(transactional_db, locales, partner_site):
    """A partner that may embed the widget from ``partner_site``, and a few real resources."""
    from api.search import backend
    from cms.signals import bulk_loading

    # Loaded as the demo loader loads (the translation queue and the search index are built
    # after, not on every publish: about half a second a resource): what the widget shows is
    # the same, and every test starts with it.
    with bulk_loading():
        partner_site = _directory(partner_site)
    backend().rebuild()
    return partner_site


def _directory(partner_site):
    from cms.models import Country, Partner

    Partner.objects.create(
        name="Demo Festival",
        slug="demo-festival",
        allowed_origins=partner_site,
        default_country=Country.objects.get(code="GB"),
        quick_exit_url=QUICK_EXIT_URL,
    )
    anxiety = make_topic("anxiety", "Anxiety")
    burnout = make_topic("burnout", "Burnout")
    samaritans = make_organisation("samaritans", "Samaritans")
    make_resource(
        name="Samaritans",
        organisation=samaritans,
        contact_points=(("phone", "116123", "GB"), ("email", "jo@samaritans.org", "")),
        topics=[anxiety],
    )
    make_resource(name="Shout", contact_points=(("sms", "85258", "GB"),), topics=[anxiety])
    make_resource(
        name="Tour Therapy Network",
        kind="therapy",
        countries=(),
        worldwide=True,
        cost="paid",
        hours="Mo-Fr 09:00-17:00",
        contact_points=(("chat", "https://therapy.example/chat", ""),),
        topics=[burnout],
        summary="Counsellors who know life on the road.",
        eligibility="Anyone who works in music.",
    )
    # A national line for each country the phone-screen test looks at.
    for country, line, number in (
        ("US", "988 Suicide & Crisis Lifeline", "988"),
        ("JP", "Inochi no Denwa", "0570783556"),
        ("BR", "CVV", "188"),
    ):
        make_resource(name=line, countries=(country,), contact_points=(("phone", number, country),))
    for number in range(1, 12):
        make_resource(
            name=f"Peer circle {number:02d}",
            kind="peer_support",
            hours="",
            contact_points=(("web", f"https://peers.example/{number}", ""),),
            topics=[burnout],
        )
    return partner_site


def new_page(browser, **options):
    """A page in a fresh context (no cookies or storage carried over) that keeps the console's
    errors and warnings, with the quick exits' addresses answered locally."""
    page = browser.new_context(
        **{"locale": "en-GB", "timezone_id": "Europe/London", **options}
    ).new_page()
    page.violations = []
    page.console_errors = []
    page.console_warnings = []
    page.on(
        "console", lambda message: message.type == "error" and page.console_errors.append(message)
    )
    page.on(
        "console",
        lambda message: message.type == "warning" and page.console_warnings.append(message.text),
    )
    for exit_url in (QUICK_EXIT_URL, DEFAULT_QUICK_EXIT_URL):
        page.route(f"{exit_url}**", lambda route: route.fulfill(body="Weather"))
    return page


@pytest.fixture
def page(browser, directory):
    """A fresh browser context on the partner page's clock and language (London, en-GB)."""
    page = new_page(browser)
    yield page
    page.context.close()
