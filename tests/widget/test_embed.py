"""The embed code the Partner's admin page gives (issues 17 and 22): a preconnect to the hub, the
quick-exit address as an attribute (never a country: that is the visitor's), and fallback
content inside the element, rendered from the directory, that shows until the widget loads or
if it never does."""

from html.parser import HTMLParser

from django.test import override_settings

from cms.models import Country
from tests.api.factories import make_partner
from tests.factories import make_resource
from widget.embed import embed_snippet

HUB = "https://hub.example/"


class Parsed(HTMLParser):
    """The snippet's elements (tag, attributes) in order, and its text inside the finder."""

    def __init__(self, html):
        super().__init__()
        self.elements, self.links, self.text, self.inside = [], [], [], False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self.inside = self.inside or tag == "roadcase-finder"
        if tag == "a":
            self.links.append(dict(attrs)["href"])

    def handle_endtag(self, tag):
        if tag == "roadcase-finder":
            self.inside = False

    def handle_data(self, data):
        if self.inside and data.strip():
            self.text.append(data.strip())

    def element(self, tag):
        return next(attrs for name, attrs in self.elements if name == tag)


def test_a_partner_with_a_country_gets_its_emergency_number_and_top_crisis_line(locales):
    make_resource(
        name="A daytime line",
        hours="Mo-Fr 09:00-17:00",
        contact_points=[("phone", "08001234567", "GB")],
    )
    make_resource(name="Samaritans", hours="24/7", contact_points=[("phone", "116123", "GB")])
    partner = make_partner(
        slug="glasto",
        default_country=Country.objects.get(code="GB"),
        quick_exit_url="https://weather.example/",
    )
    html = embed_snippet(partner, HUB)
    parsed = Parsed(html)
    assert parsed.elements[0] == (
        "link",
        {"rel": "preconnect", "href": "https://hub.example", "crossorigin": None},
    )
    assert parsed.element("roadcase-finder") == {
        "partner": "glasto",
        "quick-exit": "https://weather.example/",
    }
    assert "script" not in [tag for tag, _ in parsed.elements[2:]]  # none inside the element
    assert ("h2", {}) in parsed.elements
    # The emergency numbers as the database holds them, then the 24/7 national line.
    assert "tel:999" in parsed.links and "tel:112" in parsed.links
    assert "tel:116123" in parsed.links and "tel:08001234567" not in parsed.links
    assert "Call 999" in parsed.text
    assert "Samaritans:" in parsed.text and "Call 116 123" in parsed.text
    assert parsed.links[-1] == "https://weather.example/"
    assert "Quick exit" in parsed.text


def test_a_partner_without_a_country_gets_the_local_number_advice_and_a_directory(locales):
    make_resource(
        name="Befrienders Worldwide: find a helpline",
        countries=[],
        worldwide=True,
        contact_points=[("web", "https://www.befrienders.org/", "")],
        source_url="https://www.befrienders.org/what-we-do",
    )
    partner = make_partner(slug="label")
    parsed = Parsed(embed_snippet(partner, HUB))
    assert parsed.element("roadcase-finder") == {
        "partner": "label",
        "quick-exit": "https://www.google.com/",
    }
    assert "In an emergency, call your local emergency number." in parsed.text
    assert not [link for link in parsed.links if link.startswith("tel:")]
    assert "Befrienders Worldwide: find a helpline" in parsed.text
    assert "https://www.befrienders.org/" in parsed.links
    assert "https://www.befrienders.org/what-we-do" in parsed.links


def test_the_fallback_is_in_the_partner_language_and_escaped(locales):
    make_resource(name='Line <b>"one"</b>', contact_points=[("phone", "116123", "GB")])
    partner = make_partner(
        slug="festival",
        name="x",
        default_locale="ar",
        default_country=Country.objects.get(code="GB"),
    )
    html = embed_snippet(partner, HUB)
    assert "<b>" not in html and "Line &lt;b&gt;&quot;one&quot;&lt;/b&gt;" in html
    parsed = Parsed(html)
    assert parsed.element("div") == {"lang": "ar", "dir": "rtl"}
    assert "Quick exit" not in parsed.text


@override_settings(ROADCASE={"QUICK_EXIT_URL": "https://weather.example/?a=1&b=2"})
def test_the_default_quick_exit_comes_from_the_settings(locales):
    html = embed_snippet(make_partner(slug="label"), HUB)
    assert 'quick-exit="https://weather.example/?a=1&amp;b=2"' in html
    assert Parsed(html).element("roadcase-finder")["quick-exit"] == (
        "https://weather.example/?a=1&b=2"
    )
