"""The hub's home page: in all eight languages with a switcher and hreflang links, the finder
embedded as the hub's own partner, the crisis block for the visitor's country, featured guides,
upcoming events and stories, and nothing loaded from anywhere else."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from cms.models import Partner
from tests.api.factories import make_guide, make_partner
from tests.factories import make_event, make_resource, make_story

LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
HREFLANG = {"pt-br": "pt-BR"}
SWITCHER_LINK = (
    r'<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+"( aria-current="page")?>([^<]+)</a>'
)


def html_of(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, response
    return response.content.decode()


def test_the_root_sends_a_visitor_to_their_language(client, home):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.5")["Location"] == "/ar/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="pt-BR")["Location"] == "/pt-br/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ko")["Location"] == "/en/"


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_home_page_is_served_in_every_language(client, home, code):
    html = html_of(client, f"/{code}/")
    direction = "rtl" if code == "ar" else "ltr"
    assert f'<html lang="{HREFLANG.get(code, code)}" dir="{direction}">' in html
    # hreflang: every language, and the default for everyone else.
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert set(alternates) == {HREFLANG.get(c, c) for c in LANGUAGES} | {"x-default"}
    assert alternates["ar"] == "http://testserver/ar/"
    assert alternates["x-default"] == "http://testserver/en/"
    # The switcher: every language by its own name, the current one marked.
    switcher = re.search(
        r'<nav class="languages" aria-label="[^"]+"><ul>(.*?)</ul></nav>', html, re.S
    )
    links = re.findall(
        r'<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+"( aria-current="page")?>([^<]+)</a>',
        switcher.group(1),
    )
    assert [name for _url, _lang, _current, name in links] == [
        name for _code, name in settings.WAGTAIL_CONTENT_LANGUAGES
    ]
    assert [lang for _url, lang, current, _name in links if current] == [HREFLANG.get(code, code)]


def test_the_home_page_speaks_its_language(client, home):
    assert "<h1>Apoyo para todas las personas que hacen posible la música</h1>" in html_of(
        client, "/es/"
    )
    assert "<h1>الدعم لكل من يصنع الموسيقى</h1>" in html_of(client, "/ar/")


def test_the_finder_is_embedded_as_the_hubs_own_partner(client, home):
    html = html_of(client, "/pt-br/")
    partner = Partner.objects.get(slug="hub")
    assert partner.active
    assert '<roadcase-finder partner="hub" locale="pt-br">' in html
    script = re.search(r'<script async src="([^"]+)" integrity="(sha384-[^"]+)"', html)
    assert script and script.group(1).startswith("http://testserver/widget/v1/roadcase-finder.")


def test_nothing_is_loaded_from_anywhere_else(client, home):
    make_guide()
    make_story(title="The call", notes=["suicide"])
    html = html_of(client, "/en/")
    loaded = re.findall(r'<(?:script|img|iframe|source|video|audio)[^>]* src="([^"]+)"', html)
    loaded += re.findall(r'<link [^>]*rel="(?:stylesheet|preload|icon)"[^>]*href="([^"]+)"', html)
    assert len(loaded) == 1 and loaded[0].startswith("http://testserver/widget/")
    assert "@import" not in html and "url(" not in html  # no fonts or images from CSS


def test_the_crisis_block_shows_the_visitors_country_before_the_widget_starts(client, home):
    make_resource(name="Samaritans", countries=("GB",))
    asked = html_of(client, "/en/?country=gb")
    assert 'country="GB"' in asked  # the widget starts there too
    assert '<a class="contact contact--crisis" href="tel:999">Call 999</a>' in asked
    assert "Samaritans" in asked and 'href="tel:116123"' in asked
    # The browser's language region is a guess for the fallback, not imposed on the widget.
    guessed = html_of(client, "/en/", HTTP_ACCEPT_LANGUAGE="en-GB")
    assert 'href="tel:999"' in guessed and 'country="GB"' not in guessed
    unknown = html_of(client, "/en/", HTTP_ACCEPT_LANGUAGE="en")
    assert "call your local emergency number" in unknown
    assert '<select id="choose-country" name="country">' in unknown  # works without JavaScript


def test_the_crisis_block_is_in_the_pages_language(client, home):
    html = html_of(client, "/ar/?country=EG")
    assert 'href="tel:122"' in html
    assert "مصر" in html  # Egypt, named in Arabic


def test_featured_guides_upcoming_events_and_stories(client, home):
    make_guide(title="Mind The Music")
    make_event(title="Breather tent", slug="breather-tent")
    make_event(title="Last year's tent", slug="old-tent", starts_in=-timedelta(days=30))
    make_story(title="The call", notes=["suicide"], pseudonym="Sam")
    html = html_of(client, "/en/")
    assert 'href="/en/guides/mind-the-music/">Mind The Music</a>' in html
    assert 'href="/en/events/breather-tent/">Breather tent</a>' in html
    assert "Last year&#x27;s tent" not in html
    assert 'href="/en/stories/the-call/">The call</a>' in html
    assert "Content note:</strong> Suicide" in html
    assert "Sam (Touring crew, United Kingdom) · Illustrative" in html


def test_the_concierge_accepts_requests_from_the_hubs_own_pages(home, settings):
    settings.ROADCASE = {**settings.ROADCASE, "CONCIERGE_TEAM_EMAILS": ["team@example.org"]}
    make_partner(slug="glasto", origins=["https://partner.example"])
    payload = {
        "email": "sam@example.org",
        "country": "GB",
        "language": "en",
        "message": "I need a counsellor who knows touring.",
        "consent": True,
    }
    url = "/api/v1/concierge-requests/"
    own = APIClient(HTTP_ORIGIN="http://testserver").post(url, payload, format="json")
    assert own.status_code == 201
    from cms.models import ConciergeRequest

    assert ConciergeRequest.objects.get().partner.slug == "hub"
    other = APIClient(HTTP_ORIGIN="https://elsewhere.example").post(url, payload, format="json")
    assert other.status_code == 403
    # A deactivated hub partner closes its own door too.
    Partner.objects.filter(slug="hub").update(active=False)
    again = APIClient(HTTP_ORIGIN="http://testserver").post(url, payload, format="json")
    assert again.status_code == 403


def test_the_apis_404s_stay_404s_and_pages_get_their_language(client, home):
    missing = client.get("/api/v1/resources/999999/")
    assert missing.status_code == 404 and missing["Content-Type"] == "application/json"
    assert client.get("/widget/v1/nothing.js").status_code == 404
    assert client.get("/stories/", HTTP_ACCEPT_LANGUAGE="es")["Location"] == "/es/stories/"
