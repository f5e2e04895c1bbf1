"""Helpers for the import tests: CSV text from rows of values, and a snapshot of the directory
to prove a failed import changed nothing.
"""

import csv
import io

import pytest

from cms.imports.rows import COLUMNS
from cms.models import ContactPoint, Language, Organisation, Resource, Topic


def csv_bytes(*rows, columns=COLUMNS, encoding="utf-8", bom=False):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    data = out.getvalue().encode(encoding)
    return b"\xef\xbb\xbf" + data if bom else data


def good_row(**values):
    row = {
        "external_id": "samaritans-gb",
        "name": "Samaritans",
        "kind": "crisis_line",
        "summary": "Someone to talk to, day or night.",
        "countries": "GB, IE",
        "languages": "en",
        "time_zone": "Europe/London",
        "hours": "24/7",
        "contact_points": "phone:116 123@GB|Call free; email:jo@samaritans.org",
        "audiences": "any",
        "last_verified": "2026-01-15",
    }
    row.update(values)
    return row


def directory_state():
    """Everything an import could write, as comparable values."""
    return {
        "resources": sorted(
            Resource.objects.values_list("external_id", "name", "summary", "hours", "live")
        ),
        "points": sorted(ContactPoint.objects.values_list("resource_id", "method", "value")),
        "organisations": sorted(Organisation.objects.values_list("slug", "name")),
        "topics": sorted(Topic.objects.values_list("slug", flat=True)),
        "languages": sorted(Language.objects.values_list("code", flat=True)),
    }


@pytest.fixture
def unchanged(locales):
    """Use as ``with unchanged(): ...``-like: assert the directory is the same afterwards."""
    before = directory_state()
    yield lambda: directory_state() == before


@pytest.fixture
def hsds_kind_attribute():
    """The attribute that makes an HSDS service a Roadcase "therapy" resource."""
    from cms.hsds.mapping import _attribute, kind_term

    return _attribute("service", "ac148810-d857-441c-9679-408f346de14b", kind_term("therapy"))
