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


def test_emergency_numbers_shipped_wrong_are_corrected_unless_an_editor_changed_them(db):
    from cms.models import Country, EmergencyNumber

    fix = importlib.import_module("cms.migrations.0007_crisis_data").fix_emergency_numbers

    def numbers(code):
        return [
            (n.number, n.services) for n in Country.objects.get(code=code).emergency_numbers.all()
        ]

    # Put back what the previous release shipped for Samoa; Andorra and Tonga were edited since.
    shipped_before = (
        ("WS", [("999", "police,ambulance,fire")]),
        ("AD", [("110", "police")]),
        ("TO", [("919", "police,ambulance,fire")]),
    )
    for code, old in shipped_before:
        EmergencyNumber.objects.filter(country_id=code).delete()
        for position, (number, services) in enumerate(old):
            EmergencyNumber.objects.create(
                country_id=code, number=number, services=services, sort_order=position
            )

    fix(apps, None)

    assert numbers("WS") == [("911", "police,ambulance,fire")]
    assert numbers("AD") == [("110", "police")]  # not the shipped list: someone edited it
    assert numbers("TO") == [("919", "police,ambulance,fire")]
