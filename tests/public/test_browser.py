"""The home page in a real Chromium: the finder starts inside it as the hub's partner, the page
loads nothing but itself, the widget and the API, and axe finds no violation in English or in
Arabic (right to left). Also: a QR code's SVG, drawn by the browser, reads back as its URL."""

import base64
import io
import re
from urllib.parse import urlsplit

import pytest
import zxingcpp
from django.core.cache import cache
from PIL import Image
from playwright.sync_api import expect
from wagtail.models import Locale, Page, Site

from cms.demo.public_face import public_translations
from cms.shortlinks.qr import qr_svg
from tests.api.factories import make_guide, translate
from tests.factories import hub_home, make_event, make_resource, make_story, make_topic
from tests.widget.browser import run_axe

pytestmark = pytest.mark.browser


def ensure_page_tree():
    """Wagtail's root page and default site, as its migrations create them: a live server's
    test empties every table after it, migrations' rows included."""
    if Site.objects.exists():
        return
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=Locale.get_default())
    )
    welcome = root.add_child(instance=Page(title="Welcome to your new Wagtail site!", slug="home"))
    Site.objects.create(hostname="localhost", root_page=welcome, is_default_site=True)


@pytest.fixture
def hub(transactional_db, locales, live_server):
    """The hub as a visitor meets it: its home page in English and Arabic, a few crisis lines,
    a guide, an event and stories."""
    cache.clear()
    ensure_page_tree()
    home = hub_home()
    translate(home, "ar", public_translations("ar"))
    anxiety = make_topic("anxiety", "Anxiety")
    make_resource(name="Samaritans", topics=[anxiety])
    make_resource(name="Shout", contact_points=(("sms", "85258", "GB"),), topics=[anxiety])
    make_guide()
    make_event(title="Breather tent", slug="breather-tent")
    make_story(title="The call", notes=["suicide"], pseudonym="Sam")
    make_story(title="Coming home")
    yield live_server.url
    cache.clear()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    page = context.new_page()
    yield page
    context.close()


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.mark.parametrize(("code", "direction"), [("en", "ltr"), ("ar", "rtl")])
def test_the_home_page_is_accessible_and_loads_nothing_else(page, hub, code, direction):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    url = f"{hub}/{code}/"
    page.goto(url)
    status = page.locator("roadcase-finder [role=status]")
    expect(status).to_have_text(re.compile(r"\d"))  # the widget started and searched
    expect(page.locator("html")).to_have_attribute("dir", direction)
    expect(page.locator("roadcase-finder")).to_have_attribute("lang", code)
    # The crisis block for the visitor's country (their time zone: London).
    expect(page.get_by_role("link", name=re.compile("999"))).to_be_visible()

    violations = run_axe(page)
    assert violations == []
    assert {origin(request) for request in requests} == {hub}
    others = [r for r in requests if "/api/v1/" not in r and "/widget/v1/" not in r]
    assert others == [url]  # the page itself; no fonts, images, styles or scripts of its own


def test_the_crisis_block_works_without_javascript(browser, hub):
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    page.goto(f"{hub}/en/")
    page.get_by_label("Country").select_option("GB")
    page.get_by_role("button", name="Show numbers").click()
    expect(page.get_by_role("link", name="Call 999")).to_be_visible()
    expect(page.get_by_role("heading", name="Samaritans")).to_be_visible()
    context.close()


def test_a_qr_codes_svg_drawn_by_the_browser_reads_back_as_its_url(page):
    url = "https://hub.example/s/wristband"
    svg = base64.b64encode(qr_svg(url).encode()).decode()
    page.set_content(
        f'<body style="margin:0;background:#fff"><img alt="" width="400" '
        f'src="data:image/svg+xml;base64,{svg}"></body>'
    )
    shot = page.locator("img").screenshot()
    assert [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))] == [url]
    # The URL printed beneath is real text, drawn by the browser too.
    page.set_content(qr_svg(url))
    expect(page.locator("text")).to_have_text(url)
