"""The finder never fails a person in crisis (issue 17): whatever the embed code says and whatever
the network does, the emergency numbers, the crisis lines it can get and the quick exit are
there, and every message is true. The network's failures are simulated with Playwright's
``page.route`` on the hub's URLs; an unregistered origin is a real second origin.
"""

import re

import pytest
from playwright.sync_api import expect

from .browser import CSP_LISTENER, open_finder, run_axe, status, widget_string
from .conftest import DEFAULT_QUICK_EXIT_URL, QUICK_EXIT_URL, new_page

pytestmark = pytest.mark.browser

CRISIS = "roadcase-finder section.crisis"
UNREACHABLE = "can't be reached"
SEARCH_UNAVAILABLE = "Search isn't available on this page. The numbers above are."


def crisis(page):
    return page.locator(CRISIS)


def emergency_buttons(page):
    return page.locator(f"{CRISIS} a.sos")


def leave_by_the_quick_exit(page, url):
    page.locator("roadcase-finder").get_by_role("button", name="Quick exit").click()
    page.wait_for_url(url)


def text_of_the_finder(page):
    return page.locator("roadcase-finder").inner_text()


# An origin nobody registered, an embed id nobody has --------------------------------------


def test_an_unregistered_origin_gets_the_crisis_path_and_a_warning(
    browser, directory, unregistered_site
):
    page = new_page(browser)
    try:
        page.goto(unregistered_site)
        expect(emergency_buttons(page)).to_have_text(["All emergencies 999", "All emergencies 112"])
        expect(crisis(page).get_by_role("heading", name="Samaritans")).to_be_visible()
        finder = page.locator("roadcase-finder")
        expect(finder.get_by_text(SEARCH_UNAVAILABLE)).to_be_visible()
        assert UNREACHABLE not in text_of_the_finder(page)
        # The developer is told what is wrong and how to fix it, in the hub's words.
        assert any(
            "is not registered" in text and "allowed origins" in text
            for text in page.console_warnings
        )
        assert page.console_errors == []
        # The partner's own quick-exit address, from the hub's answer.
        leave_by_the_quick_exit(page, QUICK_EXIT_URL)
    finally:
        page.context.close()


def test_an_unregistered_origin_still_gets_the_requested_language(
    browser, directory, unregistered_site
):
    page = new_page(browser)
    try:
        page.goto(f"{unregistered_site}/?locale=ar")
        host = page.locator("roadcase-finder")
        expect(host).to_have_attribute("lang", "ar")
        expect(host).to_have_attribute("dir", "rtl")
        expect(host.locator("h2").first).to_have_text(widget_string("crisis_heading", "ar"))
        expect(host.get_by_role("button", name=widget_string("quick_exit", "ar"))).to_be_visible()
        expect(emergency_buttons(page).first).to_have_text(re.compile(r"999$"))
    finally:
        page.context.close()


def test_an_unknown_partner_gets_the_crisis_path_and_a_warning(
    browser, directory, unknown_partner_site
):
    page = new_page(browser)
    try:
        page.goto(unknown_partner_site)
        expect(emergency_buttons(page)).to_have_text(["All emergencies 999", "All emergencies 112"])
        expect(crisis(page).get_by_role("heading", name="Samaritans")).to_be_visible()
        expect(page.locator("roadcase-finder").get_by_text(SEARCH_UNAVAILABLE)).to_be_visible()
        assert UNREACHABLE not in text_of_the_finder(page)
        assert any('No active partner has the embed id "nope"' in t for t in page.console_warnings)
        # No partner, so the hub's default address.
        leave_by_the_quick_exit(page, DEFAULT_QUICK_EXIT_URL)
    finally:
        page.context.close()


# Country attributes --------------------------------------------------------------------------


def test_country_uk_means_great_britain(page, directory):
    open_finder(page, f"{directory}/?country=uk")
    expect(emergency_buttons(page)).to_have_text(["All emergencies 999", "All emergencies 112"])
    expect(crisis(page)).to_contain_text("United Kingdom")
    expect(crisis(page).get_by_role("heading", name="Samaritans")).to_be_visible()
    assert page.console_warnings == []


def test_country_uk_works_before_the_hub_answers(page, directory, live_server):
    page.route(f"{live_server.url}/api/**", lambda route: route.abort())
    page.goto(f"{directory}/?country=UK")
    expect(emergency_buttons(page)).to_have_text(["All emergencies 999", "All emergencies 112"])


def test_an_unknown_country_falls_back_to_the_visitors_own_and_warns(browser, directory):
    page = new_page(browser, timezone_id="Asia/Tokyo")
    try:
        open_finder(page, f"{directory}/?country=XX")
        expect(crisis(page)).to_contain_text("Japan")
        expect(emergency_buttons(page)).to_have_text(["Ambulance and fire 119", "Police 110"])
        expect(crisis(page).get_by_role("heading", name="Inochi no Denwa")).to_be_visible()
        assert any('country="XX"' in text for text in page.console_warnings)
        assert UNREACHABLE not in text_of_the_finder(page)
    finally:
        page.context.close()


# Emergency numbers: labelled, in the order to call them, from the hub or the bundle -----------


@pytest.mark.parametrize("hub", ["up", "down"])
def test_emergency_numbers_are_labelled_and_ordered(page, directory, live_server, hub):
    if hub == "down":
        page.route(f"{live_server.url}/api/**", lambda route: route.abort())
    page.goto(f"{directory}/?country=JP")
    expect(emergency_buttons(page)).to_have_text(["Ambulance and fire 119", "Police 110"])
    expect(emergency_buttons(page).first).to_have_attribute("href", "tel:119")
    label = page.locator(f"{CRISIS} .row > span").first
    expect(label).to_have_text(re.compile(r"^Emergency numbers( \(Japan\))?:$"))
    page.locator("roadcase-finder").get_by_label("Country").select_option("US")
    expect(emergency_buttons(page)).to_have_text(["All emergencies 911"])
    expect(label).to_have_text(re.compile(r"^Emergency number( \(United States\))?:$"))
    page.locator("roadcase-finder").get_by_label("Country").select_option("IN")
    expect(emergency_buttons(page)).to_have_text(
        ["All emergencies 112", "Ambulance 108", "Ambulance 102", "Police 100", "Fire 101"]
    )


def test_a_contact_points_own_name_and_hours_are_shown(page, directory):
    from tests.factories import make_resource

    make_resource(
        name="Samaritans Cymru",
        contact_points=(("phone", "116123", "GB"), ("phone", "08081640123", "GB")),
    )
    from cms.models import ContactPoint

    welsh = ContactPoint.objects.get(value__endswith="8081640123")
    # Dialled as stored (+448081640123), shown as people in the UK write it.
    welsh.display = "0808 164 0123"
    welsh.label = "Welsh-language line"
    welsh.hours = "Mo-Su 19:00-23:00"
    welsh.save()
    open_finder(page, directory)
    line = crisis(page).locator("li.card", has_text="Samaritans Cymru")
    point = line.locator("li", has_text="Welsh-language line")
    expect(point.get_by_role("link")).to_have_text("Call \u20660808 164 0123\u2069")
    expect(point.locator("p.dot")).to_have_text(re.compile(r"^(Open now|Closed, opens .+)$"))


# The hub failing ----------------------------------------------------------------------------


def test_an_api_error_keeps_the_numbers_and_the_quick_exit_and_offers_a_retry(
    page, directory, live_server
):
    page.route(f"{live_server.url}/api/**", lambda route: route.fulfill(status=500, body="{}"))
    page.add_init_script(CSP_LISTENER)
    page.goto(directory)
    finder = page.locator("roadcase-finder")
    expect(finder.get_by_role("alert")).to_have_text(re.compile(UNREACHABLE))
    expect(emergency_buttons(page)).to_have_text(["All emergencies 999", "All emergencies 112"])
    expect(finder.get_by_role("button", name="Quick exit")).to_be_visible()
    # The embed code's fallback content stays in view while the hub is away.
    expect(finder.get_by_role("link", name="Find support on the hub")).to_be_visible()

    page.unroute(f"{live_server.url}/api/**")
    finder.get_by_role("button", name="Try again").click()
    expect(crisis(page).get_by_role("heading", name="Samaritans")).to_be_visible()
    expect(finder.get_by_role("alert")).to_have_count(0)
    expect(status(page)).to_have_text("14 results")
    expect(finder.get_by_role("link", name="Find support on the hub")).to_be_hidden()
    assert page.evaluate("window.__cspViolations") == []


def test_an_api_error_still_speaks_the_requested_language(page, directory, live_server):
    page.route(f"{live_server.url}/api/**", lambda route: route.fulfill(status=500, body="{}"))
    page.goto(f"{directory}/?locale=ar")
    host = page.locator("roadcase-finder")
    expect(host).to_have_attribute("dir", "rtl")
    expect(host).to_have_attribute("lang", "ar")
    expect(host.locator("h2").first).to_have_text(widget_string("crisis_heading", "ar"))
    # Great Britain has two numbers (999, 112): no "call the number above".
    expect(host.get_by_role("alert")).to_have_text(widget_string("offline_directory", "ar"))
    expect(emergency_buttons(page).first).to_have_text(
        f"{widget_string('emergency_all', 'ar')} 999"
    )
    expect(host.get_by_role("button", name=widget_string("quick_exit", "ar"))).to_be_visible()


def test_the_hub_away_says_call_the_number_above_only_under_one_number(
    page, directory, live_server
):
    page.route(f"{live_server.url}/api/**", lambda route: route.abort())
    page.goto(f"{directory}/?country=JP")
    alert = page.locator("roadcase-finder").get_by_role("alert")
    expect(emergency_buttons(page)).to_have_count(2)
    expect(alert).to_have_text("The directory can't be reached right now.")
    page.locator("roadcase-finder").get_by_label("Country").select_option("US")
    expect(emergency_buttons(page)).to_have_text(["All emergencies 911"])
    expect(alert).to_have_text(
        "The directory can't be reached right now. In an emergency, call the number above."
    )


def test_an_api_error_leaves_by_the_bundled_quick_exit(page, directory, live_server):
    page.route(f"{live_server.url}/api/**", lambda route: route.fulfill(status=500, body="{}"))
    page.goto(directory)
    expect(page.locator("roadcase-finder").get_by_role("alert")).to_be_visible()
    leave_by_the_quick_exit(page, DEFAULT_QUICK_EXIT_URL)


def test_the_embed_codes_quick_exit_wins_with_the_hub_down(page, directory, live_server):
    page.route(f"{live_server.url}/api/**", lambda route: route.abort())
    page.goto(f"{directory}/?quick-exit={QUICK_EXIT_URL}")
    expect(page.locator("roadcase-finder").get_by_role("alert")).to_be_visible()
    leave_by_the_quick_exit(page, QUICK_EXIT_URL)


def test_a_slow_api_shows_a_loading_cue_then_says_so_truly(page, directory, live_server):
    # The hub never answers: the widget gives up after its timeout (8 s).
    page.route(f"{live_server.url}/api/**", lambda route: None)
    page.goto(directory)
    finder = page.locator("roadcase-finder")
    # Meanwhile the bundled emergency numbers show at once, with a loading cue.
    expect(emergency_buttons(page)).to_have_text(["All emergencies 999", "All emergencies 112"])
    expect(finder.get_by_text(widget_string("loading", "en"))).to_be_visible()
    expect(finder.get_by_role("alert")).to_have_text(re.compile(UNREACHABLE), timeout=12000)
    expect(emergency_buttons(page)).to_have_text(["All emergencies 999", "All emergencies 112"])
    # Then the embed code's own fallback content shows under them.
    expect(finder.get_by_role("link", name="Find support on the hub")).to_be_visible()
    expect(finder.get_by_role("button", name="Try again")).to_be_visible()
    expect(finder.get_by_role("button", name="Quick exit")).to_be_visible()
    # Nothing claims results it does not have.
    assert not re.search(r"\d+ results?", text_of_the_finder(page))


def test_a_slow_api_without_fallback_content_shows_loading(page, directory, live_server):
    page.route(f"{live_server.url}/api/**", lambda route: None)
    page.goto(directory)
    page.evaluate(
        """() => { const old = document.querySelector('roadcase-finder');
                   const fresh = document.createElement('roadcase-finder');
                   fresh.setAttribute('partner', 'demo-festival');
                   old.replaceWith(fresh); }"""
    )
    expect(crisis(page)).to_contain_text("Loading…")
    expect(emergency_buttons(page)).to_have_text(["All emergencies 999", "All emergencies 112"])
    expect(page.locator("roadcase-finder").get_by_role("button", name="Quick exit")).to_be_visible()


def test_the_hub_down_entirely_leaves_the_fallback_content(page, directory, live_server):
    page.route(f"{live_server.url}/**", lambda route: route.abort())
    page.goto(directory)
    finder = page.locator("roadcase-finder")
    expect(finder.get_by_text("In an emergency, call your local emergency number.")).to_be_visible()
    expect(finder.get_by_role("link", name="Find support on the hub")).to_be_visible()


def test_a_failed_lazy_chunk_leaves_the_crisis_path_whole(page, directory, live_server):
    # A tampered search chunk fails its SRI check: nothing of it runs.
    page.route(
        re.compile(r".*/roadcase-finder\.search\.[0-9a-f]{16}\.js$"),
        lambda route: route.fulfill(
            body="console.error('tampered')",
            content_type="text/javascript",
            headers={"Access-Control-Allow-Origin": "*"},
        ),
    )
    page.goto(directory)
    finder = page.locator("roadcase-finder")
    expect(crisis(page).get_by_role("heading", name="Samaritans")).to_be_visible()
    expect(finder.get_by_text("The results could not be loaded.")).to_be_visible()
    expect(finder.get_by_role("button", name="Quick exit")).to_be_visible()
    assert not any("tampered" in m.text for m in page.console_errors)


def test_an_exhausted_read_allowance_still_gets_the_crisis_block(page, directory, settings):
    settings.ROADCASE = {**settings.ROADCASE, "API_THROTTLE_READ": "1/minute"}
    page.goto(directory)
    finder = page.locator("roadcase-finder")
    expect(crisis(page).get_by_role("heading", name="Samaritans")).to_be_visible()
    expect(emergency_buttons(page)).to_have_text(["All emergencies 999", "All emergencies 112"])
    # The search was refused: it says so, and nothing says the directory is unreachable.
    expect(status(page)).to_have_text("The results could not be loaded.")
    assert UNREACHABLE not in text_of_the_finder(page)
    expect(finder.get_by_role("button", name="Quick exit")).to_be_visible()


# One list, on a phone ----------------------------------------------------------------------


def test_crisis_lines_are_listed_once(page, directory):
    open_finder(page, directory)
    finder = page.locator("roadcase-finder")
    expect(finder.get_by_role("heading", name="Samaritans")).to_have_count(1)
    expect(finder.locator('a[href="tel:116123"]')).to_have_count(1)


@pytest.mark.parametrize(
    ("country", "zone", "first_line"),
    [
        ("GB", "Europe/London", "Samaritans"),
        ("US", "America/New_York", "988 Suicide & Crisis Lifeline"),
        ("JP", "Asia/Tokyo", "Inochi no Denwa"),
        ("BR", "America/Sao_Paulo", "CVV"),
    ],
)
def test_the_first_crisis_line_is_above_the_fold_on_a_phone(
    browser, directory, country, zone, first_line
):
    page = new_page(browser, viewport={"width": 360, "height": 640}, timezone_id=zone)
    try:
        page.goto(directory)
        line = crisis(page).locator("li.card").first
        expect(line.locator("h4")).to_have_text(first_line)
        call = line.locator('a[href^="tel:"]').first
        expect(call).to_be_visible()
        box = call.bounding_box()
        assert box["y"] + box["height"] <= 640
        # Nothing (the fixed quick exit) covers it.
        assert page.evaluate(
            """([x, y]) => document.elementFromPoint(x, y).shadowRoot
                 .elementFromPoint(x, y).matches('a[href^="tel:"]')""",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        page.context.close()


# Browsers and modes --------------------------------------------------------------------------


def test_the_crisis_block_renders_without_constructable_stylesheets(browser, directory):
    # Safari 15.4 to 16.3: adoptedStyleSheets, but no CSSStyleSheet constructor.
    page = new_page(browser, bypass_csp=True)
    try:
        page.add_init_script(
            "window.CSSStyleSheet = function () { throw new TypeError('Illegal constructor'); };"
        )
        open_finder(page, directory)
        expect(emergency_buttons(page).first).to_have_text("All emergencies 999")
        shadow_styles = page.evaluate(
            """() => { const root = document.querySelector('roadcase-finder').shadowRoot;
                       const crisis = getComputedStyle(root.querySelector('.crisis'));
                       return [root.querySelectorAll('style').length,
                               root.adoptedStyleSheets.length,
                               crisis.borderInlineStartWidth]; }"""
        )
        assert shadow_styles == [1, 0, "6px"]
    finally:
        page.context.close()


def test_forced_colours_keep_states_and_emergency_buttons_distinct(browser, directory):
    page = new_page(browser)
    try:
        page.emulate_media(forced_colors="active")
        open_finder(page, directory)
        styles = page.evaluate(
            """() => {
              const root = document.querySelector('roadcase-finder').shadowRoot;
              // A closed line's dot, beside the open ones (every line here is open 24/7).
              const closed = document.createElement('p');
              closed.className = 'dot';
              root.querySelector('.crisis').append(closed);
              const css = (selector, pseudo) => {
                const s = getComputedStyle(root.querySelector(selector), pseudo);
                return [s.backgroundColor, s.color, s.borderTopWidth, s.borderTopStyle];
              };
              return {sos: css('.btn.sos'), plain: css('.btn.plain'),
                      exit: css('.exit'),
                      open: css('.crisis .dot.open', '::before'),
                      closed: css('.dot:not(.open)', '::before')};
            }"""
        )
        assert styles["sos"] != styles["plain"]
        assert styles["exit"] != styles["plain"]
        assert styles["open"][0] != styles["closed"][0]
    finally:
        page.context.close()


def test_escape_closes_the_suggestions_after_enter_and_twice_leaves(page, directory):
    open_finder(page, directory)
    search = page.get_by_role("combobox", name="Search for support")
    search.click()
    page.keyboard.type("burn")
    expect(search).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Enter")
    expect(search).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("listbox", name="Topics")).to_be_hidden()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(QUICK_EXIT_URL)


def test_escape_closes_the_open_filters_without_leaving(page, directory):
    open_finder(page, directory)
    filters = page.locator("roadcase-finder details").filter(
        has=page.locator("summary", has_text="Filters")
    )
    filters.locator("summary").click()
    expect(filters).to_have_attribute("open", "")
    page.keyboard.press("Escape")
    expect(filters).not_to_have_attribute("open", "")
    expect(filters.locator("summary")).to_be_focused()
    # The Escape that closed the filters does not count towards leaving.
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url.startswith(directory)


def test_attributes_are_observed_and_the_element_can_leave_and_return(page, directory):
    open_finder(page, directory)
    finder = page.locator("roadcase-finder")
    page.evaluate("document.querySelector('roadcase-finder').setAttribute('theme', 'dark')")
    expect(finder.locator(".rc")).to_have_class(re.compile(r"\bdark\b"))
    page.evaluate("document.querySelector('roadcase-finder').setAttribute('country', 'us')")
    expect(emergency_buttons(page)).to_have_text(["All emergencies 911"])
    page.evaluate(
        """() => { const f = document.querySelector('roadcase-finder');
                   const parent = f.parentNode; f.remove(); parent.append(f); }"""
    )
    expect(emergency_buttons(page)).to_have_text(["All emergencies 911"])
    expect(status(page)).to_have_text(re.compile(r"\d+ results?"))
    assert page.console_errors == []


# Accessibility in each of these states --------------------------------------------------------


@pytest.mark.parametrize("query", ["", "?locale=ar"])
@pytest.mark.parametrize("state", ["unregistered", "api_error", "hub_down"])
def test_axe_finds_no_violations_when_things_fail(
    browser, directory, unregistered_site, live_server, query, state
):
    page = new_page(browser, bypass_csp=True)
    try:
        site = directory
        if state == "unregistered":
            site = unregistered_site
        elif state == "api_error":
            page.route(f"{live_server.url}/api/**", lambda route: route.fulfill(status=500))
        else:
            page.route(f"{live_server.url}/**", lambda route: route.abort())
        page.goto(f"{site}/{query}")
        if state == "unregistered":
            expect(crisis(page).get_by_role("heading", name="Samaritans")).to_be_visible()
        elif state == "api_error":
            expect(page.locator("roadcase-finder").get_by_role("alert")).to_be_visible()
        else:
            expect(page.get_by_role("link", name="Find support on the hub")).to_be_visible()
        assert run_axe(page) == []
    finally:
        page.context.close()
