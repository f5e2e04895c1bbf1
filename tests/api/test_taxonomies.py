"""GET /api/v1/topics/, /api/v1/countries/ and /api/v1/locales/."""

from tests.api.factories import translate
from tests.factories import make_topic


def test_topics_in_the_requested_locale(api):
    grief = make_topic(slug="grief", name="Grief")
    grief.description = "Loss and mourning."
    grief.save()
    translate(grief, "ar", {"Grief": "الحزن"})
    make_topic(slug="anxiety", name="Anxiety")

    body = api.get("/api/v1/topics/?locale=ar").json()
    assert body["locale"] == "ar"
    assert body["results"] == [
        {"slug": "anxiety", "name": "Anxiety", "description": "", "locale": "en"},
        {"slug": "grief", "name": "الحزن", "description": "Loss and mourning.", "locale": "ar"},
    ]


def test_countries_with_localized_names_and_emergency_numbers(api):
    body = api.get("/api/v1/countries/?locale=de").json()
    by_code = {c["code"]: c for c in body["results"]}
    assert len(by_code) == 249
    assert by_code["DE"]["name"] == "Deutschland"
    assert by_code["US"]["emergency_numbers"][0]["number"] == "911"
    names = [c["name"] for c in body["results"]]
    assert names == sorted(names, key=str.casefold)


def test_locales_list_every_content_locale_with_its_direction(api, settings):
    results = api.get("/api/v1/locales/").json()["results"]
    assert [r["code"] for r in results] == [c for c, _ in settings.WAGTAIL_CONTENT_LANGUAGES]
    directions = {r["code"]: r["direction"] for r in results}
    assert directions["ar"] == "rtl" and directions["en"] == "ltr"
    assert {r["code"]: r["name"] for r in results}["ja"] == "日本語"
