"""The OpenAPI schema, its docs page, and a schemathesis run with every check over every
operation: generated requests (valid and invalid) never cause a server error or a response
the schema does not allow, schema-valid requests are accepted and schema-invalid ones refused.
Any finding fails the test (and so CI).
"""

import itertools
from datetime import timedelta

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS, load_all_checks

from cms.models import Country
from tests.api.factories import chapter, make_guide, make_partner, text_block, translate
from tests.factories import make_event, make_organisation, make_resource, make_topic


def test_schema_describes_the_public_api_only(api):
    response = api.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/resources/" in paths and "/api/v1/crisis-lines/" in paths
    assert "/api/v1/events.ics" in paths
    assert all(path.startswith("/api/v1/") for path in paths)


def test_docs_page_is_served_without_a_third_party_cdn(api):
    response = api.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/api/v1/schema/" in html
    assert "://" not in html  # no CDN script, no web fonts: every file from this site
    assert (
        '<script src="/static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js">' in html
    )


def test_the_schema_lists_no_admin_hsds_or_schema_endpoints(api):
    # Issue 23: a host's schema showed 14 of the Wagtail admin's internal endpoints.
    paths = api.get("/api/v1/schema/?format=json").json()["paths"]
    assert not [p for p in paths if "admin" in p or "hsds" in p or p.endswith("/schema/")]
    assert sorted(paths) == [
        "/api/v1/concierge-requests/",
        "/api/v1/countries/",
        "/api/v1/crisis-lines/",
        "/api/v1/events.ics",
        "/api/v1/events/",
        "/api/v1/guides/",
        "/api/v1/guides/{slug}/",
        "/api/v1/locales/",
        "/api/v1/preview/",
        "/api/v1/resources/",
        "/api/v1/resources/{id}/",
        "/api/v1/stories/",
        "/api/v1/stories/{slug}/",
        "/api/v1/topics/",
        "/api/v1/widget/",
        "/api/v1/widget/start/",
        "/api/v1/widget/{partner}/",
        "/api/v1/widget/{partner}/start/",
    ]


@pytest.fixture
def api_schema(api, settings):
    """A small hub with one of everything, and the schema loaded from the running app. Every
    throttle and abuse limit is raised out of the way: the run sends hundreds of requests."""
    from roadcase_site.wsgi import application

    settings.ROADCASE = {
        **settings.ROADCASE,
        "CONCIERGE_THROTTLE": "100000/hour",
        "CONCIERGE_PER_ADDRESS": "100000/day",
        "CONCIERGE_HOURLY_CEILING": 100000,
    }

    topic = make_topic()
    resource = make_resource(
        topics=[topic], organisation=make_organisation(), hours="Mo-Fr 09:00-17:00"
    )
    translate(resource, "ar", {"Samaritans": "السامريون"})
    make_resource(
        name="Everywhere chat",
        worldwide=True,
        countries=[],
        hours="",
        contact_points=[("chat", "https://chat.example", "", "24/7")],
    )
    make_guide(chapters=[chapter("One", text_block('<p><a href="https://x.example">x</a></p>'))])
    make_event(title="Tent")
    make_event(
        title="Online",
        kind="online_session",
        city="",
        country=None,
        online_url="https://meet.example",
        status="cancelled",
    )
    make_event(
        title="Paris",
        city="Paris",
        country=Country.objects.get(code="FR"),
        starts_in=timedelta(days=-3),
    )
    make_partner(slug="glasto", default_country=Country.objects.get(code="GB"))
    # Like Django's test client, keep the test's connection (and its transaction) open across
    # the WSGI requests schemathesis makes.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


load_all_checks()
# Every check schemathesis has (its CLI's ``--checks all``): server errors, status codes,
# content types, headers and bodies against the schema, schema-valid data accepted and
# schema-invalid data rejected, methods, authentication.
ALL_CHECKS = CHECKS.get_all()


def test_no_server_errors_and_every_response_matches_the_schema(api_schema):
    # Each operation is explored with Hypothesis inside this one test, so the hub built by the
    # fixture (and the test transaction around it) serves every generated request.
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 12

    for operation, mode in itertools.product(operations, GenerationMode):

        @given(case=operation.as_strategy(generation_mode=mode))
        @hypothesis_settings(
            max_examples=25,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def explore(case):
            # Schemathesis's WSGI transport hands a gzipped body over undecoded, as no HTTP
            # client would: ask for the body as it is (gzip: tests/api/test_caching.py).
            case.call_and_validate(checks=ALL_CHECKS, headers={"Accept-Encoding": "identity"})

        explore()


def test_the_schema_says_what_the_api_does(api):
    schema = api.get("/api/v1/schema/?format=json").json()
    components = schema["components"]["schemas"]
    chapters = components["Guide"]["properties"]["chapters"]
    assert chapters["type"] == "array"
    preview = schema["paths"]["/api/v1/preview/"]["get"]["responses"]
    assert "429" in preview
    consent = components["ConciergeRequestInputRequest"]["properties"]["consent"]
    [ref] = consent["allOf"]
    assert components[ref["$ref"].rsplit("/", 1)[1]]["enum"] == [True]


@pytest.mark.parametrize("name", ["kind", "language", "audience", "contact", "topic"])
def test_an_empty_list_filter_is_no_filter(api, name):
    make_resource()
    response = api.get("/api/v1/resources/", {name: ""})
    assert response.status_code == 200
    assert response.json()["count"] == 1


@pytest.mark.parametrize("value", ["", "1", "yes", "True"])
def test_a_boolean_filter_is_true_or_false_only(api, value):
    response = api.get("/api/v1/resources/", {"free": value})
    assert response.status_code == 400 and "free" in response.json()["errors"]
    assert api.get("/api/v1/resources/", {"free": "true"}).status_code == 200
