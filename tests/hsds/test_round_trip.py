"""Export, import into an empty directory, export again: the same document."""

import json

import pytest

from cms.hsds.export import hsds_document
from cms.imports.hsds_reader import read_hsds
from cms.imports.service import CREATED, UNCHANGED, import_rows
from cms.models import ContactPoint, Organisation, Resource, Topic

pytestmark = pytest.mark.django_db


def empty_directory():
    Resource.objects.all().delete()
    Organisation.objects.all().delete()
    Topic.objects.all().delete()
    assert not ContactPoint.objects.exists()


def reimport(document):
    rows, errors = read_hsds(json.dumps(document).encode())
    assert errors == []
    return import_rows(rows)


def test_round_trip_gives_the_same_document(directory):
    first = hsds_document()
    empty_directory()
    report = reimport(first)
    assert [r.action for r in report.rows] == [CREATED] * 3, report.lines()
    assert hsds_document() == first


def test_importing_the_same_document_again_changes_nothing(directory):
    first = hsds_document()
    report = reimport(first)
    assert {r.action for r in report.rows} == {UNCHANGED}, report.lines()
    assert hsds_document() == first


def test_round_trip_keeps_the_facts(directory):
    first = hsds_document()
    empty_directory()
    reimport(first)
    backline = Resource.objects.get(name="Backline care")
    assert backline.hours == "Mo-Fr 09:00-17:00; Sa 10:00-14:00"
    assert backline.time_zone == "America/New_York"
    assert backline.cost == "sliding_scale"
    assert backline.is_demo
    assert backline.organisation.name == "Backline"
    assert backline.organisation.country_id == "US"
    assert sorted(t.slug for t in backline.topics.all()) == ["anxiety", "burnout"]
    # In their original order, although HSDS keeps them in three lists.
    assert [(p.method, p.value, p.hours) for p in backline.contact_points.all()] == [
        ("web", "https://backline.care/get-help", ""),
        ("whatsapp", "+14155550100", "Mo-Fr 09:00-12:00,13:00-17:00"),
        ("sms", "+14155550199", ""),
    ]


@pytest.mark.demo
def test_round_trip_of_the_demo_directory(locales):
    """The demo hub's resources and the shipped crisis lines (guides, events and translations
    are left out)."""
    from cms.crisis_lines import load_crisis_lines
    from cms.demo import loader

    topics = {t["slug"]: loader._topic(t, locales["en"]) for t in loader._read("topics.json")}
    organisations = {
        o["slug"]: loader._organisation(o, locales["en"])
        for o in loader._read("organisations.json")
    }
    for data in loader._read("resources.json"):
        loader._resource(data, locales["en"], topics, organisations)
    load_crisis_lines(translations={})
    first = hsds_document()
    assert len(first["services"]) >= 100
    empty_directory()
    report = reimport(first)
    assert report.errors == []
    assert report.count(CREATED) == len(first["services"])
    assert hsds_document() == first
