"""GET /api/v1/stories/ and /api/v1/stories/{slug}/: live stories with filters, content notes
ahead of the text, and every story served with the visitor's crisis lines."""

import json

from cms.models import Topic
from tests.api.factories import translate
from tests.factories import make_resource, make_story, make_topic


def test_list_shows_live_stories_newest_first_without_their_text(api):
    make_story(title="First told")
    make_story(title="Second told")
    make_story(title="Still a draft", publish=False)
    body = api.get("/api/v1/stories/").json()
    assert body["count"] == 2
    assert [story["title"] for story in body["results"]] == ["Second told", "First told"]
    story = body["results"][0]
    assert story["illustrative"] is True
    assert story["teller"] == {
        "role": "crew",
        "role_label": "Touring crew",
        "country": {"code": "GB", "name": "United Kingdom"},
        "pseudonym": "",
    }
    assert story["url"].startswith("http://testserver/en/")
    assert "body" not in story and "crisis" not in story
    assert api.get("/api/v1/stories/still-a-draft/").status_code == 404


def test_filters_by_topic_role_and_country(api):
    grief = make_topic("grief", "Grief")
    make_story(title="Managing grief", role="manager", country="US", topics=[grief])
    make_story(title="Writing rooms", role="songwriter", country="BR")
    make_story(title="Crew at home", role="crew", country="GB")

    def titles(query):
        return sorted(s["title"] for s in api.get(f"/api/v1/stories/?{query}").json()["results"])

    assert titles("topic=grief") == ["Managing grief"]
    assert titles("role=songwriter,crew") == ["Crew at home", "Writing rooms"]
    assert titles("country=us") == ["Managing grief"]
    assert titles("role=crew&country=BR") == []


def test_bad_filters_are_400s_naming_the_parameter(api):
    make_topic("grief", "Grief")
    response = api.get("/api/v1/stories/?role=drummer&topic=nope&country=XX")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"role", "topic", "country"}
    assert "crew" in errors["role"]["allowed"]
    assert errors["topic"]["allowed"] == ["grief"]


def test_content_notes_come_before_the_text(api):
    make_story(title="Managing grief", notes=["grief", "suicide"])
    raw = api.get("/api/v1/stories/managing-grief/").content.decode()
    story = json.loads(raw)
    # The codes in the model's order, whatever order they were ticked in.
    assert story["content_notes"] == [
        {"code": "suicide", "label": "Suicide"},
        {"code": "grief", "label": "Bereavement and grief"},
    ]
    assert story["content_note"] == "Content note: Suicide and Bereavement and grief."
    keys = list(story)
    assert keys.index("content_notes") < keys.index("standfirst") < keys.index("body")
    assert raw.index('"content_note"') < raw.index('"body"')


def test_a_story_without_notes_says_so_with_an_empty_list(api):
    make_story(title="Quiet")
    story = api.get("/api/v1/stories/quiet/").json()
    assert story["content_notes"] == [] and story["content_note"] == ""


def test_every_story_comes_with_the_visitors_crisis_lines(api):
    samaritans = make_resource(name="Samaritans", countries=("GB",))
    make_resource(name="988 Lifeline", countries=("US",), contact_points=(("phone", "988", "US"),))
    make_resource(
        name="Befrienders",
        countries=(),
        worldwide=True,
        contact_points=(("web", "https://befrienders.example/", ""),),
    )
    make_story(title="The call", notes=["suicide"], resources=[samaritans])

    crisis = api.get("/api/v1/stories/the-call/?country=gb").json()["crisis"]
    assert crisis["country"]["code"] == "GB"
    assert [n["number"] for n in crisis["country"]["emergency_numbers"]] == ["999", "112"]
    assert [line["name"] for line in crisis["results"]] == ["Samaritans", "Befrienders"]

    us = api.get("/api/v1/stories/the-call/?country=US").json()["crisis"]
    assert [line["name"] for line in us["results"]] == ["988 Lifeline", "Befrienders"]

    # Without the visitor's country: the worldwide lines, and no country to guess.
    anywhere = api.get("/api/v1/stories/the-call/").json()["crisis"]
    assert anywhere["country"] is None
    assert [line["name"] for line in anywhere["results"]] == ["Befrienders"]

    assert api.get("/api/v1/stories/the-call/?country=ZZ").status_code == 400


def test_detail_has_typed_blocks_and_live_related_resources(api):
    hidden = make_resource(name="Draft line", publish=False)
    shown = make_resource(name="Music Minds Matter", kind="helpline")
    make_story(
        title="Coming home",
        resources=[shown, hidden],
        body=[
            ("text", '<p>See <a href="https://example.org/x">this</a>.</p>'),
            ("quote", {"text": "Coming home is part of the tour.", "attribution": ""}),
            ("callout", {"tone": "crisis", "title": "Help now", "text": "<p>Call 999.</p>"}),
        ],
    )
    story = api.get("/api/v1/stories/coming-home/").json()
    assert story["body"] == [
        {
            "type": "text",
            "html": '<p>See <a href="https://example.org/x" rel="noopener noreferrer">this</a>'
            ".</p>",
        },
        {"type": "quote", "text": "Coming home is part of the tour.", "attribution": ""},
        {"type": "callout", "tone": "crisis", "title": "Help now", "html": "<p>Call 999.</p>"},
    ]
    assert [r["name"] for r in story["resources"]] == ["Music Minds Matter"]


def test_a_story_in_another_language_falls_back_field_by_field(api):
    story = make_story(title="Managing grief", notes=["grief"], standfirst="On losing a friend.")
    translate(story, "es", {"Managing grief": "Gestionar el duelo"})
    listed = api.get("/api/v1/stories/?locale=es").json()["results"][0]
    assert listed["title"] == "Gestionar el duelo"
    assert listed["standfirst"] == "On losing a friend."  # not translated yet
    assert listed["locale"] == "es"
    assert listed["url"].startswith("http://testserver/es/")
    assert listed["teller"]["country"]["name"] == "Reino Unido"
    assert listed["content_notes"] == [{"code": "grief", "label": "Duelo y pérdida"}]
    # The translation's slug finds it too.
    detail = api.get("/api/v1/stories/managing-grief/", HTTP_ACCEPT_LANGUAGE="es").json()
    assert detail["title"] == "Gestionar el duelo"


def test_publishing_a_change_purges_the_cached_list(api):
    story = make_story(title="Before")
    assert api.get("/api/v1/stories/").json()["results"][0]["title"] == "Before"
    story.title = "After"
    story.save_revision().publish()
    assert api.get("/api/v1/stories/").json()["results"][0]["title"] == "After"
    story.unpublish()
    assert api.get("/api/v1/stories/").json()["count"] == 0


def test_stories_are_in_the_openapi_schema(api):
    schema = api.get("/api/v1/schema/?format=json").json()
    assert {"/api/v1/stories/", "/api/v1/stories/{slug}/"} <= set(schema["paths"])
    detail = schema["paths"]["/api/v1/stories/{slug}/"]["get"]
    assert {p["name"] for p in detail["parameters"]} >= {"slug", "country", "locale"}
    listing = schema["paths"]["/api/v1/stories/"]["get"]
    assert {p["name"] for p in listing["parameters"]} >= {"topic", "role", "country", "page"}


def test_topics_are_named_in_the_locale(api):
    grief = make_topic("grief", "Grief")
    translate(grief, "es", {"Grief": "Duelo"})
    make_story(title="Managing grief", topics=[Topic.objects.get(pk=grief.pk)])
    story = api.get("/api/v1/stories/?locale=es").json()["results"][0]
    assert story["topics"] == [{"slug": "grief", "name": "Duelo"}]


def test_a_draft_story_previews_as_partners_will_receive_it(api):
    from cms.scheduling.preview import preview_token_create

    story = make_story(title="The call", notes=["suicide"])
    story.title = "The call (edited)"
    story.save_revision()
    body = api.get("/api/v1/preview/", {"token": preview_token_create(story)}).json()
    assert body["type"] == "story" and body["preview"] is True
    assert body["data"]["title"] == "The call (edited)"
    assert body["data"]["content_notes"] == [{"code": "suicide", "label": "Suicide"}]
    assert body["data"]["crisis"]["country"] is None
    # The public API still serves what is live.
    assert api.get("/api/v1/stories/the-call/").json()["title"] == "The call"
