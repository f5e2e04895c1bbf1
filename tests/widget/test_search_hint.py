"""The search box's hint names examples; on the demo hub each of them finds services, in every
locale (in the results, not only among the crisis lines shown above them)."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.utils import translation

from widget.strings import WIDGET_STRINGS

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo hub, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("load_demo_hub", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def examples(language):
    with translation.override(language):
        hint = str(WIDGET_STRINGS["search_hint"])
    # Japanese lists with a full-width colon and ideographic commas, Arabic with its own comma.
    listed = hint.replace("\uff1a", ":").split(":", 1)[1]
    for comma in ("\u060c", "\u3001"):
        listed = listed.replace(comma, ",")
    return [word.strip() for word in listed.split(",")]


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_each_example_in_the_search_hint_finds_services(demo, client, language):
    words = examples(language)
    assert len(words) == 3
    for word in words:
        found = client.get(
            "/api/v1/resources/", {"q": word, "locale": language, "country": "GB"}
        ).json()["results"]
        assert [r for r in found if r["kind"] != "crisis_line"], f"{language}: {word}"
