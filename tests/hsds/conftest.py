"""Fixtures for the HSDS tests: validators built from the official schemas copied into
tests/data/hsds-3.0 (independent of the copy the package ships), and a small directory that
uses every part of the mapping.
"""

from datetime import date
from pathlib import Path

import pytest
import time_machine
from jsonschema import Draft202012Validator, FormatChecker

from cms.hsds.validation import BASE_URI, schema_registry
from cms.models import Country, Organisation
from tests.factories import make_resource, make_topic

HSDS_DATA = Path(__file__).parent.parent / "data" / "hsds-3.0"


@pytest.fixture(scope="session")
def hsds_validator():
    """``validate(instance, "service")`` raising on the first schema error."""
    registry = schema_registry(HSDS_DATA / "schema")

    def validate(instance, name):
        schema = {"$ref": f"{BASE_URI}{name}.json"}
        validator = Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)]
        assert not errors, errors

    return validate


@pytest.fixture
def directory(locales):
    """Three resources covering the mapping: organisation, topics, audiences, worldwide and
    national, every contact method with labels, regions and hours of their own.
    """
    organisation = Organisation.objects.create(
        slug="backline",
        name="Backline",
        description="Care for music people.",
        website="https://backline.care/",
        country=Country.objects.get(code="US"),
        locale=locales["en"],
    )
    anxiety, burnout = make_topic("anxiety", "Anxiety"), make_topic("burnout", "Burnout")
    with time_machine.travel("2026-03-02 12:00:00+00:00", tick=False):
        return [
            make_resource(
                name="Samaritans",
                external_id="samaritans-gb",
                countries=("GB", "IE"),
                languages=("en", "cy"),
                hours="",
                contact_points=(
                    ("phone", "116 123", "GB", "24/7"),
                    ("email", "jo@samaritans.org", "", "24/7"),
                    ("chat", "https://www.samaritans.org/chat", "", "Mo-Su 19:00-24:00"),
                ),
                topics=[anxiety],
                audiences=("any",),
                last_verified=date(2026, 3, 1),
                verified_by="Ada",
                source_url="https://www.samaritans.org/",
                source_note="Website, March 2026",
            ),
            make_resource(
                name="Backline care",
                kind="therapy",
                external_id="backline-care",
                organisation=organisation,
                countries=(),
                worldwide=True,
                languages=("en", "es"),
                hours="Mo-Fr 09:00-17:00; Sa 10:00-14:00",
                time_zone="America/New_York",
                contact_points=(
                    ("web", "https://backline.care/get-help", ""),
                    ("whatsapp", "+1 415 555 0100", "", "Mo-Fr 09:00-12:00,13:00-17:00"),
                    ("sms", "+1 415 555 0199", ""),
                ),
                topics=[anxiety, burnout],
                audiences=("artist", "crew"),
                cost="sliding_scale",
                eligibility="Music industry workers and their families.",
                confidentiality="Confidential.",
                hours_note="Closed on US holidays",
                description="Longer text.\n\nIn two paragraphs.",
                last_verified=date(2026, 2, 1),
                review_due=date(2026, 6, 1),
                is_demo=True,
            ),
            make_resource(
                name="Night line",
                external_id="0b7f4a2e-8a4d-4d7e-9b39-3f1c2a9d5e61",
                kind="helpline",
                countries=("SE",),
                languages=("sv",),
                time_zone="Europe/Stockholm",
                hours="Mo-Su 00:00-02:00,18:00-24:00",
                contact_points=(("phone", "+46 8 123 456 78", ""),),
                last_verified=None,
            ),
        ]
