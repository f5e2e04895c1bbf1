"""GET /api/v1/widget/start/ and /api/v1/widget/{partner}/start/: the widget's first screen in
one request, never refused for what the embed code says (issues 17 and 22)."""

from django.db import OperationalError, connection

from api.caching import bump_generation
from cms.models import Country
from tests.api.factories import make_partner
from tests.factories import make_resource

ORIGIN = "https://partner.example"
CONFIG_KEYS = [
    "partner",
    "locale",
    "direction",
    "strings",
    "kinds",
    "contact_methods",
    "concierge_available",
]


def codes(body):
    return [w["code"] for w in body["warnings"]]


def test_one_answer_holds_the_config_locales_and_crisis_data(api):
    make_partner(slug="glasto", quick_exit_url="https://weather.example/")
    make_resource(name="Samaritans")
    url = "/api/v1/widget/glasto/start/?country=GB&locale=fr"
    response = api.get(url, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    body = response.json()
    assert list(body) == [*CONFIG_KEYS, "locales", "crisis", "warnings", "quick_exit_url"]
    # Each part is exactly what its own endpoint answers.
    config = api.get("/api/v1/widget/glasto/?locale=fr").json()
    assert {key: body[key] for key in CONFIG_KEYS} == config
    assert body["locales"] == api.get("/api/v1/locales/?locale=fr").json()["results"]
    assert body["crisis"] == api.get("/api/v1/crisis-lines/?country=GB&locale=fr").json()
    assert body["crisis"]["results"][0]["name"] == "Samaritans"
    assert body["warnings"] == []
    assert body["quick_exit_url"] == "https://weather.example/"


def test_an_unknown_partner_still_gets_the_crisis_data_with_a_warning(api):
    make_partner(slug="gone", active=False)
    make_resource(name="Samaritans")
    for slug in ("nobody", "gone", "Not a slug!", "nul%00"):
        response = api.get(f"/api/v1/widget/{slug}/start/?country=gb&locale=en")
        assert response.status_code == 200, slug
        body = response.json()
        assert body["partner"] is None
        assert [line["name"] for line in body["crisis"]["results"]] == ["Samaritans"]
        [warning] = body["warnings"]
        assert warning["code"] == "unknown_partner" and warning["field"] == "partner"
        assert slug.replace("%00", "\x00") in warning["message"]
        assert "admin" in warning["message"]
        assert body["quick_exit_url"] == "https://www.google.com/"


def test_country_codes_in_any_case_and_aliases(api):
    for value in ("gb", "Gb", " GB ", "uk", "UK"):
        body = api.get("/api/v1/widget/start/", {"country": value, "locale": "en"}).json()
        assert body["crisis"]["country"]["code"] == "GB", value
        assert body["warnings"] == [], value
    body = api.get("/api/v1/widget/start/", {"country": "el", "locale": "en"}).json()
    assert body["crisis"]["country"]["code"] == "GR"


def test_an_unknown_country_falls_back_to_the_partner_default_and_warns(api):
    make_partner(slug="sonar", default_country=Country.objects.get(code="ES"))
    body = api.get("/api/v1/widget/sonar/start/?country=Spain&locale=en").json()
    assert body["crisis"]["country"]["code"] == "ES"
    [warning] = body["warnings"]
    assert warning["code"] == "unknown_country" and warning["field"] == "country"
    assert '"Spain"' in warning["message"]
    # Without a partner default there is no country to answer for: the widget guesses.
    body = api.get("/api/v1/widget/start/?country=XX&locale=en").json()
    assert body["crisis"] is None and codes(body) == ["unknown_country"]
    # No country at all is not a mistake: the partner's default, or none, without a warning.
    assert api.get("/api/v1/widget/sonar/start/").json()["crisis"]["country"]["code"] == "ES"
    body = api.get("/api/v1/widget/start/?locale=en").json()
    assert body["crisis"] is None and body["warnings"] == []


def test_an_unknown_locale_follows_the_browser_and_warns(api):
    response = api.get(
        "/api/v1/widget/start/?country=DE&locale=klingon", HTTP_ACCEPT_LANGUAGE="fr-CH, fr;q=0.9"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["locale"] == "fr" and body["crisis"]["country"]["name"] == "Allemagne"
    [warning] = body["warnings"]
    assert warning["code"] == "unknown_locale" and warning["field"] == "locale"
    assert "klingon" in warning["message"]


def test_the_partner_default_locale_applies_when_the_visitor_names_none(api):
    make_partner(slug="sonar", default_locale="es")
    body = api.get("/api/v1/widget/sonar/start/?country=DE").json()
    assert body["locale"] == "es" and body["crisis"]["country"]["name"] == "Alemania"
    assert body["crisis"]["locale"] == "es"


def test_an_origin_the_partner_did_not_register_is_warned_and_still_served(api):
    make_partner(slug="glasto", origins=[ORIGIN])
    url = "/api/v1/widget/glasto/start/?country=GB&locale=en"
    assert api.get(url, HTTP_ORIGIN=ORIGIN).json()["warnings"] == []
    response = api.get(url, HTTP_ORIGIN="https://elsewhere.example")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert codes(body) == ["origin_not_registered"]
    assert "https://elsewhere.example" in body["warnings"][0]["message"]
    assert '"glasto"' in body["warnings"][0]["message"]
    # The answer depends on the Origin: cached apart, and said so.
    assert "Origin" in response["Vary"]
    assert api.get(url, HTTP_ORIGIN=ORIGIN).json()["warnings"] == []
    # Without a partner, any active partner's origin is registered.
    assert api.get("/api/v1/widget/start/", HTTP_ORIGIN=ORIGIN).json()["warnings"] == []
    body = api.get("/api/v1/widget/start/", HTTP_ORIGIN="https://elsewhere.example").json()
    assert codes(body) == ["origin_not_registered"]


def test_start_is_long_cacheable_and_purged_on_publish(api, django_assert_num_queries):
    line = make_resource(name="Samaritans")
    url = "/api/v1/widget/start/?country=GB&locale=en"
    first = api.get(url)
    assert first["Cache-Control"] == (
        "public, max-age=300, stale-while-revalidate=600, stale-if-error=86400"
    )
    assert "Accept-Language" in first["Vary"]
    with django_assert_num_queries(0):
        assert api.get(url).content == first.content
    line.name = "Samaritans (UK and Ireland)"
    line.save_revision().publish()
    names = [r["name"] for r in api.get(url).json()["crisis"]["results"]]
    assert names == ["Samaritans (UK and Ireland)"]


def test_the_last_good_answer_is_served_while_the_database_is_down(api):
    make_resource(name="Samaritans")
    url = "/api/v1/widget/start/?country=GB&locale=en"
    assert api.get(url).status_code == 200
    # A purge retires the cached answer, and then the database goes away.
    bump_generation()

    def refuse(execute, sql, params, many, context):
        raise OperationalError("the database is restarting")

    with connection.execute_wrapper(refuse):
        response = api.get(url)
    assert response.status_code == 200
    assert response["X-Roadcase-Stale"] == "database unavailable"
    assert response.json()["crisis"]["results"][0]["name"] == "Samaritans"
