"""The concierge form inside the widget (issue 7) and when results were last checked (issue 8),
in Chromium on the partner's page, posting cross-origin to the live hub (see conftest.py).
"""

import re
from datetime import date

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from cms.models import ConciergeRequest
from tests.factories import make_resource

from .browser import ACTIVE, STORAGE, open_finder, run_axe, widget_string

pytestmark = pytest.mark.browser

SECTION = "roadcase-finder section[aria-labelledby=rc-cq]"
NOT_AN_EMERGENCY = "The concierge is not an emergency service."


@pytest.fixture(autouse=True)
def concierge_settings(settings):
    """Throttles out of the way (one test lowers them) and fresh throttle counters."""
    settings.ROADCASE = {
        **getattr(settings, "ROADCASE", {}),
        "API_THROTTLE_WRITE": "10000/minute",
        "CONCIERGE_THROTTLE": "10000/hour",
    }
    cache.clear()
    yield settings
    cache.clear()


def open_concierge(page, url, language="en"):
    open_finder(page, url)
    page.locator(SECTION).get_by_text(widget_string("concierge_open", language)).click()
    concierge = page.locator(SECTION)
    expect(concierge.locator("form")).to_be_visible()
    return concierge


def fill_valid(concierge):
    concierge.get_by_label("Your email").fill("sam@example.org")
    concierge.get_by_label("Phone (optional)").fill("020 7946 0000")
    concierge.get_by_label("Your role (optional)").select_option("crew")
    concierge.get_by_label("What do you need help with?").fill("A counsellor near Leeds, please.")
    concierge.get_by_label(re.compile("^I agree")).check()


def test_sending_shows_the_safety_information_and_clears_the_form(page, directory):
    concierge = open_concierge(page, directory)
    safety = concierge.locator(".crisis")
    expect(safety).to_contain_text(NOT_AN_EMERGENCY)
    expect(safety.get_by_role("link", name="All emergencies 999")).to_have_attribute(
        "href", "tel:999"
    )
    expect(safety.get_by_role("heading", name="Samaritans")).to_be_visible()
    # Prefilled from the widget's state, and changeable: the safety block follows the country.
    country = concierge.get_by_label("Where you are")
    expect(country).to_have_value("GB")
    expect(concierge.get_by_label("Language for our reply")).to_have_value("en")
    country.select_option("US")
    expect(safety.get_by_role("link", name="All emergencies 911")).to_be_visible()
    country.select_option("GB")

    fill_valid(concierge)
    # Replies in Spanish: the hub's answer, shown as it comes, is in Spanish too.
    concierge.get_by_label("Language for our reply").select_option("es")
    concierge.get_by_role("button", name="Send").click()

    thanks = concierge.get_by_text("Gracias. Una persona del equipo concierge")
    expect(thanks).to_be_focused()
    expect(safety).to_contain_text("El concierge no es un servicio de emergencia.")
    expect(safety).to_contain_text("Reino Unido")
    expect(safety.get_by_role("link", name="Todas las emergencias 999")).to_be_visible()
    expect(safety.get_by_role("heading", name="Samaritans")).to_be_visible()

    stored = ConciergeRequest.objects.get()
    assert (stored.email, stored.phone, stored.country, stored.locale, stored.role) == (
        "sam@example.org",
        "+442079460000",
        "GB",
        "es",
        "crew",
    )
    assert stored.message == "A counsellor near Leeds, please."
    assert stored.partner.slug == "demo-festival"

    # The form starts over, empty, and nothing typed was kept anywhere.
    for label in ("Your email", "Phone (optional)", "What do you need help with?"):
        expect(concierge.get_by_label(label)).to_have_value("")
    expect(concierge.get_by_label("Your role (optional)")).to_have_value("")
    expect(concierge.get_by_label(re.compile("^I agree"))).not_to_be_checked()
    expect(concierge.get_by_label("Language for our reply")).to_have_value("en")
    assert page.context.cookies() == []
    assert page.evaluate(STORAGE) == [0, 0, 0, 0]
    assert page.evaluate("window.__cspViolations") == []


def test_an_empty_form_names_each_field_and_stores_nothing(page, directory):
    concierge = open_concierge(page, directory)
    before = ConciergeRequest.objects.count()
    concierge.get_by_label("Where you are").select_option("")
    concierge.get_by_role("button", name="Send").click()

    summary = concierge.get_by_role("alert")
    expect(summary).to_contain_text("Some fields are not valid.")
    invalid = {
        "Your email": None,
        "Where you are": None,
        "What do you need help with?": None,
        re.compile("^I agree"): "Tick this box so that we may reply to you.",
    }
    for label, message in invalid.items():
        field = concierge.get_by_label(label)
        expect(field).to_have_attribute("aria-invalid", "true")
        described = field.get_attribute("aria-describedby")
        error = concierge.locator(f"#{described}")
        expect(error).to_be_visible()
        expect(error).to_have_text(message or re.compile(r"\S"))
        expect(summary).to_contain_text(error.inner_text())
    for label in ("Phone (optional)", "Language for our reply", "Your role (optional)"):
        expect(concierge.get_by_label(label)).not_to_have_attribute("aria-invalid", "true")
    expect(concierge.get_by_label("Your email")).to_be_focused()
    assert ConciergeRequest.objects.count() == before

    # Fixing a field clears its error on the next try.
    concierge.get_by_label("Your email").fill("sam@example.org")
    concierge.get_by_role("button", name="Send").click()
    expect(concierge.get_by_label("Where you are")).to_be_focused()
    expect(concierge.get_by_label("Your email")).not_to_have_attribute("aria-invalid", "true")
    expect(concierge.locator(".field .err")).to_have_count(3)
    assert ConciergeRequest.objects.count() == before


def test_a_refusal_or_no_network_keeps_what_was_typed(page, directory, settings, live_server):
    settings.ROADCASE = {**settings.ROADCASE, "CONCIERGE_THROTTLE": "0/hour"}
    concierge = open_concierge(page, directory)
    fill_valid(concierge)
    failed = widget_string("send_failed", "en")

    with page.expect_response(re.compile("concierge-requests")) as refused:
        concierge.get_by_role("button", name="Send").click()
    assert refused.value.status == 429
    expect(concierge.get_by_role("alert")).to_have_text(failed)

    page.route(f"{live_server.url}/api/v1/concierge-requests/", lambda route: route.abort())
    with page.expect_event("requestfailed"):
        concierge.get_by_role("button", name="Send").click()
    expect(concierge.get_by_role("alert")).to_have_text(failed)

    expect(concierge.get_by_label("Your email")).to_have_value("sam@example.org")
    expect(concierge.get_by_label("What do you need help with?")).to_have_value(
        "A counsellor near Leeds, please."
    )
    expect(concierge.get_by_label(re.compile("^I agree"))).to_be_checked()
    assert ConciergeRequest.objects.count() == 0
    assert page.evaluate(STORAGE) == [0, 0, 0, 0]


def test_what_was_typed_survives_a_change_of_language(page, directory):
    concierge = open_concierge(page, directory)
    concierge.get_by_label("Your email").fill("sam@example.org")
    concierge.get_by_label("What do you need help with?").fill("Un conseiller, s'il vous plaît.")
    concierge.get_by_label(re.compile("^I agree")).check()
    page.locator("roadcase-finder").get_by_label("Language", exact=True).select_option("fr")
    expect(concierge.locator("summary")).to_have_text(widget_string("concierge_open", "fr"))
    expect(concierge.get_by_label("Votre e-mail")).to_have_value("sam@example.org")
    expect(concierge.locator("textarea")).to_have_value("Un conseiller, s'il vous plaît.")
    expect(concierge.locator("[name=consent]")).to_be_checked()
    # Untouched, the reply's language follows the widget's.
    expect(concierge.locator("[name=language]")).to_have_value("fr")
    assert page.evaluate(STORAGE) == [0, 0, 0, 0]


def test_the_honeypot_is_out_of_reach_for_people(page, directory):
    concierge = open_concierge(page, directory)
    honeypot = concierge.locator("input[name=website]")
    expect(honeypot).to_have_attribute("tabindex", "-1")
    assert honeypot.evaluate("(input) => input.closest('[aria-hidden=true]') !== null")
    # Clipped to a 1-pixel box that hides its overflow: nothing of it shows.
    box = honeypot.locator("xpath=..").bounding_box()
    assert box["width"] <= 1 and box["height"] <= 1
    # Not in the accessibility tree: only the three visible text boxes are.
    expect(concierge.get_by_role("textbox")).to_have_count(3)

    concierge.get_by_label("Your email").focus()
    reached = []
    for _ in range(7):
        page.keyboard.press("Tab")
        reached.append(page.evaluate(f"{ACTIVE}.name || {ACTIVE}.tagName"))
    assert reached == ["phone", "country", "language", "role", "message", "consent", "BUTTON"]


def test_keyboard_only_completion(page, directory):
    open_finder(page, directory)
    for _ in range(150):
        page.keyboard.press("Tab")
        if page.evaluate(f"{ACTIVE}?.textContent") == widget_string("concierge_open", "en"):
            break
    else:
        pytest.fail("Tab never reached the concierge")
    page.keyboard.press("Enter")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate(f"{ACTIVE}?.name") == "email":
            break
    else:
        pytest.fail("Tab never reached the email field")

    page.keyboard.type("sam@example.org")
    order = []
    for _ in range(6):
        page.keyboard.press("Tab")
        order.append(page.evaluate(f"{ACTIVE}.name"))
        if order[-1] == "message":
            page.keyboard.type("Help finding a therapist.")
        if order[-1] == "consent":
            page.keyboard.press("Space")
    assert order == ["phone", "country", "language", "role", "message", "consent"]
    page.keyboard.press("Tab")
    assert page.evaluate(f"{ACTIVE}.textContent") == "Send"
    page.keyboard.press("Enter")

    concierge = page.locator(SECTION)
    expect(concierge.get_by_text("Thank you. A member of the concierge team")).to_be_focused()
    assert ConciergeRequest.objects.count() == 1


@pytest.mark.parametrize("language", ["en", "ar"])
def test_axe_finds_no_violations_with_the_form_open(browser, directory, language):
    # axe is injected as a script of the test's own, so this context sets the page's CSP aside.
    context = browser.new_context(bypass_csp=True, locale="en-GB", timezone_id="Europe/London")
    page = context.new_page()
    try:
        query = "" if language == "en" else f"?locale={language}"
        concierge = open_concierge(page, f"{directory}/{query}", language)
        expect(concierge.locator(".crisis a").first).to_be_visible()
        assert run_axe(page) == []
        concierge.locator("[type=submit]").click()
        expect(concierge.locator("[aria-invalid=true]").first).to_be_focused()
        assert run_axe(page) == []
    finally:
        context.close()


def test_results_and_detail_say_when_a_line_was_last_checked(page, directory):
    # Peer support, not helplines: 24/7 helplines are in the crisis block, not the results.
    make_resource(name="Backstage Helpline", kind="peer_support", last_verified=date(2026, 10, 3))
    make_resource(name="Backstage Unchecked", kind="peer_support", last_verified=None)
    open_finder(page, directory)
    finder = page.locator("roadcase-finder")
    page.get_by_role("combobox", name="Search for support").fill("backstage")
    results = finder.locator("section[aria-labelledby='rc-find']")
    checked = results.locator("li.card", has_text="Backstage Helpline")
    expect(checked).to_contain_text("Last checked 3 Oct 2026")
    expect(results.locator("li.card", has_text="Backstage Unchecked")).not_to_contain_text(
        "Last checked"
    )
    results.get_by_role("button", name="Backstage Helpline").click()
    expect(finder.get_by_role("heading", name="Backstage Helpline", level=3)).to_be_focused()
    detail = finder.locator("p:has-text('Last checked') >> visible=true")
    expect(detail).to_have_text("Last checked 3 Oct 2026")


def test_a_hub_without_a_concierge_key_shows_no_form_but_every_crisis_line(
    page, directory, settings
):
    # Issue 23: the concierge cannot store requests without its key; the hub says so in the
    # widget's configuration and the widget offers no form that could only fail.
    settings.ROADCASE_CONCIERGE_KEY = ""
    open_finder(page, directory)
    finder = page.locator("roadcase-finder")
    expect(finder.get_by_role("link", name="All emergencies 999").first).to_be_visible()
    expect(finder.get_by_role("heading", name="Samaritans").first).to_be_visible()
    expect(page.locator(SECTION)).to_have_count(0)
    expect(finder.locator("form input[name=email]")).to_have_count(0)
    assert page.evaluate("window.__cspViolations") == []


def test_a_concierge_that_stops_taking_requests_replaces_the_form_with_the_hubs_answer(
    page, directory, settings
):
    concierge = open_concierge(page, directory)
    fill_valid(concierge)
    settings.ROADCASE_CONCIERGE_KEY = ""  # the hub's key is gone since the widget started
    with page.expect_response(re.compile("concierge-requests")) as answer:
        concierge.get_by_role("button", name="Send").click()
    assert answer.value.status == 503
    said = concierge.get_by_text("The concierge cannot take requests on this hub yet.")
    expect(said).to_be_focused()
    expect(concierge.locator("form")).to_have_count(0)
    safety = concierge.locator(".crisis")
    expect(safety).to_contain_text(NOT_AN_EMERGENCY)
    expect(safety.get_by_role("link", name="All emergencies 999")).to_be_visible()
    expect(safety.get_by_role("heading", name="Samaritans")).to_be_visible()
    assert ConciergeRequest.objects.count() == 0
