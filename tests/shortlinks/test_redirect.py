"""GET /s/<code>: a 302 to the link's target in the visitor's language, and the finder with a
kind word for an unknown, expired or not yet active code, never a bare 404."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from cms.models import ShortLinkDailyCount
from tests.factories import make_event, make_resource, make_short_link, make_story, make_topic


def follow(client, code, language=None, **headers):
    if language is not None:
        headers["HTTP_ACCEPT_LANGUAGE"] = language
    return client.get(f"/s/{code}", **headers)


def path_of(response):
    return response["Location"].removeprefix("http://testserver")


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("es-ES,es;q=0.9,en;q=0.5", "/es/guides/mind-the-music/"),
        ("ar", "/ar/guides/mind-the-music/"),
        ("en-GB", "/en/guides/mind-the-music/"),
        # French asked for, none written: the link's own language (Spanish here).
        ("fr-FR, fr;q=0.9", "/es/guides/mind-the-music/"),
        # Nothing asked for: the link's language too.
        ("", "/es/guides/mind-the-music/"),
    ],
)
def test_a_guide_link_leads_to_the_guide_in_the_visitors_language(
    client, guide, accept_language, expected
):
    make_short_link(code="mind", target="guide", page=guide, locale="es")
    response = follow(client, "mind", accept_language)
    assert response.status_code == 302
    assert path_of(response) == expected
    assert client.get(response["Location"]).status_code == 200


def test_without_a_language_of_its_own_a_link_falls_back_to_the_default(client, guide):
    make_short_link(code="mind", target="guide", page=guide)
    assert path_of(follow(client, "mind", "fr")) == "/en/guides/mind-the-music/"


def test_codes_are_found_whatever_their_case(client, guide):
    make_short_link(code="Glasto-25", target="guide", page=guide)
    assert path_of(follow(client, "GLASTO-25/", "ar")) == "/ar/guides/mind-the-music/"


def test_event_and_story_links(client, home, locales):
    event = make_event(title="Breather tent", slug="breather-tent")
    story = make_story(title="The call")
    make_short_link(code="tent", target="event", page=event)
    make_short_link(code="call", target="story", page=story)
    assert path_of(follow(client, "tent", "de")) == "/en/events/breather-tent/"
    assert path_of(follow(client, "call", "ja")) == "/en/stories/the-call/"


def test_a_resource_link_opens_the_finder_on_that_resource(client, home):
    resource = make_resource(name="Samaritans")
    make_short_link(code="sam", target="resource", resource=resource)
    response = follow(client, "sam", "sv")
    assert path_of(response) == f"/sv/?resource={resource.pk}"
    page = client.get(response["Location"]).content.decode()
    assert "Samaritans" in page and 'href="tel:116123"' in page


def test_a_finder_link_presets_country_and_topic(client, home):
    anxiety = make_topic("anxiety", "Anxiety")
    make_resource(name="Samaritans", topics=[anxiety])
    make_short_link(
        code="kit",
        target="finder",
        finder_country_id="GB",
        finder_topic=anxiety,
    )
    response = follow(client, "kit", "en")
    assert path_of(response) == "/en/?country=GB&topic=anxiety"
    page = client.get(response["Location"]).content.decode()
    assert 'country="GB"' in page  # the widget starts in that country
    assert "Support for Anxiety" in page and "Samaritans" in page


def test_an_unknown_code_lands_on_the_finder_with_a_kind_word(client, home):
    response = follow(client, "nothing-here", "es")
    assert response.status_code == 302
    assert path_of(response) == "/es/?link=unknown"
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="es")
    assert page.status_code == 200
    assert "<roadcase-finder" in page.content.decode()
    assert "does not lead anywhere" not in page.content.decode()  # said in Spanish
    assert 'class="note" role="status"' in page.content.decode()


def test_an_expired_link_lands_on_the_finder_and_is_not_counted(client, guide):
    link = make_short_link(
        code="old",
        target="guide",
        page=guide,
        active_until=timezone.now() - timedelta(minutes=1),
    )
    response = follow(client, "old", "en")
    assert path_of(response) == "/en/?link=expired"
    assert (
        "That short link has ended, but help has not"
        in client.get(response["Location"]).content.decode()
    )
    assert not ShortLinkDailyCount.objects.filter(link=link).exists()


def test_a_link_not_yet_active_says_so(client, guide):
    make_short_link(
        code="soon", target="guide", page=guide, active_from=timezone.now() + timedelta(days=1)
    )
    response = follow(client, "soon", "en")
    assert path_of(response) == "/en/?link=not-yet"
    assert "not open yet" in client.get(response["Location"]).content.decode()


def test_a_link_whose_page_was_unpublished_lands_on_the_finder(client, guide):
    make_short_link(code="mind", target="guide", page=guide)
    for translation in guide.get_translations(inclusive=True):
        translation.unpublish()
    assert path_of(follow(client, "mind", "en")) == "/en/?link=expired"


def test_redirects_are_never_cached_and_set_no_cookie(client, guide):
    make_short_link(code="mind", target="guide", page=guide)
    response = follow(client, "mind", "en")
    assert response["Cache-Control"] == "no-store"
    assert "Accept-Language" in response["Vary"]
    assert not response.cookies


def test_without_a_hub_home_page_links_land_on_the_plugins_finder_page(client, locales):
    # A host site whose root is its own page: the plugin's finder page at /s/ instead.
    response = follow(client, "nothing-here", "ar")
    assert path_of(response) == "/s/?link=unknown&locale=ar"
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<roadcase-finder partner="hub" locale="ar"' in html
    assert Locale.objects.count() == 8
