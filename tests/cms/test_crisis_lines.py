"""The shipped crisis lines: how they load (listed from their sources, never "verified"), and
what the shipped data promises a person in any country."""

from collections import defaultdict
from datetime import date

import pycountry
import pytest
from django.core.management import CommandError, call_command

from cms.codes import CodeError, parse_phone
from cms.crisis_lines import (
    CrisisDataError,
    load_crisis_lines,
    shipped_lines,
    shipped_translations,
)
from cms.hours import parse_hours, validate_time_zone
from cms.models import Resource

pytestmark = pytest.mark.django_db


def line(**fields):
    data = {
        "id": "gb-example",
        "kind": "crisis_line",
        "scope": "national",
        "countries": ["GB"],
        "name": "Example line",
        "local_names": {"cy": "Llinell enghreifftiol"},
        "organisation": "Example Trust",
        "summary": "Someone to talk to.",
        "languages": ["en", "cy"],
        "time_zone": "Europe/London",
        "hours": "24/7",
        "cost": "free",
        "contact_points": [{"method": "phone", "value": "116 123", "region": "GB"}],
        "sources": [
            {
                "url": "https://example.org/contact",
                "publisher": "operator",
                "read_on": "2026-12-05",
            },
            {"url": "https://list.example/gb", "publisher": "list", "read_on": "2026-12-04"},
        ],
        "file": "test.json",
    }
    data.update(fields)
    return data


def test_a_line_is_published_as_listed_from_its_sources_not_verified(locales):
    report = load_crisis_lines(lines=[line()], translations={})
    assert (report.created, report.existing) == (1, 0)
    resource = Resource.objects.get(external_id="gb-example")
    assert resource.live and not resource.is_demo
    assert (resource.name, resource.local_name) == ("Example line", "Llinell enghreifftiol")
    assert resource.organisation.name == "Example Trust"
    assert (resource.source_url, resource.source_read_on, resource.second_source_url) == (
        "https://example.org/contact",
        date(2026, 12, 5),
        "https://list.example/gb",
    )
    assert resource.last_verified is None and resource.verified_by == ""
    assert "operator's page (example.org) and a list (list.example)" in resource.source_note
    [point] = resource.contact_points.all()
    assert (point.value, point.display, point.href) == ("116123", "116 123", "tel:116123")


def test_loading_again_never_overwrites_an_editors_change(locales):
    load_crisis_lines(lines=[line()], translations={})
    Resource.objects.filter(external_id="gb-example").update(summary="Corrected by an editor")
    report = load_crisis_lines(lines=[line(), line(id="gb-other", name="Other")], translations={})
    assert (report.created, report.existing) == (1, 1)
    assert Resource.objects.get(external_id="gb-example").summary == "Corrected by an editor"


def test_lines_are_translated_once_into_the_hubs_locales(locales):
    french = {"Example line": "Ligne exemple", "Someone to talk to.": "Quelqu'un à qui parler."}
    report = load_crisis_lines(lines=[line()], translations={"fr": french, "xx": {}})
    assert report.translated == 1  # "xx" is not one of the hub's locales
    source = Resource.objects.get(external_id="gb-example", locale=locales["en"])
    translated = Resource.objects.get(translation_key=source.translation_key, locale=locales["fr"])
    assert translated.live
    assert (translated.name, translated.summary) == ("Ligne exemple", "Quelqu'un à qui parler.")
    assert translated.local_name == "Llinell enghreifftiol"  # synchronised, never translated
    Resource.objects.filter(pk=translated.pk).update(summary="Revu par une traductrice")
    assert load_crisis_lines(lines=[line()], translations={"fr": french}).translated == 0
    translated.refresh_from_db()
    assert translated.summary == "Revu par une traductrice"


def test_an_invalid_line_is_named_and_nothing_is_written(locales):
    bad = line(id="gb-truncated", contact_points=[{"method": "phone", "value": "+44 20 79"}])
    with pytest.raises(CrisisDataError, match=r"test.json: gb-truncated: contact_points\[0\]"):
        load_crisis_lines(lines=[line(), bad], translations={})
    assert not Resource.objects.exists()


@pytest.mark.demo  # every shipped line, in every locale: about a minute
def test_the_command_loads_every_shipped_line_and_translation_once(locales):
    call_command("load_crisis_lines")
    sources = Resource.objects.filter(locale=locales["en"])
    assert sources.count() == len(shipped_lines())
    translated = Resource.objects.exclude(locale=locales["en"])
    assert translated.count() == len(shipped_lines()) * len(shipped_translations())
    spanish = translated.get(
        locale=locales["es"], translation_key=sources.get(external_id="es-024").translation_key
    )
    assert spanish.name == "024, Línea de atención a la conducta suicida"
    call_command("load_crisis_lines")
    assert Resource.objects.count() == len(shipped_lines()) * (1 + len(shipped_translations()))


def test_the_command_names_a_bad_line(locales, monkeypatch):
    import cms.crisis_lines

    monkeypatch.setattr(cms.crisis_lines, "shipped_lines", lambda: [line(hours="Mo-Fr 9-5")])
    with pytest.raises(CommandError, match=r"test\.json: gb-example: hours"):
        call_command("load_crisis_lines")


# What the shipped data promises (cms/data/crisis_lines/*.json). ----------------------------

SHIPPED = shipped_lines()
EVERY_COUNTRY = {country.alpha_2 for country in pycountry.countries}
# Countries with a national line today. Issue 16 aims at 120; every line needs two agreeing
# sources, and the research logs (cms/data/crisis_lines/*.md) list what is still missing. This
# floor only rises: shipped data must never lose a country.
NATIONAL_COVERAGE_FLOOR = 72


def test_every_country_gets_at_least_one_line_and_most_a_national_one():
    national = defaultdict(list)
    worldwide = [entry for entry in SHIPPED if entry["scope"] == "worldwide"]
    for entry in SHIPPED:
        if entry["scope"] == "national":
            for code in entry["countries"]:
                national[code].append(entry["id"])
    assert worldwide, "a worldwide service answers for countries with no national line"
    assert len(EVERY_COUNTRY) == 249
    assert set(national) <= EVERY_COUNTRY
    assert len(national) >= NATIONAL_COVERAGE_FLOOR, f"{len(national)} countries have a line"


@pytest.mark.parametrize("entry", SHIPPED, ids=lambda entry: entry["id"])
def test_every_shipped_line_is_complete_and_sourced(entry):
    assert entry["kind"] in {"crisis_line", "helpline"}
    assert entry["scope"] in {"national", "worldwide"}
    assert (entry["scope"] == "worldwide") == (entry["countries"] == [])
    assert entry["name"] and entry["summary"] and entry["organisation"] and entry["languages"]
    validate_time_zone(entry["time_zone"])
    assert parse_hours(entry["hours"]) is not None, "hours, or 24/7"
    assert entry["cost"] in {"free", "paid"}
    reachable = {"phone", "sms", "whatsapp", "chat"}
    if entry["scope"] == "national":
        assert any(point["method"] in reachable for point in entry["contact_points"])
    else:
        assert any(point["method"] in reachable | {"web"} for point in entry["contact_points"])
    for point in entry["contact_points"]:
        if point["method"] in {"phone", "sms", "whatsapp"}:
            try:
                parse_phone(point["value"], point.get("region", ""))
            except CodeError as error:
                pytest.fail(f"{point['value']}: {error}")
    sources = entry["sources"]
    assert len({source["url"] for source in sources}) >= 2, "two independent sources"
    for source in sources:
        assert source["url"].startswith("https://") or source["url"].startswith("http://")
        assert date.fromisoformat(source["read_on"]) <= date.today()
        assert source["publisher"] in {"operator", "government", "list", "news"}


def test_shipped_ids_are_unique():
    ids = [entry["id"] for entry in SHIPPED]
    assert len(ids) == len(set(ids))
