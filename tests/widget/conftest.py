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


@pytest.fixture(scope="session")
def bundle():
    """The current build's manifest; the widget must be built first (``make widget``)."""
    try:
        return manifest()
    except BundleMissing as error:
        pytest.fail(str(error))


@pytest.fixture
def partner_site(live_server, bundle):
    """The demo partner page, served from 127.0.0.1 on a free port; the hub is the live server
    on localhost, so the two are different origins. Yields the page's base URL.
    """
    server = make_server(hub=live_server.url, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def directory(transactional_db, locales, partner_site):
    """A partner that may embed the widget from ``partner_site``, and a few real resources."""
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
    for number in range(1, 12):
        make_resource(
            name=f"Peer circle {number:02d}",
            kind="peer_support",
            hours="",
            contact_points=(("web", f"https://peers.example/{number}", ""),),
            topics=[burnout],
        )
    return partner_site


@pytest.fixture
def page(browser, directory):
    """A fresh browser context (no cookies or storage carried over) on the partner page."""
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    page = context.new_page()
    page.violations = []
    page.console_errors = []
    page.on(
        "console", lambda message: message.type == "error" and page.console_errors.append(message)
    )
    page.route("https://weather.example/**", lambda route: route.fulfill(body="Weather"))
    yield page
    context.close()
