"""The concierge inbox in a real Chromium, as the team and their colleagues use it (issue 20,
problems 4 and 7): a colleague outside the team gets an admin page in their language saying
why; the team filters with Wagtail's filter drawer, reads a request's history in words, and
cannot miss an urgent request."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from cms.models import ConciergeStatus

from .conftest import make_request

pytestmark = pytest.mark.browser

INBOX = "/admin/concierge/"


def t(text, language):
    with translation.override(language):
        return translation.gettext(text)


@pytest.fixture
def requests_(transactional_db, partner):
    calm = make_request(message="Looking for a therapist in Lisbon.")
    urgent = make_request(message="I want to die")
    closed = make_request(message="Thanks, sorted.")
    closed.status = ConciergeStatus.CLOSED
    closed.save()
    return {"calm": calm, "urgent": urgent, "closed": closed}


def test_a_colleague_outside_the_team_is_told_why_in_their_language(admin_as, outsider, requests_):
    page = admin_as(outsider, language="ar")
    response = page.goto(page.base_url + INBOX)
    assert response.status == 403
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_contain_text(t("Permission denied", "ar"))
    message = t(
        "The concierge inbox holds health information about the people who wrote in, so only "
        "the concierge team can open it (administrators too must join the team's group).",
        "ar",
    )
    expect(page.get_by_role("alert")).to_contain_text(message)
    # The menu does not offer what they cannot open.
    expect(
        page.get_by_role("navigation").get_by_text(t("Concierge", "ar"), exact=True)
    ).to_have_count(0)
    expect(page.get_by_text("Looking for a therapist")).to_have_count(0)


def contrast(page, locator):
    """WCAG contrast ratio of an element's text against its own background."""
    return locator.evaluate(
        """(element) => {
             const rgb = (value) => value.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
             const luminance = ([r, g, b]) => {
               const [R, G, B] = [r, g, b].map((c) => {
                 c /= 255;
                 return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
               });
               return 0.2126 * R + 0.7152 * G + 0.0722 * B;
             };
             const style = getComputedStyle(element);
             const [a, b] = [luminance(rgb(style.color)), luminance(rgb(style.backgroundColor))];
             return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
           }"""
    )


def test_the_team_filters_the_inbox_reads_history_in_words_and_sees_urgency(
    admin_as, member, requests_
):
    page = admin_as(member)
    page.goto(page.base_url + INBOX)
    rows = page.locator("#listing-results tbody tr")
    expect(rows).to_have_count(2)  # open requests
    urgent_row = rows.first
    badge = urgent_row.locator(".roadcase-urgent")
    expect(badge).to_have_text("Urgent")
    expect(badge.locator("svg")).to_have_count(1)  # not colour alone
    background = badge.evaluate("e => getComputedStyle(e).backgroundColor")
    red, green, blue = map(int, re.findall(r"\d+", background)[:3])
    assert red > 150 and green < 100 and blue < 100, background
    assert contrast(page, badge) >= 4.5

    page.get_by_role("button", name="Show filters").click()
    page.locator(".w-drilldown__toggle", has_text="Status").click()
    with page.expect_response(re.compile(r"/admin/concierge/results/")):
        page.get_by_role("radio", name="Closed", exact=True).check()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(str(requests_["closed"]))

    page.goto(f"{page.base_url}{INBOX}{requests_['calm'].pk}/")
    page.get_by_label("Status").select_option("in_progress")
    page.get_by_label("Assigned to").select_option(str(member.pk))
    page.get_by_role("button", name="Save status and assignment").click()
    history = page.locator("h2", has_text="History").locator("xpath=following-sibling::ol[1]")
    expect(history).to_contain_text("Status changed: New → In progress (Ana)")
    expect(history).to_contain_text("Assigned: to Ana (Ana)")
    expect(history).not_to_contain_text("in_progress")
