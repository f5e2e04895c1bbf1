"""Migration 0007 repairs what earlier versions stored: numbers no phone could dial, and
verification dates the demo loader made up."""

import importlib
from datetime import date

import pytest
from django.apps import apps

from cms.models import ContactPoint, Resource
from tests.factories import make_resource

pytestmark = pytest.mark.django_db
repair = importlib.import_module("cms.migrations.0007_crisis_data").repair_stored_facts


def test_numbers_are_stored_as_dialled_with_their_display_form(locales):
    lifeline = make_resource(
        name="Lifeline",
        countries=["AU"],
        time_zone="Australia/Sydney",
        contact_points=[("phone", "13 11 14", "AU")],
    )
    # What the previous version stored: an E.164 form that reaches nobody, and no display.
    ContactPoint.objects.filter(resource=lifeline).update(value="+61131114", display="")
    revision = lifeline.latest_revision
    revision.content["contact_points"][0]["value"] = "+61131114"
    revision.save()

    repair(apps, None)

    point = ContactPoint.objects.get(resource=lifeline)
    assert (point.value, point.region, point.display) == ("131114", "AU", "13 11 14")
    revision.refresh_from_db()
    assert revision.content["contact_points"][0]["value"] == "131114"


def test_invented_demo_verification_dates_are_taken_back(locales):
    demo = make_resource(name="Demo line", is_demo=True)
    checked = make_resource(name="Checked line", last_verified=date(2026, 1, 5))
    Resource.objects.filter(pk=demo.pk).update(
        last_verified=date(2026, 11, 5), verified_by="Roadcase demo data, from the public source"
    )

    repair(apps, None)

    demo.refresh_from_db()
    assert (demo.last_verified, demo.verified_by, demo.review_due) == (None, "", None)
    checked.refresh_from_db()
    assert checked.last_verified == date(2026, 1, 5)  # a real check stays
    demo.latest_revision.refresh_from_db()
    assert demo.latest_revision.content["last_verified"] is None
