"""Editing in a real Chromium, as an editor works (issue 20, problems 2, 3, 5, 6 and 7): one
resource however fast Publish follows typing, choices in the object's own locale, countries
found by name, errors that name the real problem, the calendar in each item's own time zone,
and screens in the editor's language."""

import contextlib
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission
from django.utils import translation
from playwright.sync_api import expect

from cms.models import EventPage, Resource, Topic
from cms.services import translation_apply
from tests.factories import event_index, guide_index, make_event, make_topic

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("wagtail_tree")]

ADD_RESOURCE = "/admin/snippets/roadcase/resource/add/"


def t(text, language):
    with translation.override(language):
        return translation.gettext(text)


@pytest.fixture
def editor_user(transactional_db, wagtail_tree, django_user_model):
    """An editor of the directory and of pages (Wagtail's own permissions)."""
    from wagtail.models import GroupPagePermission

    user = django_user_model.objects.create_user("erin", "erin@example.org", "pw")
    for codename in (
        "access_admin",
        "add_resource",
        "change_resource",
        "publish_resource",
        "change_country",
    ):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    from django.contrib.auth.models import Group

    group = Group.objects.create(name="Page editors")
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=wagtail_tree,
            permission=Permission.objects.get(codename=codename),
        )
    user.groups.add(group)
    return user


def fill_new_crisis_line(page, *, summary, phone, hours):
    """Type a new crisis line into the resource form, field by field, at a person's pace
    (Wagtail starts watching the form for changes a moment after it loads)."""
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)
    page.locator("input[name='name']").press_sequentially("Backstage Line", delay=20)
    page.locator("select[name='kind']").select_option("crisis_line")
    page.locator("input[name='summary']").press_sequentially(summary, delay=20)
    page.locator("input[name='countries']").fill("GB")
    page.locator("input[name='languages']").fill("en")
    page.locator("#id_contact_points-ADD").click()
    page.locator("select[name='contact_points-0-method']").select_option("phone")
    page.locator("input[name='contact_points-0-value']").fill(phone)
    page.locator("input[name='contact_points-0-region']").fill("GB")
    page.locator("input[name='time_zone']").fill("Europe/London")
    page.locator("input[name='hours']").fill(hours)


def publish(page):
    page.locator("footer .w-dropdown__toggle").click()
    page.locator("button[name='action-publish']").click()


# --- Problem 5: no duplicate draft -------------------------------------------------------------


def test_publishing_right_after_typing_makes_one_resource(admin_as, editor_user):
    """Wagtail autosaves the new resource in the background; its answer is slow to come back
    (held here), so the form still points at "add" when the editor presses Publish."""
    page = admin_as(editor_user)
    held = []

    def hold_autosave_answers(route):
        request = route.request
        if request.method == "POST" and "application/json" in request.headers.get("accept", ""):
            held.append((route, route.fetch()))  # the server has it; the browser waits
        else:
            route.continue_()

    page.route(re.compile(re.escape(ADD_RESOURCE)), hold_autosave_answers)
    page.goto(page.base_url + ADD_RESOURCE)
    fill_new_crisis_line(
        page, summary="Someone to talk to, any hour.", phone="116 123", hours="24/7"
    )
    for _attempt in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "Wagtail's autosave did not run"
    assert Resource.objects.filter(name="Backstage Line").count() == 1  # the autosaved draft

    with page.expect_navigation():
        publish(page)
    for route, response in held:
        with contextlib.suppress(Exception):  # the page has moved on; nobody waits for it
            route.fulfill(response=response)
    expect(page.get_by_text("Backstage Line").first).to_be_visible()

    (resource,) = Resource.objects.filter(name="Backstage Line")
    assert resource.live
    assert not resource.has_unpublished_changes
    assert [p.value for p in resource.contact_points.all()] == ["116123"]


# --- Problem 6: errors that name the real problem ---------------------------------------------


def test_an_invalid_phone_number_shows_its_own_error_and_hours_errors_quote_the_typing(
    admin_as, editor_user
):
    page = admin_as(editor_user, language="fr")
    page.goto(page.base_url + ADD_RESOURCE)
    fill_new_crisis_line(
        page, summary="Quelqu'un à qui parler.", phone="call us", hours="Mo-Fr 18:00 - 09:00"
    )
    publish(page)

    contact_value = page.locator("[data-contentpath='value']").first
    expect(contact_value.locator(".error-message, [data-field-errors] *").first).to_be_visible()
    missing = t("A crisis line or helpline needs at least one contact point.", "fr")
    expect(page.get_by_text(missing)).to_have_count(0)
    hours_error = t(
        "“%(span)s” closes before it opens; write an overnight span as two, "
        "e.g. “Mo 22:00-24:00; Tu 00:00-02:00”.",
        "fr",
    ) % {"span": "18:00 - 09:00"}
    expect(page.get_by_text(hours_error)).to_be_visible()
    assert not Resource.objects.exists()


# --- Problem 2: topics in the page's own locale ------------------------------------------------


def test_a_new_guide_offers_each_topic_once_in_the_guides_locale(admin_as, editor_user, locales):
    for slug, english, french, arabic in [
        ("sleep", "Sleep", "Sommeil", "النوم"),
        ("grief", "Grief and loss", "Deuil", "الحزن والفقد"),
    ]:
        topic = make_topic(slug=slug, name=english)
        translation_apply(instance=topic, locale=locales["fr"], strings={english: french})
        translation_apply(instance=topic, locale=locales["ar"], strings={english: arabic})
    assert Topic.objects.count() == 6
    english_index = guide_index()
    french_index = translation_apply(instance=english_index, locale=locales["fr"], strings={})

    page = admin_as(editor_user)
    page.goto(f"{page.base_url}/admin/pages/add/roadcase/guidepage/{english_index.pk}/")
    topics = page.locator("input[name='topics']")
    expect(topics).to_have_count(2)
    labels = page.locator("label", has=page.locator("input[name='topics']"))
    expect(labels).to_have_text(["Grief and loss", "Sleep"])
    expect(page.get_by_text("النوم")).to_have_count(0)

    page.goto(f"{page.base_url}/admin/pages/add/roadcase/guidepage/{french_index.pk}/")
    expect(page.locator("input[name='topics']")).to_have_count(2)
    expect(page.locator("label", has=page.locator("input[name='topics']"))).to_have_text(
        ["Deuil", "Sommeil"]
    )


# --- Problem 3: countries found by code or name ------------------------------------------------


def test_the_country_chooser_finds_countries_by_name_and_code(admin_as, editor_user):
    page = admin_as(editor_user)
    page.goto(f"{page.base_url}/admin/pages/add/roadcase/eventpage/{event_index().pk}/")
    page.get_by_role("button", name="Choose country").click()
    search = page.locator(".modal-dialog input[name='q']")
    for typed, found in [
        ("United Kingdom", "United Kingdom (GB)"),
        ("GB", "United Kingdom (GB)"),
        ("France", "France (FR)"),
        ("Japan", "Japan (JP)"),
    ]:
        search.fill(typed)
        expect(page.locator(".modal-dialog").get_by_role("link", name=found)).to_be_visible()
    page.locator(".modal-dialog").get_by_role("link", name="Japan (JP)").click()
    expect(page.get_by_text("Japan (JP)").first).to_be_visible()

    page.goto(f"{page.base_url}/admin/snippets/roadcase/country/")
    page.locator("#id_q").press_sequentially("Royaume-Uni", delay=20)
    expect(page.get_by_role("link", name="United Kingdom (GB)")).to_be_visible()
    expect(page.locator("#listing-results tbody tr")).to_have_count(1)


# --- Problem 7: the calendar and the admin in the editor's language ----------------------------


def test_the_calendar_shows_the_nashville_supper_on_its_own_evening(admin_as, editor_user):
    supper = make_event(title="Songwriters' Supper in Nashville", city="Nashville")
    chicago = ZoneInfo("America/Chicago")
    supper.time_zone = "America/Chicago"
    supper.starts_at = datetime(2026, 12, 14, 18, 30, tzinfo=chicago)  # 00:30 UTC on the 15th
    supper.ends_at = datetime(2026, 12, 14, 21, 30, tzinfo=chicago)
    supper.save_revision().publish()
    assert EventPage.objects.get(pk=supper.pk).starts_at.astimezone(ZoneInfo("UTC")).day == 15

    page = admin_as(editor_user)
    page.goto(f"{page.base_url}/admin/roadcase/calendar/?date=2026-12-01")
    day_14 = page.locator("td", has=page.locator("time[datetime='2026-12-14']"))
    expect(day_14).to_contain_text("Songwriters' Supper in Nashville")
    expect(day_14.locator("li")).to_contain_text(re.compile(r"6:30\sPM\s+CST"))
    day_15 = page.locator("td", has=page.locator("time[datetime='2026-12-15']"))
    expect(day_15).not_to_contain_text("Nashville")

    arabic = admin_as(editor_user, language="ar")
    arabic.goto(f"{arabic.base_url}/admin/roadcase/calendar/?date=2026-12-01")
    expect(arabic.locator("html")).to_have_attribute("dir", "rtl")
    expect(arabic.locator("h1")).to_contain_text("ديسمبر")
    expect(arabic.locator("table.roadcase-calendar thead")).not_to_contain_text("Mon")
    expect(arabic.locator("abbr", has_text="CST")).to_be_visible()


def test_snippet_choosers_speak_each_editors_language(admin_as, editor_user, django_user_model):
    english = admin_as(editor_user)
    english.goto(english.base_url + ADD_RESOURCE)
    expect(english.get_by_role("button", name="Choose organisation")).to_be_visible()

    colleague = django_user_model.objects.create_user("noor", "noor@example.org", "pw")
    colleague.user_permissions.set(editor_user.user_permissions.all())
    french = admin_as(colleague, language="fr")
    french.goto(french.base_url + ADD_RESOURCE)
    choose = t("Choose %(object)s", "fr") % {"object": t("organisation", "fr")}
    expect(french.get_by_role("button", name=choose)).to_be_visible()
    expect(french.get_by_role("button", name="Choose organisation")).to_have_count(0)


def test_roadcase_screens_are_named_in_their_header(admin_as, admin_user):
    """Each screen's header names it (Wagtail's breadcrumbs), not just "Home"."""
    from django.urls import reverse

    page = admin_as(admin_user)
    for name, title in [
        ("roadcase_localization:queue", "Translation queue"),
        ("roadcase_localization:dashboard", "Translation dashboard"),
        ("roadcase_localization:po_export", "Export PO"),
        ("roadcase_localization:po_import", "Import PO"),
        ("roadcase_verification:report", "Verification due"),
        ("roadcase_import", "Import resources"),
    ]:
        page.goto(page.base_url + reverse(name))
        breadcrumbs = page.locator("[data-controller='w-breadcrumbs']")
        expect(breadcrumbs).to_contain_text(title)
        expect(page).to_have_title(re.compile(re.escape(title)))


def test_the_organisation_chooser_offers_the_resources_own_locale(admin_as, editor_user, locales):
    from tests.factories import make_organisation

    samaritans = make_organisation(slug="samaritans", name="Samaritans")
    translation_apply(
        instance=samaritans, locale=locales["fr"], strings={"Samaritans": "Les Samaritains"}
    )
    page = admin_as(editor_user)
    page.goto(f"{page.base_url}{ADD_RESOURCE}?locale=fr")
    page.get_by_role("button", name="Choose organisation").click()
    modal = page.locator(".modal-dialog")
    expect(modal.get_by_role("link", name="Les Samaritains")).to_be_visible()
    expect(modal.get_by_role("link", name="Samaritans", exact=True)).to_have_count(0)
