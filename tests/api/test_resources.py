"""GET /api/v1/resources/ and /api/v1/resources/{id}/: the directory, searched and filtered."""

import pytest

from cms.models import Resource
from tests.api.factories import translate
from tests.factories import make_organisation, make_resource, make_topic

RESOURCE_KEYS = {
    "id",
    "name",
    "kind",
    "kind_label",
    "organisation",
    "summary",
    "description",
    "topics",
    "audiences",
    "worldwide",
    "countries",
    "languages",
    "time_zone",
    "hours",
    "hours_note",
    "schedule",
    "open_now",
    "next_opening",
    "contact_points",
    "cost",
    "eligibility",
    "confidentiality",
    "last_verified",
    "source_url",
    "locale",
}


def names(response):
    assert response.status_code == 200, response.content
    return [r["name"] for r in response.json()["results"]]


def test_list_envelope_and_resource_shape(api):
    topic = make_topic()
    organisation = make_organisation()
    make_resource(
        topics=[topic],
        organisation=organisation,
        hours="Mo-Fr 09:00-17:00",
        contact_points=[("phone", "+44 20 7946 0000", "GB"), ("web", "https://example.org", "")],
    )
    body = api.get("/api/v1/resources/").json()

    assert set(body) == {
        "count",
        "next",
        "previous",
        "locale",
        "count_is_estimate",
        "crisis_intent",
        "results",
    }
    assert body["count"] == 1 and body["locale"] == "en"
    [resource] = body["results"]
    assert set(resource) >= RESOURCE_KEYS
    assert resource["organisation"] == {"id": organisation.pk, "name": "Samaritans"}
    assert resource["topics"] == [{"slug": "anxiety", "name": "Anxiety"}]
    assert resource["schedule"] == {
        "always_open": False,
        "spans": [{"weekday": d, "opens": "09:00", "closes": "17:00"} for d in range(5)],
    }
    assert [(p["method"], p["href"]) for p in resource["contact_points"]] == [
        ("phone", "tel:+442079460000"),
        ("web", "https://example.org"),
    ]
    assert resource["countries"] == ["GB"] and resource["languages"] == ["en"]
    assert resource["kind_label"] == "Crisis line"


def test_drafts_and_unpublished_resources_are_never_served(api):
    make_resource(name="Live line")
    make_resource(name="Draft line", publish=False)
    unpublished = make_resource(name="Withdrawn line")
    unpublished.unpublish()

    assert names(api.get("/api/v1/resources/")) == ["Live line"]
    assert api.get(f"/api/v1/resources/{unpublished.pk}/").status_code == 404


def test_detail_serves_one_live_resource(api):
    resource = make_resource(name="Samaritans")
    response = api.get(f"/api/v1/resources/{resource.pk}/")
    assert response.status_code == 200
    assert response.json()["name"] == "Samaritans"
    assert api.get("/api/v1/resources/999999/").status_code == 404


def test_country_filter_includes_worldwide_resources(api):
    make_resource(name="UK line", countries=["GB"])
    make_resource(
        name="US line",
        countries=["US"],
        time_zone="America/New_York",
        contact_points=[("phone", "988", "US")],
    )
    make_resource(name="Everywhere", countries=[], worldwide=True, kind="peer_support")

    assert names(api.get("/api/v1/resources/?country=gb")) == ["UK line", "Everywhere"]


def test_crisis_lines_come_first_then_name(api):
    make_resource(name="A peer group", kind="peer_support")
    make_resource(name="B helpline", kind="helpline")
    make_resource(name="C crisis line", kind="crisis_line")
    assert names(api.get("/api/v1/resources/")) == ["C crisis line", "B helpline", "A peer group"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=helpline", ["Helpline"]),
        ("kind=helpline,therapy", ["Helpline", "Therapy"]),
        ("language=es", ["Therapy"]),
        ("language=pt-BR", ["Helpline"]),
        ("language=pt", ["Helpline"]),
        ("audience=crew", ["Helpline", "Therapy"]),
        ("contact=email", ["Therapy"]),
        ("free=true", ["Helpline"]),
        ("free=false", ["Therapy"]),
        ("topic=grief", ["Therapy"]),
    ],
)
def test_filters(api, query, expected):
    grief = make_topic(slug="grief", name="Grief")
    make_resource(name="Helpline", kind="helpline", languages=["pt-BR"], audiences=["any"])
    make_resource(
        name="Therapy",
        kind="therapy",
        languages=["es"],
        audiences=["crew"],
        cost="paid",
        topics=[grief],
        hours="",
        contact_points=[("email", "help@example.org", "")],
    )
    assert names(api.get(f"/api/v1/resources/?{query}")) == expected


def test_search_matches_name_summary_and_description_best_first(api):
    make_resource(name="Burnout clinic", kind="therapy", summary="Care for tired people.")
    make_resource(name="Tour support", kind="therapy", summary="Help with burnout on tour.")
    make_resource(name="Money help", kind="financial_aid", summary="Grants.")

    assert names(api.get("/api/v1/resources/?q=burnout")) == ["Burnout clinic", "Tour support"]
    assert names(api.get("/api/v1/resources/?q=")) == [
        "Burnout clinic",
        "Money help",
        "Tour support",
    ]


def test_pagination_is_capped_and_links_pages(api, settings):
    settings.ROADCASE = {**settings.ROADCASE, "API_MAX_PAGE_SIZE": 2}
    for letter in "ABCDE":
        make_resource(name=f"{letter} line")

    first = api.get("/api/v1/resources/?page_size=50").json()
    assert first["count"] == 5 and len(first["results"]) == 2
    assert "page=2" in first["next"] and first["previous"] is None
    second = api.get(first["next"]).json()
    assert [r["name"] for r in second["results"]] == ["C line", "D line"]
    assert second["previous"] is not None and "page=" not in second["previous"]
    past_the_end = api.get("/api/v1/resources/?page=9").json()
    assert past_the_end["results"] == [] and past_the_end["next"] is None


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("country=XX", "country"),
        ("locale=tlh", "locale"),
        ("kind=spa_day", "kind"),
        ("topic=nope", "topic"),
        ("audience=ghosts", "audience"),
        ("contact=pigeon", "contact"),
        ("open_now=perhaps", "open_now"),
        ("page=-1", "page"),
        ("page=0", "page"),
        ("page=99999999999", "page"),
        ("page_size=0", "page_size"),
        ("page=abc", "page"),
        ("q=" + "x" * 201, "q"),
        ("q=abc%00def", "q"),
        ("language=123", "language"),
    ],
)
def test_bad_parameters_are_400s_naming_the_parameter(api, query, parameter):
    make_topic(slug="anxiety")
    response = api.get(f"/api/v1/resources/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert list(body["errors"]) == [parameter]
    assert body["errors"][parameter]["message"]


def test_a_400_lists_the_allowed_values(api):
    make_topic(slug="anxiety")
    errors = api.get("/api/v1/resources/?kind=spa_day&topic=x&country=XX").json()["errors"]
    assert "crisis_line" in errors["kind"]["allowed"]
    assert errors["topic"]["allowed"] == ["anxiety"]
    assert "GB" in errors["country"]["allowed"]


def test_query_count_does_not_grow_with_page_size(api, django_assert_max_num_queries):
    topic = make_topic()
    for number in range(12):
        make_resource(
            name=f"Line {number}",
            topics=[topic],
            organisation=make_organisation(slug=f"org-{number}", name=f"Org {number}"),
        )
    # A search reads the synonyms and the vocabulary, counts, ranks a page, loads its
    # resources and their translations: a fixed number of queries whatever the page size.
    with django_assert_max_num_queries(18):
        small = api.get("/api/v1/resources/?page_size=2&locale=ar&q=line&country=GB&topic=anxiety")
    with django_assert_max_num_queries(18):
        large = api.get("/api/v1/resources/?page_size=12&locale=ar&q=line&country=GB&topic=anxiety")
    assert len(small.json()["results"]) == 2 and len(large.json()["results"]) == 12


def test_translation_rows_are_not_listed_as_resources(api):
    from tests.api.factories import translate

    resource = make_resource(name="Samaritans")
    translate(resource, "ar", {"Samaritans": "السامريون"})
    assert Resource.objects.count() == 2
    assert api.get("/api/v1/resources/").json()["count"] == 1


def test_search_ranks_exact_names_first_and_forgives_a_typo(api):
    make_resource(name="Samaritans", summary="Talk to someone, any time.")
    make_resource(name="Grief line", summary="Samaritans volunteers trained this line.")
    assert names(api.get("/api/v1/resources/?q=samaritans"))[0] == "Samaritans"
    assert names(api.get("/api/v1/resources/?q=Samaritns")) == ["Samaritans", "Grief line"]
    assert names(api.get("/api/v1/resources/?q=Smaritans&locale=fr"))[0] == "Samaritans"


def test_search_stems_words(api):
    make_resource(name="Counselling for touring crews", kind="therapy")
    assert names(api.get("/api/v1/resources/?q=counselling")) == ["Counselling for touring crews"]
    assert names(api.get("/api/v1/resources/?q=tour crew")) == ["Counselling for touring crews"]


def test_errors_are_json_even_for_a_browser(api):
    response = api.get("/api/v1/resources/?country=XX", HTTP_ACCEPT="text/html,*/*")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    missing = api.get("/api/v1/resources/abc/", HTTP_ACCEPT="text/html")
    assert missing.status_code == 404 and missing["Content-Type"] == "application/json"


def test_search_in_another_locale_finds_source_and_translation_matches_best_first(api):
    supper = make_resource(name="Songwriters' supper", summary="Dinner and talk.", kind="therapy")
    translate(supper, "es", {"Dinner and talk.": "Cena y conversación sobre la ansiedad."})
    make_resource(name="Ansiedad", summary="A line in Spanish.", kind="peer_support")
    make_resource(name="Other line", summary="Nothing to see.", kind="peer_support")
    found = names(api.get("/api/v1/resources/?locale=es&q=ansiedad"))
    # The exact name first (its source matched), then the one whose translation matched.
    assert found == ["Ansiedad", "Songwriters' supper"]


def test_search_in_another_locale_is_filtered_counted_and_paged_like_any_search(api):
    # Found through the source's own words, through the translation's, or both; the page,
    # the count and the filters see each source once, and never an unpublished one.
    both = make_resource(name="Ansiedad line", summary="Ansiedad.", countries=("GB",))
    translate(both, "es", {"Ansiedad.": "Ayuda con la ansiedad."})
    by_translation = make_resource(name="Supper club", summary="Dinner.", countries=("GB",))
    translate(by_translation, "es", {"Dinner.": "Cena contra la ansiedad."})
    elsewhere = make_resource(name="Ansiedad abroad", summary="Ansiedad.", countries=("FR",))
    withdrawn = make_resource(name="Old supper", summary="Dinner.", countries=("GB",))
    translate(withdrawn, "es", {"Dinner.": "Cena contra la ansiedad."})
    withdrawn.unpublish()

    everything = api.get("/api/v1/resources/?locale=es&q=ansiedad").json()
    assert everything["count"] == 3
    assert {r["id"] for r in everything["results"]} == {both.pk, by_translation.pk, elsewhere.pk}

    first = api.get("/api/v1/resources/?locale=es&q=ansiedad&country=GB&page_size=1").json()
    second = api.get("/api/v1/resources/?locale=es&q=ansiedad&country=GB&page_size=1&page=2").json()
    assert first["count"] == second["count"] == 2
    assert [r["id"] for r in first["results"] + second["results"]] == [
        both.pk,
        by_translation.pk,
    ]
    assert second["results"][0]["summary"] == "Cena contra la ansiedad."
    past_the_end = api.get("/api/v1/resources/?locale=es&q=ansiedad&country=GB&page=5").json()
    assert past_the_end["results"] == [] and past_the_end["count"] == 2
