"""GET /api/v1/resources/?q=: what a search answers, on either engine."""

import pytest

from cms.models import SearchSynonym
from tests.factories import make_resource, make_topic


def search(api, query, **params):
    response = api.get("/api/v1/resources/", {"q": query, **params})
    assert response.status_code == 200, response.content
    return response.json()


def names(body):
    return [result["name"] for result in body["results"]]


def test_name_words_outrank_topics_which_outrank_summaries_and_descriptions(api):
    topic = make_topic("burnout", "Burnout")
    make_resource(name="Quiet room", kind="therapy", description="For burnout after tours.")
    make_resource(name="Rest house", kind="therapy", summary="Help with burnout.")
    make_resource(name="Crew care", kind="therapy", topics=[topic])
    make_resource(name="Burnout clinic", kind="therapy")
    make_resource(name="Burnout", kind="peer_support")
    body = search(api, "burnout")
    assert names(body) == ["Burnout", "Burnout clinic", "Crew care", "Rest house", "Quiet room"]
    assert body["count"] == 5 and body["count_is_estimate"] is False
    beyond = search(api, "burnout", page=2)
    assert beyond["results"] == [] and beyond["count"] == 5


def test_counts_are_exact_up_to_the_bound_then_a_lower_bound_and_pages_go_on(api, settings):
    settings.ROADCASE = {**settings.ROADCASE, "API_SEARCH_COUNT_LIMIT": 3}
    for number in range(7):
        make_resource(name=f"Harbour line {number}", kind="helpline")
    first = search(api, "harbour", page_size=2)
    assert first["count"] == 3 and first["count_is_estimate"] is True
    assert first["next"] is not None
    third = search(api, "harbour", page_size=2, page=3)
    assert len(third["results"]) == 2 and third["count"] == 6 and third["count_is_estimate"]
    assert third["next"] is not None
    last = search(api, "harbour", page_size=2, page=4)
    assert names(last) == ["Harbour line 6"] and last["next"] is None
    # Past the end the count claims no more than it knows: at least the bound.
    beyond = search(api, "harbour", page_size=2, page=6)
    assert beyond["results"] == [] and beyond["count"] == 3 and beyond["count_is_estimate"]
    seen = names(first) + names(search(api, "harbour", page_size=2, page=2)) + names(third)
    assert len(set(seen + names(last))) == 7
    exact = search(api, "harbour line 6")
    assert exact["count_is_estimate"] is False and names(exact)[0] == "Harbour line 6"


def test_a_crisis_phrase_puts_crisis_lines_first_national_and_always_open_before_others(api):
    make_resource(name="Anywhere line", kind="crisis_line", countries=(), worldwide=True)
    make_resource(name="Evening line", kind="crisis_line", hours="Mo-Su 18:00-24:00")
    make_resource(name="Day and night line", kind="crisis_line")
    make_resource(name="Helpline for crews", kind="helpline")
    make_resource(name="Suicide prevention training", kind="community", summary="Courses.")
    make_resource(name="Other country line", kind="crisis_line", countries=("FR",))
    body = search(api, "I want to kill myself", country="GB")
    assert body["crisis_intent"] is True
    assert names(body) == [
        "Day and night line",
        "Evening line",
        "Anywhere line",
        "Helpline for crews",
        "Suicide prevention training",
    ]
    calm = search(api, "crews", country="GB")
    assert calm["crisis_intent"] is False and names(calm) == ["Helpline for crews"]


def test_a_crisis_is_signalled_even_when_nothing_has_the_words(api):
    make_resource(name="Day and night line", kind="crisis_line")
    body = search(api, "死にたい", locale="ja", country="GB")
    assert body["crisis_intent"] is True and names(body) == ["Day and night line"]


def test_editors_synonyms_apply_at_once(api):
    make_resource(name="Tour doctor", kind="therapy", summary="Check-ups on the road.")
    assert search(api, "roadsick")["count"] == 0
    SearchSynonym.objects.create(
        language="en", phrases="roadsick\ntour flu", search_for="check-ups"
    )
    assert names(search(api, "roadsick")) == ["Tour doctor"]
    assert names(search(api, "tour flu", locale="de")) == ["Tour doctor"]


def test_when_no_resource_has_every_word_any_word_will_do_best_first(api):
    make_resource(name="Night line", kind="helpline", summary="Talk at night.")
    make_resource(name="Money help", kind="financial_aid", summary="Grants for rent.")
    body = search(api, "night grants zzzz")
    assert set(names(body)) == {"Night line", "Money help"}


def test_typos_are_forgiven_only_for_words_the_index_has_never_seen(api):
    make_resource(name="Samaritans", kind="crisis_line")
    make_resource(name="Sumaritans choir", kind="community")
    assert names(search(api, "samaritns")) == ["Samaritans"]
    # "sumaritans" is a word of its own: it finds its resource, not its near-spellings.
    assert names(search(api, "sumaritans")) == ["Sumaritans choir"]


def test_the_country_filter_keeps_national_and_worldwide_resources(api):
    make_resource(name="Calm line GB", kind="helpline")
    make_resource(name="Calm line FR", kind="helpline", countries=("FR",))
    make_resource(name="Calm line everywhere", kind="helpline", countries=(), worldwide=True)
    assert names(search(api, "calm", country="GB")) == ["Calm line GB", "Calm line everywhere"]


def test_other_filters_narrow_a_search(api):
    make_resource(name="Calm line", kind="helpline")
    make_resource(name="Calm group", kind="peer_support", languages=("de",))
    assert names(search(api, "calm", kind="peer_support")) == ["Calm group"]
    assert names(search(api, "calm", language="de")) == ["Calm group"]
    assert names(search(api, "calm", language="en", country="GB")) == ["Calm line"]


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_search_is_the_listing(api, query):
    make_resource(name="B line", kind="therapy")
    make_resource(name="A line", kind="crisis_line")
    body = search(api, query)
    assert names(body) == ["A line", "B line"]
    assert body["count_is_estimate"] is False and body["crisis_intent"] is False


@pytest.mark.parametrize("query", ["y", "ÿ", "!!", "é"])
def test_a_search_with_no_word_to_look_for_finds_nothing_without_an_error(api, query):
    make_resource(name="Y line", kind="crisis_line")
    body = search(api, query)
    assert body["count"] == 0 and names(body) == []


def test_the_schema_describes_the_new_fields(api):
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()
    fields = schema["components"]["schemas"]["ResourceList"]["properties"]
    assert fields["count_is_estimate"]["type"] == "boolean"
    assert fields["crisis_intent"]["type"] == "boolean"
