"""The HSDS API's read endpoints under /api/hsds/, checked against the HSDS OpenAPI document
(paths, parameters, the Page envelope) and the object schemas."""

import json
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.cache import cache
from rest_framework.test import APIClient

from cms.hsds.mapping import audience_term, kind_term, stable_id

from .conftest import HSDS_DATA

pytestmark = pytest.mark.django_db
OPENAPI = json.loads((HSDS_DATA / "schema" / "openapi.json").read_text(encoding="utf-8"))
PAGE_KEYS = set(OPENAPI["components"]["schemas"]["Page"]["properties"]) | {"contents"}


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    settings.ROADCASE = {"API_THROTTLE_READ": "10000/minute"}
    cache.clear()


def get(path, **params):
    response = APIClient().get(f"/api/hsds{path}", params)
    assert response.status_code == 200, response.content
    return response.json()


def names(page):
    return [item["name"] for item in page["contents"]]


def test_the_read_paths_of_the_openapi_document_are_served(directory):
    served = {"/", "/services", "/services/{id}", "/organizations", "/organizations/{id}"}
    served |= {"/taxonomies", "/taxonomies/{id}", "/taxonomy_terms", "/taxonomy_terms/{id}"}
    assert served <= set(OPENAPI["paths"])
    assert get("/")["version"] == "3.0"
    for path in sorted(p for p in served if "{" not in p and p != "/"):
        assert set(get(path)) == PAGE_KEYS


def test_services_list_pages_and_details_validate(directory, hsds_validator):
    page = get("/services", per_page=2)
    assert (page["total_items"], page["total_pages"], page["size"]) == (3, 2, 2)
    assert (page["first_page"], page["last_page"], page["empty"]) == (True, False, False)
    assert names(page) == ["Backline care", "Night line"]
    assert "phones" not in page["contents"][0]  # lists carry one-to-one fields only
    assert names(get("/services", per_page=2, page=2)) == ["Samaritans"]
    for item in get("/services", full="true")["contents"]:
        hsds_validator(item, "service")
        detail = get(f"/services/{item['id']}")
        hsds_validator(detail, "service")
        assert detail == item
    backline = get("/services", full="true", search="backline")["contents"][0]
    assert backline["organization"]["name"] == "Backline"


def test_services_filters(directory):
    assert names(get("/services", search="night")) == ["Night line"]
    assert names(get("/services", taxonomy_term_id=kind_term("therapy")["id"])) == ["Backline care"]
    assert names(get("/services", taxonomy_term_id=audience_term("crew")["id"])) == [
        "Backline care"
    ]
    topic_terms = {t["code"]: t["id"] for t in get("/taxonomy_terms", per_page=100)["contents"]}
    assert names(get("/services", taxonomy_term_id=topic_terms["anxiety"])) == [
        "Backline care",
        "Samaritans",
    ]
    organization = get("/organizations")["contents"][0]
    assert names(get("/services", organization_id=organization["id"])) == ["Backline care"]
    minimal = get("/services", minimal="true")["contents"][0]
    assert set(minimal) == {"id", "last_modified"}


def test_modified_after(directory):
    with time_machine.travel("2026-04-01 12:00:00+00:00", tick=False):
        night = directory[2]
        night.summary = "Changed"
        night.save_revision().publish()
    cache.clear()
    after = datetime(2026, 3, 15, tzinfo=UTC).isoformat()
    assert names(get("/services", modified_after=after)) == ["Night line"]


def test_bad_parameters_are_400s_naming_them(directory):
    for params, name in [
        ({"page": "0"}, "page"),
        ({"per_page": "lots"}, "per_page"),
        ({"taxonomy_term_id": "anxiety"}, "taxonomy_term_id"),
        ({"modified_after": "yesterday"}, "modified_after"),
    ]:
        response = APIClient().get("/api/hsds/services", params)
        assert response.status_code == 400
        assert list(response.json()["errors"]) == [name]


def test_unknown_ids_are_404s(directory):
    for path in ("services", "organizations", "taxonomies", "taxonomy_terms"):
        assert APIClient().get(f"/api/hsds/{path}/{stable_id('nothing')}").status_code == 404


def test_organizations_and_taxonomies(directory, hsds_validator):
    page = get("/organizations")
    assert names(page) == ["Backline"]
    detail = get(f"/organizations/{page['contents'][0]['id']}")
    hsds_validator(detail, "organization")
    assert [set(s) for s in detail["services"]] == [{"id"}]  # ids only unless full_service
    full = get(f"/organizations/{page['contents'][0]['id']}", full_service="true")
    assert [s["name"] for s in full["services"]] == ["Backline care"]

    taxonomies = get("/taxonomies")["contents"]
    for item in taxonomies:
        hsds_validator(item, "taxonomy")
        assert get(f"/taxonomies/{item['id']}") == item
    kinds = get("/taxonomy_terms", taxonomy_id=stable_id("taxonomy", "kind"), per_page=50)
    assert kinds["total_items"] == 8
    for term in kinds["contents"]:
        hsds_validator(term, "taxonomy_term")
    assert get(f"/taxonomy_terms/{kinds['contents'][0]['id']}") == kinds["contents"][0]


def test_hidden_overdue_resources_are_hidden_here_too(directory, settings):
    settings.ROADCASE = {"API_THROTTLE_READ": "10000/minute", "HIDE_OVERDUE_AFTER_DAYS": 0}
    with time_machine.travel("2026-09-01 12:00:00+00:00", tick=False):
        # Samaritans is due 2026-09-01 and Backline 2026-06-01; Night line was never verified.
        assert names(get("/services")) == ["Night line", "Samaritans"]
