"""Inputs that once made the API fail answer a 4xx in the API's JSON error shape instead."""

import json

import pytest
from rest_framework.test import APIClient

from tests.api.factories import make_guide, make_partner

CONCIERGE = "/api/v1/concierge-requests/"
NESTED = "[" * 100_000 + "]" * 100_000


def test_deeply_nested_json_without_an_origin_is_refused_before_it_is_parsed(api):
    response = api.post(CONCIERGE, NESTED, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["detail"]


def test_deeply_nested_json_from_a_partner_is_a_400_naming_the_body(api):
    make_partner(origins=["https://partner.example"])
    response = APIClient(HTTP_ORIGIN="https://partner.example").post(
        CONCIERGE, NESTED, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["errors"]["body"]["message"]


def test_malformed_json_is_a_400_with_the_errors_map(api):
    make_partner(origins=["https://partner.example"])
    response = APIClient(HTTP_ORIGIN="https://partner.example").post(
        CONCIERGE, '{"email": ', content_type="application/json"
    )
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] and body["errors"]["body"]["message"]


def test_a_nul_in_a_guide_slug_is_not_found(api):
    make_guide()
    response = api.get("/api/v1/guides/a%00b/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("path", ["/api/v1/events/", "/api/v1/events.ics"])
@pytest.mark.parametrize("name", ["from", "to"])
def test_the_last_day_of_the_calendar_is_a_400_naming_the_parameter(api, path, name):
    response = api.get(path, {name: "9999-12-31"})
    assert response.status_code == 400
    assert name in response.json()["errors"]
    assert api.get(path, {name: "9999-12-30"}).status_code == 200


def test_a_body_too_large_is_a_413_naming_the_body(api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    make_partner(origins=["https://partner.example"])
    response = APIClient(HTTP_ORIGIN="https://partner.example").post(
        CONCIERGE, json.dumps({"message": "x" * 5000}), content_type="application/json"
    )
    assert response.status_code == 413
    assert response.json()["errors"]["body"]["message"]


@pytest.mark.parametrize(
    ("path", "status"),
    [("/api/hsds/nope", 404), ("/api/hsds/nope/", 404), ("/api/v2/", 404), ("/api/", 404)],
)
def test_unknown_api_paths_are_json_404s_without_a_redirect(api, path, status):
    response = api.get(path)
    assert response.status_code == status
    assert response.json()["detail"]


def test_errors_django_answers_itself_are_json_on_api_paths(settings):
    settings.ALLOWED_HOSTS = ["hub.example"]
    client = APIClient(raise_request_exception=False)
    response = client.get("/api/v1/locales/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response.json() == {"detail": "Bad Request"}
    # Outside the API, Django's own pages are left alone.
    page = client.get("/", HTTP_HOST="evil.example")
    assert page.status_code == 400 and "json" not in page["Content-Type"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/hsds/services/a%00b",
        "/api/hsds/organizations/a%00b",
        "/api/hsds/taxonomies/a%00b",
        "/api/hsds/taxonomy_terms/a%00b",
        "/api/v1/resources/?q=a%00b",
        "/api/v1/events/?city=a%00b",
    ],
)
def test_a_nul_anywhere_is_a_4xx_json(api, path):
    response = api.get(path)
    assert 400 <= response.status_code < 500
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("path", ["/api/v1/locales/?format=x", "/api/v1/topics/?format=api"])
def test_format_is_an_unknown_parameter_not_a_404(api, path):
    response = api.get(path, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


def test_an_error_is_json_whatever_the_client_accepts(api):
    response = api.get("/api/v1/resources/?country=XX", HTTP_ACCEPT="text/html")
    assert response.status_code == 400
    assert "country" in response.json()["errors"]
