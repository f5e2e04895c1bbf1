"""GET /api/v1/crisis-lines/?country=XX: emergency numbers first, then national crisis lines,
national helplines reachable now and worldwide services, each marked with its group."""

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from tests.factories import make_resource

# A Wednesday, 03:00 in London.
NIGHT = datetime(2026, 3, 11, 3, 0, tzinfo=ZoneInfo("Europe/London"))


def test_the_country_and_its_emergency_numbers_come_first(api):
    make_resource(name="Samaritans")
    body = api.get("/api/v1/crisis-lines/?country=GB").json()
    assert list(body) == ["country", "locale", "national_line_listed", "results"]
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

    make_resource(name="UK therapy", kind="therapy", countries=["GB"])

    results = api.get("/api/v1/crisis-lines/?country=GB").json()["results"]
    assert [(r["name"], r["group"]) for r in results] == [
        ("UK line", "national_crisis_line"),
        ("UK helpline", "national_helpline"),
        ("Global chat", "worldwide"),
    ]


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
    assert body["national_line_listed"] is False
    assert api.get("/api/v1/crisis-lines/?country=GB").json()["national_line_listed"] is False
    make_resource(name="UK line", countries=["GB"])
    assert api.get("/api/v1/crisis-lines/?country=GB").json()["national_line_listed"] is True


@time_machine.travel(NIGHT, tick=False)
def test_helplines_only_when_open_24_7_or_open_now(api):
    make_resource(name="Always open helpline", kind="helpline", hours="24/7")
    make_resource(name="Night helpline", kind="helpline", hours="Mo-Su 00:00-06:00")
    make_resource(name="Office helpline", kind="helpline", hours="Mo-Fr 09:00-17:00")
    make_resource(
        name="Helpline with a 24/7 phone",
        kind="helpline",
        hours="",
        contact_points=[
            ("phone", "116123", "GB", "24/7"),
            ("phone", "08457909090", "GB", "Mo 09:00-10:00"),
        ],
    )
    make_resource(name="Daytime crisis line", hours="Mo-Fr 09:00-17:00")
    make_resource(
        name="Worldwide office helpline",
        kind="helpline",
        countries=[],
        worldwide=True,
        hours="Mo-Fr 09:00-17:00",
    )

    body = api.get("/api/v1/crisis-lines/?country=GB").json()
    assert [(r["name"], r["group"]) for r in body["results"]] == [
        ("Daytime crisis line", "national_crisis_line"),
        ("Always open helpline", "national_helpline"),
        ("Helpline with a 24/7 phone", "national_helpline"),
        ("Night helpline", "national_helpline"),
    ]
    assert body["national_line_listed"] is True


def test_a_closed_helpline_is_still_a_listed_national_line(api):
    with time_machine.travel(NIGHT, tick=False):
        make_resource(name="Office helpline", kind="helpline", hours="Mo-Fr 09:00-17:00")
        body = api.get("/api/v1/crisis-lines/?country=GB").json()
    assert body["results"] == []
    # Nothing can be called now, but saying "no national line is listed" would be false.
    assert body["national_line_listed"] is True


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


def test_emergency_numbers_are_labelled_and_ordered_for_a_person_in_crisis(api):
    japan = api.get("/api/v1/crisis-lines/?country=JP").json()["country"]["emergency_numbers"]
    # Japan's shipped order is police (110) then ambulance and fire (119): the ambulance first.
    assert [(n["number"], n["label"]) for n in japan] == [
        ("119", "Ambulance and fire"),
        ("110", "Police"),
    ]
    india = api.get("/api/v1/crisis-lines/?country=IN").json()["country"]["emergency_numbers"]
    assert [(n["number"], n["label"]) for n in india] == [
        ("112", "All emergencies"),
        ("108", "Ambulance"),
        ("102", "Ambulance"),
        ("100", "Police"),
        ("101", "Fire"),
    ]


def test_emergency_labels_follow_the_locale(api):
    body = api.get("/api/v1/crisis-lines/?country=JP&locale=fr").json()
    assert [n["label"] for n in body["country"]["emergency_numbers"]] == [
        "Ambulance et pompiers",
        "Police",
    ]
    arabic = api.get("/api/v1/crisis-lines/?country=GB&locale=ar").json()
    assert arabic["country"]["emergency_numbers"][0]["label"] == "جميع حالات الطوارئ"


def test_phone_contact_points_carry_a_display_form_and_a_link_that_dials(api):
    make_resource(
        name="Lifeline",
        countries=["AU"],
        time_zone="Australia/Sydney",
        contact_points=[("phone", "13 11 14", "AU"), ("sms", "0477 13 11 14", "AU")],
    )
    make_resource(name="Samaritans", contact_points=[("phone", "116 123", "GB")])
    make_resource(
        name="Welsh line", contact_points=[("phone", "0808 164 0123", "GB")], hours="24/7"
    )
    australia = api.get("/api/v1/crisis-lines/?country=AU").json()["results"][0]
    assert [(p["display"], p["href"], p["region"]) for p in australia["contact_points"]] == [
        ("13 11 14", "tel:131114", "AU"),
        ("0477 13 11 14", "sms:+61477131114", "AU"),
    ]
    britain = api.get("/api/v1/crisis-lines/?country=GB").json()["results"]
    points = {r["name"]: r["contact_points"][0] for r in britain}
    assert (points["Samaritans"]["display"], points["Samaritans"]["href"]) == (
        "116 123",
        "tel:116123",
    )
    assert (points["Welsh line"]["display"], points["Welsh line"]["href"]) == (
        "0808 164 0123",
        "tel:+448081640123",
    )


def test_each_line_says_whether_the_hub_verified_it_or_only_listed_it(api):
    from datetime import date

    make_resource(
        name="Checked line",
        last_verified=date(2026, 1, 5),
        verification_method="called",
        source_url="https://line.example/contact",
    )
    make_resource(
        name="Listed line",
        last_verified=None,
        source_url="https://operator.example/",
        source_read_on=date(2025, 12, 1),
        second_source_url="https://list.example/",
    )
    results = api.get("/api/v1/crisis-lines/?country=GB").json()["results"]
    verification = {r["name"]: r["verification"] for r in results}
    assert verification["Checked line"] == {
        "status": "verified",
        "verified_on": "2026-01-05",
        "method": "called",
        "method_label": "Called the line",
        "source_url": "https://line.example/contact",
        "source_read_on": None,
        "second_source_url": "",
    }
    assert verification["Listed line"] == {
        "status": "listed",
        "verified_on": None,
        "method": None,
        "method_label": None,
        "source_url": "https://operator.example/",
        "source_read_on": "2025-12-01",
        "second_source_url": "https://list.example/",
    }
    assert {r["name"]: r["last_verified"] for r in results}["Listed line"] is None
