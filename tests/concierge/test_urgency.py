"""Urgency: phrases signalling immediate danger, in every content locale, flag a request."""

import pytest
from django.conf import settings

from cms.concierge.urgency import URGENT_PHRASES, is_urgent


def test_every_content_locale_has_phrases():
    assert set(URGENT_PHRASES) == {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}


@pytest.mark.parametrize(
    "text",
    [
        "I've been thinking about SUICIDE",
        "no puedo mas",  # without the accent
        "Je n\u2019en peux plus",  # curly apostrophe
        "Ich will   sterben",  # extra spaces
        "消えたい",
        "أريد ان اموت",  # with and without hamza
        "jag vill dö",
        "I write in English but: quero morrer",  # any locale's phrases count
    ],
)
def test_danger_is_recognised(text):
    assert is_urgent(text)


@pytest.mark.parametrize(
    "text",
    [
        "Looking for a therapist in Lisbon who knows touring.",
        "Necesito ayuda con la ansiedad antes de los conciertos.",
        "Burn-out après la tournée, je cherche un psy.",
        "",
    ],
)
def test_ordinary_requests_are_not_flagged(text):
    assert not is_urgent(text)
