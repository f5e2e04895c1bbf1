"""A short link's own rules: what it leads to must match its kind, and codes are tidy."""

import pytest
from django.core.exceptions import ValidationError

from cms.models import ShortLink
from tests.factories import make_event, make_short_link


def test_a_random_code_is_made_when_none_is_given(db):
    link = make_short_link(target="finder")
    assert len(link.code) == 6 and link.code == link.code.lower()
    assert link.short_url("https://hub.example") == f"https://hub.example/s/{link.code}"


def test_codes_are_kept_lowercase_and_unique(db):
    make_short_link(code="Glasto", target="finder")
    assert ShortLink.objects.get().code == "glasto"
    with pytest.raises(ValidationError) as error:
        make_short_link(code="GLASTO", target="finder")
    assert "code" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        make_short_link(code="no spaces", target="finder")
    assert "code" in error.value.message_dict


def test_the_target_must_be_given_and_of_its_kind(home):
    event = make_event()
    with pytest.raises(ValidationError) as error:
        make_short_link(target="guide", page=event)
    assert "page" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        make_short_link(target="resource")
    assert "resource" in error.value.message_dict
    assert make_short_link(target="event", page=event).page_id == event.pk


def test_a_window_must_end_after_it_starts_and_a_language_be_the_hubs(db):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    with pytest.raises(ValidationError) as error:
        make_short_link(target="finder", active_from=now, active_until=now - timedelta(days=1))
    assert "active_until" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        make_short_link(target="finder", locale="xx")
    assert "locale" in error.value.message_dict
