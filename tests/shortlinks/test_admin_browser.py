"""The short-link screens an editor uses, in a real Chromium: the QR code on a link's page, the
campaign report, and axe finding no violation in what Roadcase adds to Wagtail's admin."""

import re

import pytest
from playwright.sync_api import expect

from cms.models import ShortLinkDailyCount
from tests.factories import make_short_link
from tests.widget.browser import AXE

pytestmark = pytest.mark.browser


@pytest.fixture
def signed_in(browser, live_server, transactional_db, django_user_model):
    django_user_model.objects.create_superuser("links", "links@example.org", "pw")
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("links")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")
    yield page
    context.close()


def axe_on(page, selector):
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (selector) => (await axe.run(selector)).violations.map(
             (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)""",
        selector,
    )


def test_an_editor_downloads_a_links_qr_code_and_reads_the_report(signed_in, live_server):
    page = signed_in
    link = make_short_link(code="poster", target="finder", campaign="Festival season")
    ShortLinkDailyCount.objects.create(link=link, day="2026-06-27", visits=12)

    page.goto(f"{live_server.url}/admin/snippets/roadcase/shortlink/edit/{link.pk}/")
    qr = page.locator(".roadcase-qr img")
    expect(qr).to_have_attribute("alt", re.compile(r"/s/poster$"))
    assert page.evaluate("(img) => img.complete && img.naturalWidth > 0", qr.element_handle())
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PNG (print)").click()
    assert download.value.suggested_filename == "qr-poster.png"
    assert axe_on(page, ".roadcase-qr") == []

    page.goto(f"{live_server.url}/admin/roadcase/short-links/report/")
    page.get_by_label("Campaign", exact=True).select_option("Festival season")
    page.get_by_label("From", exact=True).fill("2026-06-01")
    page.get_by_label("To", exact=True).fill("2026-06-30")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text("12 visits")).to_be_visible()
    expect(page.get_by_role("heading", name="Campaign reach")).to_be_visible()
    assert axe_on(page, "#main") == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    assert download.value.suggested_filename.startswith("short-links-festival-season-2026-06-01")
