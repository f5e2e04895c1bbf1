"""The widget in a real Chromium, embedded in a partner page on another origin under a strict CSP,
against the live hub and real rows (see conftest.py).
"""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .browser import ACTIVE, CSP_LISTENER, STORAGE, open_finder, run_axe, status, widget_string
from .conftest import QUICK_EXIT_URL

pytestmark = pytest.mark.browser

FILTERS = "section[aria-labelledby=rc-find] summary"
RESULTS = "section[aria-labelledby=rc-find]"


def in_arabic(key):
    return widget_string(key, "ar")


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def test_embeds_cross_origin_under_a_strict_csp(page, directory, live_server):
    requests = []
    page.on("request", lambda request: requests.append(request))
    open_finder(page, directory)
    expect(page.get_by_role("link", name="All emergencies 999")).to_be_visible()
    expect(status(page)).to_have_text("14 results")

    assert page.evaluate("window.__cspViolations") == []
    assert [message.text for message in page.console_errors] == []
    # Only the partner's own origin and the hub are ever contacted.
    assert {origin(request.url) for request in requests} == {directory, live_server.url}
    api = [request for request in requests if "/api/v1/" in request.url]
    # One request on the crisis path, then the rest of the directory.
    assert "/api/v1/widget/demo-festival/start/" in api[0].url
    assert len([r for r in api if "/start/" in r.url or "crisis-lines" in r.url]) == 1
    for request in api:
        response = request.response()
        # The crisis path is public safety data, readable anywhere; the rest is the partner's.
        public = "/start/" in request.url
        assert response.headers["access-control-allow-origin"] == ("*" if public else directory)
        headers = request.all_headers()
        assert "cookie" not in headers
        assert "referer" not in headers


def test_crisis_block_comes_first_with_one_tap_contacts(page, directory):
    open_finder(page, directory)
    crisis = page.locator("roadcase-finder section.crisis")
    expect(page.locator("roadcase-finder h2").first).to_have_text("Need help right now?")
    emergency = crisis.locator("a.sos")
    expect(emergency).to_have_text(["All emergencies 999", "All emergencies 112"])
    expect(emergency.first).to_have_attribute("href", "tel:999")
    expect(crisis.get_by_role("heading", name="Samaritans")).to_be_visible()
    # The number as people in the UK write it; dialled as stored.
    expect(crisis.locator('a[href="tel:116123"]')).to_have_text("Call \u2066116 123\u2069")
    expect(crisis.locator('a[href^="sms:"]', has_text="85258")).to_be_visible()
    expect(crisis.locator('a[href="mailto:jo@samaritans.org"]')).to_be_visible()
    expect(crisis.get_by_text("Open 24/7").first).to_be_visible()


def test_search_and_filters(page, directory):
    open_finder(page, directory)
    finder = page.locator("roadcase-finder")
    page.get_by_role("combobox", name="Search for support").fill("therapy")
    expect(status(page)).to_have_text("1 result")
    result = finder.locator("li.card", has_text="Tour Therapy Network")
    expect(result).to_be_visible()
    chat = result.get_by_role("link", name=re.compile("Web chat"))
    expect(chat).to_have_attribute("href", "https://therapy.example/chat")
    expect(chat).to_have_attribute("target", "_blank")

    page.get_by_role("combobox", name="Search for support").fill("")
    expect(status(page)).to_have_text("14 results")
    finder.locator(FILTERS).click()
    finder.get_by_label("Kind of support").select_option("crisis_line")
    expect(status(page)).to_have_text("2 results")
    # Both are in the crisis block above, and only there.
    expect(finder.locator(f"{RESULTS} li.card")).to_have_count(0)
    expect(finder.get_by_text("Crisis lines listed above are not repeated here.")).to_be_visible()
    finder.get_by_label("Kind of support").select_option("peer_support")
    finder.get_by_label("Contact by").select_option("web")
    expect(status(page)).to_have_text("11 results")
    expect(finder.get_by_text("Crisis lines listed above are not repeated here.")).to_be_hidden()

    finder.get_by_role("button", name="Clear filters").click()
    expect(status(page)).to_have_text("14 results")
    # Nothing to clear: no "Clear filters" beside "Nothing matches" (only the panel's own).
    page.get_by_role("combobox", name="Search for support").fill("zither")
    expect(status(page)).to_have_text("Nothing matches. Try another word or fewer filters.")
    expect(finder.get_by_role("button", name="Clear filters")).to_have_count(1)
    page.get_by_role("combobox", name="Search for support").fill("")
    expect(status(page)).to_have_text("14 results")
    finder.get_by_label("Free").check()
    expect(status(page)).to_have_text("13 results")
    finder.get_by_label("Kind of support").select_option("therapy")
    expect(status(page)).to_have_text("Nothing matches. Try another word or fewer filters.")
    expect(finder.get_by_role("button", name="Clear filters")).to_have_count(2)


def test_words_that_signal_a_crisis_bring_the_numbers_and_crisis_lines_to_the_results(
    page, directory
):
    open_finder(page, directory)
    finder = page.locator("roadcase-finder")
    search = page.get_by_role("combobox", name="Search for support")
    help_now = finder.locator(f"{RESULTS} #rc-help-now")
    expect(help_now).to_be_hidden()

    search.fill("I want to kill myself")
    # Right under the search box, not only in the block at the top (screens away on a phone).
    expect(help_now.get_by_role("heading")).to_have_text("Need help right now?")
    expect(help_now.locator("a.sos")).to_have_text(["All emergencies 999", "All emergencies 112"])
    expect(help_now.locator("a.sos").first).to_have_attribute("href", "tel:999")
    # The crisis lines lead the results, listed here too; the count is what is listed.
    expect(status(page)).to_have_text("2 results")
    cards = finder.locator(f"{RESULTS} li.card h3")
    expect(cards).to_have_count(2)
    assert sorted(cards.all_inner_texts()) == ["Samaritans", "Shout"]
    expect(finder.get_by_text("Crisis lines listed above are not repeated here.")).to_be_hidden()

    search.fill("therapy")
    expect(status(page)).to_have_text("1 result")
    expect(help_now).to_be_hidden()


def test_load_more_and_detail_view(page, directory):
    open_finder(page, directory)
    finder = page.locator("roadcase-finder")
    results = finder.locator("section[aria-labelledby=rc-find] li.card")
    # The first page's two crisis lines are in the crisis block, not here.
    expect(results).to_have_count(8)
    finder.get_by_role("button", name="Show more").click()
    expect(results).to_have_count(12)
    expect(finder.get_by_role("button", name="Show more")).to_be_hidden()
    # Every page in: the count is of what is listed here, and the note says where the rest are.
    expect(status(page)).to_have_text("12 results")
    expect(finder.get_by_text("Crisis lines listed above are not repeated here.")).to_be_visible()
    # Focus moves to the first result that was added.
    assert page.evaluate(f"{ACTIVE}.textContent") == results.nth(8).locator("h3").inner_text()

    finder.get_by_role("button", name="Tour Therapy Network").click()
    detail = finder.get_by_role("heading", name="Tour Therapy Network", level=3)
    expect(detail).to_be_focused()
    expect(finder.get_by_text("Anyone who works in music.")).to_be_visible()
    expect(finder.get_by_text("Monday")).to_be_visible()
    open_line = finder.locator("section[aria-labelledby=rc-find] p.dot >> visible=true")
    expect(open_line).to_have_text(re.compile(r"^(Open now|Closed, opens)"))
    finder.get_by_role("button", name="Back to results").click()
    expect(finder.get_by_role("button", name="Tour Therapy Network")).to_be_focused()


def test_a_page_of_only_lines_listed_above_is_passed_over(page, directory):
    from tests.factories import make_resource

    # With twelve national crisis lines, the listing's first page is all in the crisis block.
    for number in range(10):
        make_resource(
            name=f"Night line {number}", contact_points=(("phone", f"0800111{number:03d}", "GB"),)
        )
    open_finder(page, directory)
    finder = page.locator("roadcase-finder")
    expect(status(page)).to_have_text("24 results")
    results = finder.locator("section[aria-labelledby=rc-find] li.card")
    expect(results).to_have_count(8)
    expect(finder.get_by_text("Crisis lines listed above are not repeated here.")).to_be_visible()
    finder.get_by_role("button", name="Show more").click()
    expect(results).to_have_count(12)


def test_the_second_tab_offers_a_way_past_the_crisis_block_to_the_search(page, directory):
    open_finder(page, directory)
    skip = page.locator("roadcase-finder").get_by_role("button", name="Search for support")
    page.keyboard.press("Tab")
    expect(page.locator("roadcase-finder").get_by_role("button", name="Quick exit")).to_be_focused()
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    # Shown while focused (out of sight otherwise: the crisis block stays first on screen).
    assert skip.bounding_box()["width"] > 40
    page.keyboard.press("Enter")
    expect(page.get_by_role("combobox", name="Search for support")).to_be_focused()
    page.keyboard.type("therapy")
    expect(status(page)).to_have_text("1 result")


def test_focus_is_never_hidden_under_the_quick_exit_on_a_phone(browser, directory):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="en-GB"
    )
    page = context.new_page()
    try:
        open_finder(page, directory)
        expect(page.locator("roadcase-finder li.card").first).to_be_visible()
        page.get_by_role("combobox", name="Search for support").focus()
        for _ in range(30):
            page.keyboard.press("Tab")
            # Focus scrolled into view stops above the fixed quick exit (WCAG 2.4.11).
            focused, exit_top = page.evaluate(FOCUSED_BOTTOM_AND_EXIT_TOP)
            if focused is not None:
                assert focused <= exit_top
    finally:
        context.close()


FOCUSED_BOTTOM_AND_EXIT_TOP = """() => {
    const root = document.querySelector('roadcase-finder').shadowRoot;
    const focused = root.activeElement;
    return [focused && !focused.matches('.exit') ? focused.getBoundingClientRect().bottom : null,
            root.querySelector('.exit').getBoundingClientRect().top];
}"""


def test_keyboard_only(page, directory):
    open_finder(page, directory)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate(f"{ACTIVE}?.id") == "rc-q":
            break
    else:
        pytest.fail("Tab never reached the search box")

    page.keyboard.type("burn")
    option = page.get_by_role("listbox", name="Topics").get_by_role("option", name="Burnout")
    expect(option).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    search = page.get_by_role("combobox", name="Search for support")
    expect(search).to_have_attribute("aria-activedescendant", "rc-suggest-0")
    page.keyboard.press("Enter")
    expect(status(page)).to_have_text("12 results")
    expect(search).to_have_attribute("aria-expanded", "false")
    topic = page.locator("roadcase-finder").get_by_label("Topic", exact=True)
    expect(topic).to_have_value("burnout")

    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate(f"{ACTIVE}?.textContent") == "Peer circle 01":
            break
    else:
        pytest.fail("Tab never reached the first result")
    page.keyboard.press("Enter")
    assert page.evaluate(f"{ACTIVE}.tagName") == "H3"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(f"{ACTIVE}.textContent") == "Back to results"
    page.keyboard.press("Enter")
    assert page.evaluate(f"{ACTIVE}.textContent") == "Peer circle 01"
    # Escape leaves the detail view too, without counting towards the quick exit.
    page.keyboard.press("Enter")
    assert page.evaluate(f"{ACTIVE}.tagName") == "H3"
    page.keyboard.press("Escape")
    assert page.evaluate(f"{ACTIVE}.textContent") == "Peer circle 01"
    page.keyboard.press("Escape")
    assert page.url.startswith(directory)


def test_arabic_renders_right_to_left(page, directory):
    open_finder(page, f"{directory}/?locale=ar")
    host = page.locator("roadcase-finder")
    expect(host).to_have_attribute("dir", "rtl")
    expect(host).to_have_attribute("lang", "ar")
    expect(page.get_by_role("combobox", name=in_arabic("search_label"))).to_be_visible()
    expect(page.locator("roadcase-finder h2").first).to_have_text(in_arabic("crisis_heading"))
    style = page.evaluate(
        """() => {
             const crisis = document.querySelector('roadcase-finder').shadowRoot
               .querySelector('.crisis');
             const css = getComputedStyle(crisis);
             return [css.direction, css.borderRightWidth, css.borderLeftWidth];
           }"""
    )
    assert style == ["rtl", "6px", "0px"]


def test_emergency_number_shows_when_the_hub_is_down(page, directory, live_server):
    page.route(f"{live_server.url}/api/**", lambda route: route.abort())
    page.add_init_script(CSP_LISTENER)
    page.goto(directory)
    finder = page.locator("roadcase-finder")
    expect(finder.get_by_role("link", name="All emergencies 999")).to_have_attribute(
        "href", "tel:999"
    )
    expect(finder.get_by_role("alert")).to_have_text(re.compile("can't be reached"))
    # The visitor can still pick another country and get its number.
    finder.get_by_label("Country").select_option("US")
    expect(finder.get_by_role("link", name="All emergencies 911")).to_be_visible()
    assert page.evaluate("window.__cspViolations") == []


@pytest.mark.parametrize("query", ["", "?locale=ar"])
def test_axe_finds_no_violations(browser, directory, query):
    # axe is injected as a script of the test's own, so this context sets the page's CSP aside.
    context = browser.new_context(bypass_csp=True, locale="en-GB", timezone_id="Europe/London")
    page = context.new_page()
    try:
        open_finder(page, f"{directory}/{query}")
        page.locator(f"roadcase-finder {FILTERS}").click()
        assert run_axe(page) == []
        page.locator("roadcase-finder li.card h3 button").first.click()
        assert run_axe(page) == []
        # The emergency numbers under the box, after words that signal a crisis.
        page.keyboard.press("Escape")
        page.locator("roadcase-finder #rc-q").fill("suicidal")
        expect(page.locator("roadcase-finder #rc-help-now")).to_be_visible()
        assert run_axe(page) == []
    finally:
        context.close()


def test_no_cookies_or_storage_after_a_session(page, directory, live_server):
    open_finder(page, directory)
    finder = page.locator("roadcase-finder")
    page.get_by_role("combobox", name="Search for support").fill("circle")
    expect(status(page)).to_have_text("11 results")
    finder.get_by_role("button", name="Peer circle 01").click()
    finder.get_by_role("button", name="Back to results").click()
    finder.get_by_label("Language", exact=True).select_option("fr")
    expect(page.locator("roadcase-finder")).to_have_attribute("lang", "fr")

    assert page.context.cookies() == []
    assert page.evaluate(STORAGE) == [0, 0, 0, 0]
    page.goto(f"{live_server.url}/widget/v1/roadcase-finder.js")
    assert page.evaluate(STORAGE) == [0, 0, 0, 0]
    assert page.context.cookies() == []


def test_quick_exit_leaves_for_the_partners_address(page, directory):
    open_finder(page, directory)
    page.get_by_role("button", name="Quick exit").click()
    page.wait_for_url(QUICK_EXIT_URL)


def test_fits_320_pixels_with_44_pixel_targets(browser, directory):
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, timezone_id="Europe/London"
    )
    page = context.new_page()
    try:
        open_finder(page, directory)
        page.locator(f"roadcase-finder {FILTERS}").click()
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        small = page.evaluate(
            """() => [...document.querySelector('roadcase-finder').shadowRoot
                 .querySelectorAll('.btn, .link, select, input, summary, label.check')]
               .map((el) => [el.textContent.trim() || el.tagName, el.getBoundingClientRect()])
               .filter(([, box]) => box.width && (box.height < 44 || box.width < 44))
               .map(([name]) => name)"""
        )
        # Checkboxes are sized by their 44 px label, which is the target.
        assert [name for name in small if name != "INPUT"] == []
    finally:
        context.close()
