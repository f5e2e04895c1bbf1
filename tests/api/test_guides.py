"""GET /api/v1/guides/ and /api/v1/guides/{slug}/: chapters as structured JSON blocks, rich text
expanded and sanitized, never Wagtail's database HTML.
"""

from tests.api.factories import chapter, make_guide, text_block, translate
from tests.factories import event_index, make_resource


def test_list_shows_live_guides_only(api):
    make_guide(title="Mind The Music", slug="mind-the-music")
    make_guide(title="Draft guide", slug="draft-guide", publish=False)
    body = api.get("/api/v1/guides/").json()
    assert body["count"] == 1
    [guide] = body["results"]
    assert guide["slug"] == "mind-the-music" and guide["locale"] == "en"
    assert guide["url"].startswith("http://testserver/")
    assert "chapters" not in guide
    assert api.get("/api/v1/guides/draft-guide/").status_code == 404


def test_chapters_are_typed_blocks(api):
    resource = make_resource(name="Samaritans")
    hidden = make_resource(name="Draft line", publish=False)
    make_guide(
        chapters=[
            chapter(
                "On the road",
                text_block("<p>Sleep <b>matters</b>.</p>"),
                {
                    "type": "callout",
                    "value": {"tone": "crisis", "title": "Now", "text": "<p>Call 999.</p>"},
                },
                {
                    "type": "tool",
                    "value": {
                        "title": "Breathe",
                        "duration_minutes": 2,
                        "intro": "",
                        "steps": ["In", "Out"],
                    },
                },
                {"type": "quote", "value": {"text": "Guard your sleep.", "attribution": "FOH"}},
                {
                    "type": "resources",
                    "value": {"title": "Lines", "resources": [resource.pk, hidden.pk]},
                },
            )
        ]
    )
    body = api.get("/api/v1/guides/mind-the-music/").json()
    [first] = body["chapters"]
    assert first["title"] == "On the road"
    text, callout, tool, quote, resources = first["blocks"]
    assert text == {"type": "text", "html": "<p>Sleep <b>matters</b>.</p>"}
    assert callout == {
        "type": "callout",
        "tone": "crisis",
        "title": "Now",
        "html": "<p>Call 999.</p>",
    }
    assert tool["steps"] == ["In", "Out"] and tool["duration_minutes"] == 2
    assert quote == {"type": "quote", "text": "Guard your sleep.", "attribution": "FOH"}
    assert resources["title"] == "Lines"
    assert [r["name"] for r in resources["resources"]] == ["Samaritans"]
    assert resources["resources"][0]["contact_points"][0]["href"] == "tel:116123"


def test_rich_text_links_are_expanded_and_markup_is_sanitized(api):
    target = event_index()
    html = (
        f'<p>See <a linktype="page" id="{target.pk}">events</a>, '
        '<a href="javascript:alert(1)">this</a> and <a href="https://ok.example">that</a>.'
        '<script>alert(1)</script><img src=x onerror="alert(1)"></p>'
    )
    make_guide(chapters=[chapter("Links", text_block(html))])
    [block] = api.get("/api/v1/guides/mind-the-music/").json()["chapters"][0]["blocks"]
    rendered = block["html"]
    assert "linktype" not in rendered
    assert f'href="http://testserver{target.url}"' in rendered
    assert "javascript:" not in rendered and "<script" not in rendered and "<img" not in rendered
    assert 'href="https://ok.example" rel="noopener noreferrer"' in rendered


def test_a_translated_guide_is_served_in_its_locale(api):
    guide = make_guide(chapters=[chapter("Before the tour", text_block("<p>Plan ahead.</p>"))])
    translate(guide, "ar", {"Mind The Music": "انتبه للموسيقى", "Before the tour": "قبل الجولة"})
    body = api.get("/api/v1/guides/mind-the-music/?locale=ar").json()
    assert body["locale"] == "ar" and body["title"] == "انتبه للموسيقى"
    assert body["chapters"][0]["title"] == "قبل الجولة"
    assert body["intro"] == "Tools for the road."


def test_private_guides_are_not_served(api):
    from wagtail.models import PageViewRestriction

    guide = make_guide(slug="members-only")
    make_guide(title="Open to all", slug="open-to-all")
    PageViewRestriction.objects.create(page=guide, restriction_type="password", password="x")
    listed = api.get("/api/v1/guides/").json()
    assert [item["slug"] for item in listed["results"]] == ["open-to-all"]
    assert api.get("/api/v1/guides/members-only/").status_code == 404
    assert api.get("/api/v1/guides/open-to-all/").status_code == 200


def test_guides_in_a_private_section_are_not_served(api):
    from wagtail.models import PageViewRestriction

    guide = make_guide(slug="members-only")
    PageViewRestriction.objects.create(
        page=guide.get_parent(), restriction_type="password", password="x"
    )
    assert api.get("/api/v1/guides/").json()["count"] == 0
    assert api.get("/api/v1/guides/members-only/").status_code == 404


def test_query_count_of_the_guide_list_does_not_grow_with_page_size(
    api, django_assert_max_num_queries
):
    for number in range(6):
        make_guide(title=f"Guide {number}", slug=f"guide-{number}")
    with django_assert_max_num_queries(12):
        few = api.get("/api/v1/guides/?page_size=2&locale=ar")
    with django_assert_max_num_queries(12):
        many = api.get("/api/v1/guides/?page_size=6&locale=ar")
    assert len(few.json()["results"]) == 2 and len(many.json()["results"]) == 6
