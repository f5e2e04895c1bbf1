"""GET /api/v1/crisis-lines/?country=XX: emergency numbers first, then the crisis lines."""

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from tests.factories import make_resource

# A Wednesday, 03:00 in London.
NIGHT = datetime(2026, 3, 11, 3, 0, tzinfo=ZoneInfo("Europe/London"))


def test_the_country_and_its_emergency_numbers_come_first(api):
    make_resource(name="Samaritans")
    body = api.get("/api/v1/crisis-lines/?country=GB").json()
    assert list(body) == ["country", "locale", "results"]
    assert body["country"]["code"] == "GB"
    assert body["country"]["name"] == "United Kingdom"
    numbers = [n["number"] for n in body["country"]["emergency_numbers"]]
    assert "999" in numbers and "112" in numbers
    assert all(n["services"] for n in body["country"]["emergency_numbers"])
    assert [r["name"] for r in body["results"]] == ["Samaritans"]


def test_country_names_follow_the_locale(api):
    body = api.get("/api/v1/crisis-lines/?country=DE&locale=fr").json()
    assert body["country"]["name"] == "Allemagne"
    assert body["locale"] == "fr"


def test_only_crisis_lines_serving_the_country_or_worldwide(api):
    make_resource(name="UK line", countries=["GB"])
    make_resource(
        name="US line",
        countries=["US"],
        time_zone="America/New_York",
        contact_points=[("phone", "988", "US")],
    )
    make_resource(
        name="Global chat",
        countries=[],
        worldwide=True,
        contact_points=[("chat", "https://chat.example", "")],
    )
    make_resource(name="UK helpline", kind="helpline", countries=["GB"])

    names = [r["name"] for r in api.get("/api/v1/crisis-lines/?country=GB").json()["results"]]
    assert names == ["UK line", "Global chat"]


@time_machine.travel(NIGHT, tick=False)
def test_ordered_open_now_then_24_7_then_language(api):
    make_resource(name="A daytime line", hours="Mo-Su 09:00-17:00")
    make_resource(name="B night line", hours="Mo-Su 00:00-06:00")
    make_resource(name="C always, Spanish", hours="24/7", languages=["es"])
    make_resource(name="D always, English", hours="24/7", languages=["en"])

    results = api.get("/api/v1/crisis-lines/?country=GB&locale=en").json()["results"]
    assert [r["name"] for r in results] == [
        "D always, English",
        "C always, Spanish",
        "B night line",
        "A daytime line",
    ]
    assert [r["open_now"] for r in results] == [True, True, True, False]
    spanish = api.get("/api/v1/crisis-lines/?country=GB&locale=es").json()["results"]
    assert [r["name"] for r in spanish][:2] == ["C always, Spanish", "D always, English"]


def test_a_country_with_no_known_line_still_answers(api):
    make_resource(
        name="Global chat",
        countries=[],
        worldwide=True,
        contact_points=[("chat", "https://chat.example", "")],
    )
    body = api.get("/api/v1/crisis-lines/?country=TV").json()
    assert body["country"]["code"] == "TV"
    assert body["country"]["emergency_numbers"]
    assert [r["name"] for r in body["results"]] == ["Global chat"]


def test_country_is_required_and_validated(api):
    for query in ("", "?country=", "?country=ZZ", "?country=GBR"):
        response = api.get(f"/api/v1/crisis-lines/{query}")
        assert response.status_code == 400, query
        assert "country" in response.json()["errors"]


def test_query_count_does_not_grow_with_the_number_of_lines(api, django_assert_max_num_queries):
    for number in range(10):
        make_resource(name=f"Line {number}")
    with django_assert_max_num_queries(14):
        response = api.get("/api/v1/crisis-lines/?country=GB&locale=ar")
    assert len(response.json()["results"]) == 10
