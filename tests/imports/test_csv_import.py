"""Importing resources from CSV: created, updated or unchanged by external id; every problem
reported with its row, column and reason; a failed import changes nothing.
"""

import pytest

from cms.imports.csv_reader import read_csv, write_csv
from cms.imports.service import CREATED, FAILED, UNCHANGED, UPDATED, import_rows
from cms.models import Organisation, Resource
from tests.factories import make_topic

from .conftest import csv_bytes, good_row

pytestmark = pytest.mark.django_db


def run(data, **options):
    rows, file_errors = read_csv(data)
    return import_rows(rows, file_errors=file_errors, **options)


def problems(report):
    return [(e.row, e.column, e.message) for e in report.errors]


def test_a_good_file_creates_published_resources(locales):
    make_topic("anxiety")
    report = run(csv_bytes(good_row(topics="anxiety", organisation="Samaritans")))
    assert [(r.number, r.action) for r in report.rows] == [(2, CREATED)]
    assert report.committed
    resource = Resource.objects.get(external_id="samaritans-gb")
    assert resource.live
    assert resource.review_due.isoformat() == "2026-07-15"
    assert sorted(c.code for c in resource.countries.all()) == ["GB", "IE"]
    assert [(p.method, p.value, p.region, p.label) for p in resource.contact_points.all()] == [
        ("phone", "116123", "GB", "Call free"),
        ("email", "jo@samaritans.org", "", ""),
    ]
    assert resource.organisation == Organisation.objects.get(slug="samaritans")
    assert [t.slug for t in resource.topics.all()] == ["anxiety"]


def test_a_byte_order_mark_is_accepted(locales):
    assert run(csv_bytes(good_row(), bom=True)).count(CREATED) == 1


def test_a_dry_run_reports_what_would_happen_and_writes_nothing(unchanged):
    report = run(csv_bytes(good_row()), dry_run=True)
    assert [r.action for r in report.rows] == [CREATED]
    assert not report.committed
    assert "1 created" in report.lines()[-1]
    assert unchanged()


def test_importing_twice_changes_nothing_and_edits_update_in_place(locales):
    data = csv_bytes(good_row())
    run(data)
    resource = Resource.objects.get()
    revisions = resource.revisions.count()
    point_key = resource.contact_points.first().translation_key

    assert [r.action for r in run(data).rows] == [UNCHANGED]
    assert resource.revisions.count() == revisions

    report = run(csv_bytes(good_row(summary="Talk to someone, any time.")))
    assert [r.action for r in report.rows] == [UPDATED]
    resource.refresh_from_db()
    assert resource.summary == "Talk to someone, any time."
    assert Resource.objects.count() == 1
    # The contact point was updated in place: its translations stay attached.
    assert resource.contact_points.first().translation_key == point_key


def test_what_the_export_writes_imports_unchanged(locales):
    run(csv_bytes(good_row(hours="Mo-Fr 09:00-17:00; Sa 10:00-14:00", description="Two\nlines")))
    exported = write_csv(Resource.objects.all()).encode()
    assert [r.action for r in run(exported).rows] == [UNCHANGED]


def test_a_national_only_number_is_imported_as_dialled_at_home(locales):
    run(
        csv_bytes(
            good_row(
                countries="AU", time_zone="Australia/Sydney", contact_points="phone:13 11 14@AU"
            )
        )
    )
    point = Resource.objects.get().contact_points.get()
    assert (point.value, point.display, point.href) == ("131114", "13 11 14", "tel:131114")


def test_a_short_number_with_a_leading_zero_survives(locales):
    run(csv_bytes(good_row(countries="ES", contact_points="phone:024@ES")))
    assert Resource.objects.get().contact_points.get().value == "024"
    assert [
        r.action
        for r in run(csv_bytes(good_row(countries="ES", contact_points="phone:024@ES"))).rows
    ] == [UNCHANGED]


# Malformed input: reported precisely, nothing changed. -----------------------------------


def test_wrong_encoding(unchanged):
    data = csv_bytes(good_row(), good_row(external_id="b", name="Café Crème"), encoding="latin-1")
    report = run(data)
    assert len(problems(report)) == 1
    row, column, message = problems(report)[0]
    assert (row, column) == (3, "")
    assert "not UTF-8" in message and "0xe9" in message
    assert report.rows == [] and unchanged()


def test_missing_and_unknown_columns(unchanged):
    columns = [c for c in good_row() if c not in {"time_zone", "kind"}] + ["colour"]
    report = run(csv_bytes(good_row(), columns=columns))
    assert sorted(problems(report)) == [
        (1, "colour", "Unknown column (see docs/data-exchange.md for the list)."),
        (1, "kind", "This required column is missing."),
        (1, "time_zone", "This required column is missing."),
    ]
    assert unchanged()


@pytest.mark.parametrize(
    ("values", "column", "fragment"),
    [
        ({"contact_points": "phone:+44 12"}, "contact_points", "contact point 1, value"),
        (
            {"contact_points": "phone:020 7946@GB"},
            "contact_points",
            "“020 7946” is neither a valid phone number nor a known short number in GB",
        ),
        (
            {"contact_points": "phone:+44 20 79@GB"},
            "contact_points",
            "“+44 20 79” is too short for a phone number in GB",
        ),
        ({"contact_points": "fax:020 7946 0000"}, "contact_points", "does not start with a method"),
        ({"countries": "GB, XX"}, "countries", "'XX' is not an ISO 3166-1"),
        ({"languages": "en, klingon"}, "languages", "'klingon' is not a BCP 47"),
        ({"kind": "hotline"}, "kind", "'hotline' is not a kind"),
        ({"hours": "Mo-Fr 9-5"}, "hours", "not a time span"),
        ({"time_zone": "Europe/Londres"}, "time_zone", "not an IANA time zone"),
        ({"last_verified": "15/01/2026"}, "last_verified", "not a date"),
        ({"topics": "no-such-topic"}, "topics", "No topic with the slug no-such-topic"),
        ({"audiences": "fans"}, "audiences", "Unknown: fans"),
        ({"name": ""}, "name", "name is required."),
        ({"contact_points": "", "hours": ""}, "", "needs at least one contact point"),
    ],
)
def test_a_bad_cell_is_reported_by_row_and_column(unchanged, values, column, fragment):
    report = run(csv_bytes(good_row(external_id="ok"), good_row(**values)))
    assert [r.action for r in report.rows] == [CREATED, FAILED]
    errors = problems(report)
    assert any(r == 3 and c == column and fragment in m for r, c, m in errors), errors
    assert not report.committed and unchanged()


def test_duplicate_ids(unchanged):
    report = run(csv_bytes(good_row(), good_row(name="Other"), good_row(external_id="c")))
    assert problems(report) == [(3, "external_id", "Duplicate of row 2: ids must be unique.")]
    assert unchanged()


def test_skip_bad_rows_keeps_the_good_ones_and_never_half_a_row(locales):
    report = run(
        csv_bytes(
            good_row(external_id="good"),
            # A new organisation and language, but a bad phone: none of it may be written.
            good_row(
                external_id="bad",
                organisation="Brand new org",
                languages="cy",
                contact_points="phone:020 7946@GB",
            ),
        ),
        all_or_nothing=False,
    )
    assert [r.action for r in report.rows] == [CREATED, FAILED]
    assert report.committed
    assert list(Resource.objects.values_list("external_id", flat=True)) == ["good"]
    assert not Organisation.objects.filter(name="Brand new org").exists()
    from cms.models import Language

    assert not Language.objects.filter(code="cy").exists()


def test_rows_are_numbered_as_a_spreadsheet_shows_them(unchanged):
    # A cell holding two lines is still one spreadsheet row; blank rows still count.
    data = csv_bytes(
        good_row(external_id="a", description="line one\nline two"),
        {},
        good_row(external_id="c", kind="x"),
    )
    report = run(data)
    assert [(r.number, r.action) for r in report.rows] == [(2, CREATED), (4, FAILED)]


def test_a_file_over_the_row_limit_is_refused(settings, unchanged):
    settings.ROADCASE = {"IMPORT_MAX_ROWS": 1}
    report = run(csv_bytes(good_row(), good_row(external_id="b")))
    assert problems(report) == [(0, "", "More than 1 resources in one file.")]
    assert report.rows == [] and unchanged()
