"""CORS: browsers on an active partner's origin may read the API; nobody else may."""

from tests.api.factories import make_partner

ORIGIN = "https://partner.example"


def test_an_active_partner_origin_is_allowed(api):
    make_partner(origins=[ORIGIN])
    response = api.get("/api/v1/locales/", HTTP_ORIGIN=ORIGIN)
    assert response["Access-Control-Allow-Origin"] == ORIGIN
    assert "Access-Control-Allow-Credentials" not in response


def test_preflight_from_a_partner_is_answered(api):
    make_partner(origins=[ORIGIN])
    response = api.options(
        "/api/v1/resources/", HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ORIGIN


def test_unknown_and_inactive_origins_are_refused(api):
    make_partner(slug="old", origins=["https://old.example"], active=False)
    for origin in ("https://evil.example", "https://old.example"):
        response = api.get("/api/v1/locales/", HTTP_ORIGIN=origin)
        assert "Access-Control-Allow-Origin" not in response, origin


def test_a_new_partner_takes_effect_without_a_restart(api):
    assert "Access-Control-Allow-Origin" not in api.get("/api/v1/locales/", HTTP_ORIGIN=ORIGIN)
    make_partner(origins=[ORIGIN])
    assert api.get("/api/v1/locales/", HTTP_ORIGIN=ORIGIN)["Access-Control-Allow-Origin"] == ORIGIN


def test_cors_applies_to_the_api_only(client, locales):
    make_partner(origins=[ORIGIN])
    response = client.get("/admin/login/", HTTP_ORIGIN=ORIGIN)
    assert "Access-Control-Allow-Origin" not in response


def test_a_partner_origin_check_is_cached_until_partners_change(api, django_assert_num_queries):
    partner = make_partner(origins=[ORIGIN])
    api.get("/api/v1/locales/", HTTP_ORIGIN=ORIGIN)
    with django_assert_num_queries(0):
        assert api.get("/api/v1/locales/", HTTP_ORIGIN=ORIGIN)["Access-Control-Allow-Origin"]
    partner.active = False
    partner.save()
    assert "Access-Control-Allow-Origin" not in api.get("/api/v1/locales/", HTTP_ORIGIN=ORIGIN)


PUBLIC_PATHS = (
    "/api/v1/crisis-lines/?country=GB",
    "/api/v1/widget/start/?country=GB",
    "/api/v1/widget/glasto/start/?country=GB",
    "/api/v1/widget/nobody/start/?country=GB",
)


def test_crisis_data_is_readable_from_any_origin_without_credentials(api):
    # Issue 17: public safety information reaches every embed, registered or not.
    make_partner(slug="glasto", origins=[ORIGIN])
    for origin in (ORIGIN, "https://unregistered.example", "null"):
        for path in PUBLIC_PATHS:
            response = api.get(path, HTTP_ORIGIN=origin)
            assert response.status_code == 200, (origin, path)
            assert response["Access-Control-Allow-Origin"] == "*", (origin, path)
            assert "Access-Control-Allow-Credentials" not in response
    # The cached answer is the same for every origin, and says so.
    for path in PUBLIC_PATHS:
        assert api.get(path)["Access-Control-Allow-Origin"] == "*"


def test_crisis_data_preflights_are_answered_for_any_origin(api):
    for path in PUBLIC_PATHS:
        response = api.options(
            path,
            HTTP_ORIGIN="https://unregistered.example",
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
            HTTP_ACCESS_CONTROL_REQUEST_HEADERS="accept",
        )
        assert response.status_code == 200, path
        assert response["Access-Control-Allow-Origin"] in ("*", "https://unregistered.example")
        assert "GET" in response["Access-Control-Allow-Methods"]
        assert "accept" in response["Access-Control-Allow-Headers"]
        assert "Access-Control-Allow-Credentials" not in response


def test_the_rest_of_the_api_stays_closed_to_unregistered_origins(api):
    make_partner(slug="glasto", origins=[ORIGIN])
    for path in ("/api/v1/resources/", "/api/v1/widget/glasto/", "/api/v1/countries/"):
        response = api.get(path, HTTP_ORIGIN="https://unregistered.example")
        assert "Access-Control-Allow-Origin" not in response, path
        response = api.options(
            path,
            HTTP_ORIGIN="https://unregistered.example",
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        )
        assert "Access-Control-Allow-Origin" not in response, path
