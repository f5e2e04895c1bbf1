"""The admin: every list and edit screen answers an editor, and turns anonymous users away."""

import pytest
from django.urls import reverse

from cms.models import Country, Partner
from tests.factories import make_event, make_organisation, make_resource, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(db):
    resource = make_resource()
    return {
        "resource": resource,
        "organisation": make_organisation(),
        "topic": make_topic(),
        "country": Country.objects.get(code="GB"),
        "partner": Partner.objects.create(
            name="Festival", slug="festival", allowed_origins="https://festival.example"
        ),
        "event": make_event(),
    }


def snippet_urls(content):
    urls = []
    for name in ("resource", "organisation", "topic", "country", "partner"):
        instance = content[name]
        prefix = f"wagtailsnippets_roadcase_{name}"
        urls += [
            reverse(f"{prefix}:list"),
            reverse(f"{prefix}:add") if name != "country" else None,
            reverse(f"{prefix}:edit", args=[instance.pk]),
        ]
    return [url for url in urls if url]


def page_urls(content):
    event = content["event"]
    return [
        reverse("wagtailadmin_pages:edit", args=[event.pk]),
        reverse("wagtailadmin_explore", args=[event.get_parent().pk]),
    ]


def test_every_admin_screen_answers_an_editor(client, editor, content):
    client.force_login(editor)
    for url in [*snippet_urls(content), *page_urls(content)]:
        response = client.get(url)
        assert response.status_code == 200, url


def test_anonymous_users_are_sent_to_log_in(client, content):
    for url in [*snippet_urls(content), *page_urls(content)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert reverse("wagtailadmin_login") in response["Location"]


def test_a_user_without_admin_access_is_refused(client, django_user_model, content):
    client.force_login(django_user_model.objects.create_user("visitor", password="pw"))
    response = client.get(reverse("wagtailsnippets_roadcase_resource:list"))
    assert response.status_code in (302, 403)


def test_resource_list_filters_by_kind_country_and_verification(client, editor, content):
    make_resource(
        name="Podcast",
        kind="media",
        hours="",
        countries=("US",),
        contact_points=(("web", "https://example.org/podcast", ""),),
    )
    client.force_login(editor)
    url = reverse("wagtailsnippets_roadcase_resource:list")
    assert b"Podcast" in client.get(url, {"kind": "media"}).content
    assert b"Podcast" not in client.get(url, {"kind": "crisis_line"}).content
    assert b"Podcast" not in client.get(url, {"country": "GB"}).content
    assert b"Samaritans" in client.get(url, {"verification": "current"}).content
    assert b"Samaritans" not in client.get(url, {"verification": "overdue"}).content


def resource_form(**overrides):
    data = {
        "name": "Lifeline",
        "kind": "crisis_line",
        "summary": "Crisis support, any time.",
        "countries": "AU",
        "languages": "en",
        "time_zone": "Australia/Sydney",
        "hours": "24/7",
        "cost": "free",
        "contact_points-TOTAL_FORMS": "1",
        "contact_points-INITIAL_FORMS": "0",
        "contact_points-MIN_NUM_FORMS": "0",
        "contact_points-MAX_NUM_FORMS": "1000",
        "contact_points-0-method": "phone",
        "contact_points-0-value": "13 11 14",
        "contact_points-0-region": "AU",
        "contact_points-0-label": "Call",
        "contact_points-0-hours": "",
        "contact_points-0-ORDER": "1",
        "contact_points-0-DELETE": "",
        "action-publish": "publish",
    }
    data.update(overrides)
    return data


def test_an_editor_adds_and_publishes_a_crisis_line(client, editor):
    from cms.models import Resource

    client.force_login(editor)
    response = client.post(reverse("wagtailsnippets_roadcase_resource:add"), resource_form())
    assert response.status_code == 302, response.context["form"].errors
    resource = Resource.objects.get(name="Lifeline")
    assert resource.live
    # 13 11 14 has no international form: kept as dialled in Australia.
    assert resource.contact_points.get().value == "131114"
    assert list(resource.countries.values_list("code", flat=True)) == ["AU"]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"countries": "AU, XX"}, "countries", "'XX' is not an ISO 3166-1"),
        ({"languages": "klingon"}, "languages", "BCP 47"),
        ({"hours": "Mo 18:00-09:00"}, "hours", "closes before it opens"),
        ({"contact_points-TOTAL_FORMS": "0"}, None, "at least one contact point"),
    ],
)
def test_the_admin_form_names_what_is_wrong(client, editor, overrides, field, message):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_roadcase_resource:add"), resource_form(**overrides)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in " ".join(errors.get(field or "__all__", [])), errors


def test_a_bad_phone_number_is_reported_on_its_contact_point(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_roadcase_resource:add"),
        resource_form(**{"contact_points-0-value": "12"}),
    )
    assert response.status_code == 200
    formset = response.context["form"].formsets["contact_points"]
    assert "neither a valid phone number nor a known short number" in str(
        formset.forms[0].errors["value"]
    )


def test_a_partners_page_shows_its_embed_code(client, editor, content):
    client.force_login(editor)
    partner = content["partner"]
    response = client.get(reverse("wagtailsnippets_roadcase_partner:edit", args=[partner.pk]))
    html = response.content.decode()
    assert "&lt;roadcase-finder partner=&quot;festival&quot;" in html
    assert "/widget/v1/roadcase-finder" in html
    assert "&lt;link rel=&quot;preconnect&quot;" in html  # and the fallback inside the element
    assert "&lt;/roadcase-finder&gt;" in html and "&lt;h2&gt;" in html
