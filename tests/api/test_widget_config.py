"""GET /api/v1/widget/{partner}/ and /api/v1/widget/: defaults and UI strings for the widget."""

from tests.api.factories import make_partner
from widget.strings import WIDGET_STRINGS


def test_partner_defaults_and_strings(api):
    make_partner(
        slug="glasto",
        default_locale="en",
        default_kinds="crisis_line,helpline",
        theme="dark",
        accent_colour="#ff0066",
        quick_exit_url="https://weather.example",
    )
    body = api.get("/api/v1/widget/glasto/?locale=ar").json()
    assert body["partner"] == {
        "slug": "glasto",
        "name": "Glastonbury",
        "default_locale": "en",
        "default_country": None,
        "default_kinds": ["crisis_line", "helpline"],
        "theme": "dark",
        "accent_colour": "#ff0066",
        "quick_exit_url": "https://weather.example",
    }
    assert body["locale"] == "ar" and body["direction"] == "rtl"
    assert set(body["strings"]) == set(WIDGET_STRINGS)
    assert {k["value"] for k in body["kinds"]} >= {"crisis_line", "helpline", "therapy"}
    assert {m["value"] for m in body["contact_methods"]} >= {"phone", "sms", "whatsapp"}


def test_without_a_partner(api):
    body = api.get("/api/v1/widget/?locale=en").json()
    assert body["partner"] is None and body["direction"] == "ltr"
    assert body["strings"]["title"] == str(WIDGET_STRINGS["title"])


def test_partner_default_locale_applies_when_the_visitor_names_none(api):
    make_partner(slug="sonar", default_locale="es")
    assert api.get("/api/v1/widget/sonar/").json()["locale"] == "es"
    assert api.get("/api/v1/widget/sonar/?locale=fr").json()["locale"] == "fr"


def test_unknown_or_inactive_partner_is_404(api):
    make_partner(slug="gone", active=False)
    assert api.get("/api/v1/widget/gone/").status_code == 404
    assert api.get("/api/v1/widget/nobody/").status_code == 404


def test_the_config_says_whether_the_concierge_takes_requests(api, settings):
    assert api.get("/api/v1/widget/?locale=en").json()["concierge_available"] is True
    settings.ROADCASE_CONCIERGE_KEY = ""
    assert api.get("/api/v1/widget/?locale=fr").json()["concierge_available"] is False
