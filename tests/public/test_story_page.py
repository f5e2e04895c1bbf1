"""A story's public page: safe-messaging rules built in. Content notes come before the text,
the visitor's crisis lines come with it, and an illustrative story says so."""

from tests.factories import make_resource, make_story


def test_the_content_note_comes_before_the_text(client, home):
    make_story(
        title="The call",
        notes=["suicide", "substance_use"],
        standfirst="A season that ended in dark thoughts.",
        body=[("text", "<p>A poster had a helpline number on it.</p>")],
    )
    html = client.get("/en/stories/the-call/").content.decode()
    note = html.index("This story mentions: Suicide, Substance use.")
    assert note < html.index("A season that ended in dark thoughts.")
    assert note < html.index("A poster had a helpline number on it.")
    assert '<a href="#support">Go straight to support</a>' in html


def test_a_story_without_notes_has_no_note_box(client, home):
    make_story(title="Coming home")
    assert "This story mentions" not in client.get("/en/stories/coming-home/").content.decode()


def test_every_story_is_served_with_the_visitors_crisis_lines(client, home):
    make_resource(
        name="Lifeline Australia",
        countries=("AU",),
        time_zone="Australia/Sydney",
        contact_points=(("phone", "131114", "AU"),),
    )
    helpline = make_resource(
        name="Support Act",
        kind="helpline",
        countries=("AU",),
        time_zone="Australia/Sydney",
        contact_points=(("phone", "1800959500", "AU"),),
    )
    make_story(title="The call", notes=["suicide"], resources=[helpline])
    html = client.get("/en/stories/the-call/?country=AU").content.decode()
    support = html.index('id="support"')
    assert html.index('href="tel:000"') > support  # Australia's emergency number
    assert html.index("Lifeline Australia") > support
    assert "Support Act" in html  # the story's related resource
    assert '<roadcase-finder partner="hub" locale="en" country="AU">' in html


def test_an_illustrative_story_says_so_and_a_real_one_does_not(client, home):
    make_story(title="Written for the demo")
    make_story(title="Told by a person", is_illustrative=False, consent_given_on="2026-01-05")
    assert "Illustrative story" in client.get("/en/stories/written-for-the-demo/").content.decode()
    assert "Illustrative story" not in client.get("/en/stories/told-by-a-person/").content.decode()


def test_a_translated_story_page_keeps_the_rules(client, home):
    from tests.api.factories import translate

    story = make_story(title="The call", notes=["suicide"])
    translate(story, "ar", {"The call": "المكالمة"})
    html = client.get("/ar/stories/the-call/?country=EG").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "<h1>المكالمة</h1>" in html
    assert html.index('id="content-note-heading"') < html.index('id="support"')
    assert 'href="tel:122"' in html
