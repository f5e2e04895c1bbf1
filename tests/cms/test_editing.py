"""Editing in the admin: one object per create form however its requests race; taxonomy
choices in the object's own locale; countries found by code or by name in any language; the
errors an editor sees name the real problem."""

import threading

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from cms.create_once import TOKEN_FIELD
from cms.models import Country, CreationClaim, GuidePage, Resource
from cms.viewsets import ResourceViewSet
from tests.factories import guide_index, make_guide, make_topic

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_roadcase_resource:add"


@pytest.fixture
def resource_editor(db, django_user_model):
    user = django_user_model.objects.create_user("erin", "erin@example.org", "pw")
    for codename in ("access_admin", "add_resource", "change_resource", "publish_resource"):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def resource_form_class():
    return ResourceViewSet().get_edit_handler().bind_to_model(Resource).get_form_class()


def resource_form_data(token, **fields):
    return {
        TOKEN_FIELD: token,
        "name": "Backstage Line",
        "kind": "crisis_line",
        "summary": "Someone to talk to, any hour.",
        "countries": "GB",
        "languages": "en",
        "time_zone": "Europe/London",
        "hours": "24/7",
        "cost": "free",
        "contact_points-TOTAL_FORMS": "1",
        "contact_points-INITIAL_FORMS": "0",
        "contact_points-MIN_NUM_FORMS": "0",
        "contact_points-MAX_NUM_FORMS": "1000",
        "contact_points-0-method": "phone",
        "contact_points-0-value": "116 123",
        "contact_points-0-region": "GB",
        "contact_points-0-ORDER": "1",
        **fields,
    }


def test_a_create_form_creates_one_resource_when_autosave_and_publish_race(client, resource_editor):
    client.force_login(resource_editor)
    url = reverse(ADD)
    data = resource_form_data("9c1d3f0a5b7e4c2d")
    # The autosave (a background JSON request) lands first, then the person's Publish.
    autosave = client.post(url, data, HTTP_ACCEPT="application/json")
    assert autosave.json()["success"]
    publish = client.post(url, {**data, "action-publish": "action-publish"})
    assert publish.status_code == 302
    (resource,) = Resource.objects.filter(name="Backstage Line")
    assert resource.live
    assert not resource.has_unpublished_changes
    assert [p.value for p in resource.contact_points.all()] == ["116123"]


def test_a_late_autosave_after_publish_saves_nothing(client, resource_editor):
    client.force_login(resource_editor)
    url = reverse(ADD)
    data = resource_form_data("5e2a9b8c7d6f4e3a")
    client.post(url, {**data, "action-publish": "action-publish"})
    late = client.post(url, {**data, "summary": "older text"}, HTTP_ACCEPT="application/json")
    assert late.json()["success"]
    (resource,) = Resource.objects.filter(name="Backstage Line")
    assert resource.live and not resource.has_unpublished_changes
    assert resource.summary == "Someone to talk to, any hour."


@pytest.mark.skipif(
    "sqlite" in __import__("django.conf").conf.settings.DATABASES["default"]["ENGINE"],
    reason="an in-memory SQLite test database refuses concurrent writers outright",
)
def test_concurrent_requests_of_one_form_wait_for_the_first(
    transactional_db, locales, resource_editor
):
    """Two requests at the same moment: the second waits for the first to create the object."""
    results = []

    def post(accept):
        client = Client()
        client.force_login(resource_editor)
        data = resource_form_data("aa11bb22cc33dd44")
        results.append(client.post(reverse(ADD), data, HTTP_ACCEPT=accept).status_code)

    threads = [
        threading.Thread(target=post, args=(accept,))
        for accept in ("application/json", "application/json")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [200, 200]
    assert Resource.objects.filter(name="Backstage Line").count() == 1


def test_an_invalid_first_request_lets_the_next_one_create(client, resource_editor):
    client.force_login(resource_editor)
    url = reverse(ADD)
    data = resource_form_data("0f0e0d0c0b0a0908")
    invalid = client.post(url, {**data, "hours": "Mo-Fr 17:00-09:00"})
    assert invalid.status_code == 200
    assert not CreationClaim.objects.filter(token="0f0e0d0c0b0a0908").exists()
    client.post(url, data)
    assert Resource.objects.filter(name="Backstage Line").count() == 1


def test_an_edit_form_has_no_creation_token(resource_editor):
    from tests.factories import make_resource

    form_class = resource_form_class()
    assert TOKEN_FIELD in form_class(instance=Resource(locale=Locale.get_default())).fields
    assert TOKEN_FIELD not in form_class(instance=make_resource()).fields


# --- Choices in the object's own locale --------------------------------------------------------


def test_a_guide_offers_each_topic_once_named_in_the_guides_locale(locales):
    grief = make_topic(slug="grief", name="Grief")
    sleep = make_topic(slug="sleep", name="Sleep")
    make_topic(slug="grief", name="Deuil", locale=locales["fr"]).__class__.objects.filter(
        slug="grief", locale=locales["fr"]
    ).update(translation_key=grief.translation_key)
    make_topic(slug="sleep", name="النوم", locale=locales["ar"]).__class__.objects.filter(
        slug="sleep", locale=locales["ar"]
    ).update(translation_key=sleep.translation_key)
    form_class = GuidePage.get_edit_handler().get_form_class()
    english = form_class(instance=GuidePage(locale=locales["en"]), parent_page=guide_index())
    assert [label for _value, label in english.fields["topics"].choices] == ["Grief", "Sleep"]
    french = form_class(instance=GuidePage(locale=locales["fr"]), parent_page=guide_index())
    assert [label for _value, label in french.fields["topics"].choices] == ["Deuil", "Sleep"]
    roles = [label for _value, label in french.fields["roles"].choices]
    assert "Équipes de tournée" in roles or "Touring crew" not in roles


def test_a_resources_topics_are_the_default_locales_named_in_its_own(locales):
    make_topic(slug="grief", name="Grief")
    make_topic(slug="grief", name="Deuil", locale=locales["fr"])
    form = resource_form_class()(instance=Resource(locale=locales["en"]))
    assert [label for _value, label in form.fields["topics"].choices] == ["Grief"]


def test_a_guide_translation_keeps_its_sources_topics(locales):
    grief = make_topic(slug="grief", name="Grief")
    guide = make_guide(title="Sleep on tour")
    guide.topics = [grief]
    guide.save_revision().publish()
    assert list(GuidePage.objects.get(pk=guide.pk).topics.all()) == [grief]


# --- Countries ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["United Kingdom", "GB", "gbr", "Royaume-Uni", "イギリス", "المملكة المتحدة", "UK"]
)
def test_the_country_chooser_finds_a_country_by_code_or_name(admin_client, query):
    response = admin_client.get(
        reverse("wagtailsnippetchoosers_roadcase_country:choose_results"), {"q": query}
    )
    assert response.status_code == 200
    assert "United Kingdom (GB)" in response.content.decode(), query


def test_directory_countries_finds_japan_by_its_french_name(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_roadcase_country:list"), {"q": "Japon"})
    assert [c.code for c in response.context["object_list"]] == ["JP"]


def test_every_country_carries_its_names_for_search():
    japan = Country.objects.get(code="JP")
    assert {"JP", "JPN", "Japan", "Japon", "日本", "اليابان"} <= set(japan.search_names.split("\n"))
