"""``export_hsds``: the directory as HSDS 3.0, valid against the official schemas."""

import json
import uuid

import pytest
from django.core.management import call_command

from cms.hsds.export import document_errors, hsds_document
from cms.hsds.mapping import stable_id
from tests.factories import make_resource

pytestmark = pytest.mark.django_db


def test_every_object_validates_against_the_official_schemas(directory, hsds_validator):
    document = hsds_document()
    assert len(document["services"]) == 3
    for service in document["services"]:
        hsds_validator(service, "service")
    for organization in document["organizations"]:
        hsds_validator(organization, "organization")
    for taxonomy in document["taxonomies"]:
        hsds_validator(taxonomy, "taxonomy")
    for term in document["taxonomy_terms"]:
        hsds_validator(term, "taxonomy_term")
    assert document_errors(document) == []


def by_name(document):
    return {s["name"]: s for s in document["services"]}


def test_the_mapping_of_a_crisis_line(directory):
    samaritans = by_name(hsds_document())["Samaritans"]
    # A non-UUID external id gives a stable derived UUID.
    assert samaritans["id"] == stable_id("resource", "samaritans-gb")
    assert samaritans["status"] == "active"
    assert samaritans["assured_date"] == "2026-03-01"
    assert [(p["number"], p["type"]) for p in samaritans["phones"]] == [("116123", "voice")]
    phone_fields = {
        a["taxonomy_term"]["code"]: a.get("value") for a in samaritans["phones"][0]["attributes"]
    }
    assert phone_fields == {"dialled_in": "GB", "hours": "24/7", "position": "1"}
    assert samaritans["email"] == "jo@samaritans.org"
    assert samaritans["contacts"][0]["email"] == "jo@samaritans.org"
    location = samaritans["service_at_locations"][0]["location"]
    assert (location["location_type"], location["url"]) == (
        "virtual",
        "https://www.samaritans.org/chat",
    )
    assert [(a["name"], a["extent"]) for a in samaritans["service_areas"]] == [
        ("United Kingdom", "ISO 3166-1:GB"),
        ("Ireland", "ISO 3166-1:IE"),
    ]
    assert [(lang["code"], lang["name"]) for lang in samaritans["languages"]] == [
        ("cy", "Welsh"),
        ("en", "English"),
    ]
    assert samaritans["schedules"] == []  # the hours are on the contact points
    codes = {
        a["taxonomy_term"]["taxonomy"]: a["taxonomy_term"]["code"]
        for a in samaritans["attributes"]
        if "value" not in a
    }
    assert codes["Roadcase kinds"] == "crisis_line"


def test_hours_become_weekly_schedules(directory):
    backline = by_name(hsds_document())["Backline care"]
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in backline["schedules"]] == [
        ("MO,TU,WE,TH,FR", "09:00", "17:00"),
        ("SA", "10:00", "14:00"),
    ]
    assert {s["freq"] for s in backline["schedules"]} == {"WEEKLY"}
    assert backline["description"] == "Backline care summary\n\nLonger text.\n\nIn two paragraphs."
    assert backline["organization_id"] in {o["id"] for o in hsds_document()["organizations"]}
    assert [a["name"] for a in backline["service_areas"]] == ["Worldwide"]


def test_a_uuid_external_id_is_the_service_id(directory):
    assert by_name(hsds_document())["Night line"]["id"] == "0b7f4a2e-8a4d-4d7e-9b39-3f1c2a9d5e61"


def test_drafts_and_translations_are_not_exported(locales):
    make_resource(name="Draft", publish=False)
    assert hsds_document()["services"] == []


def test_ids_are_uuids_and_unique(directory):
    document = hsds_document()
    ids = []

    def collect(value):
        if isinstance(value, dict):
            if "id" in value and "taxonomy_term" not in value.get("id", ""):
                ids.append((value["id"], json.dumps(value, sort_keys=True)))
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(document)
    for object_id, _body in ids:
        uuid.UUID(object_id)
    distinct = {}
    for object_id, body in ids:  # one id, one object (terms repeat inside attributes)
        assert distinct.setdefault(object_id, body) == body


def test_the_command_writes_the_document(directory, tmp_path):
    target = tmp_path / "directory.json"
    call_command("export_hsds", "-o", str(target))
    assert json.loads(target.read_text(encoding="utf-8")) == hsds_document()
