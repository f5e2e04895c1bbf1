"""Importing HSDS 3.0 JSON: a broken document is reported with the path of each problem and
changes nothing; services from other directories map onto resources."""

import json
from pathlib import Path

import pytest

from cms.imports.hsds_reader import read_hsds
from cms.imports.service import CREATED, FAILED, import_rows
from cms.models import Resource

pytestmark = pytest.mark.django_db
EXAMPLE = Path(__file__).parent.parent / "data" / "hsds-3.0" / "examples" / "service_full.json"
SERVICE_ID = "ac148810-d857-441c-9679-408f346de14b"


def service(**values):
    data = {
        "id": SERVICE_ID,
        "name": "Community Counselling",
        "description": "Counselling by trained professionals.",
        "status": "active",
        "phones": [{"id": "2a2f5ff4-3c11-4a5d-a5d3-fbd8b14bc0a4", "number": "+44 20 7946 0000"}],
        "languages": [{"id": "d3c9ad27-1b34-4c6a-b9a9-2f1e4d9b3c1f", "code": "en"}],
        "service_areas": [
            {"id": "c7d9f7a3-3a34-4cf3-9c2e-a7a6a4a0d2a1", "name": "GB", "extent": "GB"}
        ],
    }
    data.update(values)
    return data


def run(document, **options):
    data = document if isinstance(document, bytes) else json.dumps(document).encode()
    rows, file_errors = read_hsds(data)
    return import_rows(rows, file_errors=file_errors, **options)


def problems(report):
    return [(e.row, e.column, e.message) for e in report.errors]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (b"{not json", (0, "", "Not JSON: Expecting property name")),
        (b'{"services": {}}', (0, "services", "An HSDS document needs a list of services.")),
        ({"services": [service(id="42")]}, (1, "services[0].id", "'42' is not a 'uuid'")),
        (
            {
                "services": [
                    service(),
                    service(
                        id="5f0c7ad4-0d1e-4c2b-8e8e-2d0a9b1c3d4e",
                        phones=[{"id": "0b0f4f3e-1d2c-4b5a-9e8f-7a6b5c4d3e2f"}],
                    ),
                ]
            },
            (2, "services[1].phones[0]", "'number' is a required property"),
        ),
        ({"services": [service(status="open")]}, (1, "services[0].status", "'open' is not one of")),
        (
            {"services": [service(name=None)]},
            (1, "services[0].name", "None is not of type 'string'"),
        ),
    ],
)
def test_a_broken_document_is_reported_by_path(locales, document, expected):
    report = run(document)
    found = problems(report)
    assert any(
        (row, column) == expected[:2] and message.startswith(expected[2])
        for row, column, message in found
    ), found
    assert report.rows == [] and not Resource.objects.exists()


def test_a_service_from_another_directory_needs_a_kind(locales):
    report = run({"services": [service(url="https://example.org/counselling")]})
    # Roadcase needs a kind; the time zone follows from the one country it serves (GB).
    assert problems(report) == [(1, "services[0].attributes", "kind is required.")]
    assert not Resource.objects.exists()


def test_unknown_countries_and_languages_are_reported_on_their_lists(locales):
    document = {
        "services": [
            service(
                service_areas=[{"id": "c7d9f7a3-3a34-4cf3-9c2e-a7a6a4a0d2a1", "name": "Atlantis"}],
                languages=[{"id": "d3c9ad27-1b34-4c6a-b9a9-2f1e4d9b3c1f", "code": "xx-QQ"}],
            )
        ]
    }
    columns = {c for _r, c, _m in problems(run(document))}
    assert {"services[0].service_areas", "services[0].languages"} <= columns
    assert not Resource.objects.exists()


def test_the_official_example_validates_and_maps(locales):
    example = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    rows, file_errors = read_hsds(json.dumps(example).encode())
    assert file_errors == []
    (row,) = rows
    assert row.external_id == example["id"]
    assert row.values["name"] == "Community Counselling"
    assert row.values["contact_points"], "its phones become contact points"


def test_a_phone_error_names_the_hsds_phone(locales, hsds_kind_attribute):
    bad = service(
        phones=[{"id": "2a2f5ff4-3c11-4a5d-a5d3-fbd8b14bc0a4", "number": "020 7946"}],
        attributes=[hsds_kind_attribute],
    )
    report = run({"services": [bad]})
    assert [r.action for r in report.rows] == [FAILED]
    assert "services[0].phones[0].number" in {c for _r, c, _m in problems(report)}, problems(report)


def test_a_good_service_is_created_with_its_hsds_id(locales, hsds_kind_attribute):
    report = run(
        {
            "services": [
                service(
                    attributes=[hsds_kind_attribute],
                    schedules=[
                        {
                            "id": "9d1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                            "freq": "WEEKLY",
                            "byday": "MO,TU",
                            "opens_at": "09:00",
                            "closes_at": "17:00",
                        }
                    ],
                )
            ]
        }
    )
    assert [r.action for r in report.rows] == [CREATED], report.lines()
    resource = Resource.objects.get()
    assert resource.external_id == SERVICE_ID
    assert resource.kind == "therapy"
    assert resource.hours == "Mo-Tu 09:00-17:00"
    assert resource.time_zone == "Europe/London"
    assert [(p.method, p.value) for p in resource.contact_points.all()] == [
        ("phone", "+442079460000")
    ]


def test_row_problems_name_their_hsds_path(locales, hsds_kind_attribute):
    report = run({"services": [service(name="", attributes=[hsds_kind_attribute])]})
    assert problems(report) == [(1, "services[0].name", "name is required.")]
    assert not Resource.objects.exists()
