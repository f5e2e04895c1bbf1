"""The editorial calendar: scheduled go-lives, expiries and events, and their conflicts."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from cms.models import Resource
from cms.services import translation_apply
from tests.factories import make_event, make_resource

pytestmark = pytest.mark.django_db
NOW = datetime(2027, 5, 10, 12, 0, tzinfo=ZoneInfo("UTC"))


def schedule(instance, go_live_at):
    instance.go_live_at = go_live_at
    instance.save_revision().publish()


@pytest.fixture
def travelled():
    with time_machine.travel(NOW, tick=False):
        yield


def calendar(client, **params):
    response = client.get(reverse("roadcase_calendar"), params)
    assert response.status_code == 200
    return response


def test_month_view_lists_go_lives_expiries_and_events(client, editor, travelled):
    resource = make_resource(publish=False, name="Lifeline")
    schedule(resource, NOW + timedelta(days=3))
    expiring = make_resource(name="Old podcast")
    expiring.expire_at = NOW + timedelta(days=5)
    expiring.save_revision().publish()
    make_event(title="Breather tent", starts_in=timedelta(days=7))

    client.force_login(editor)
    response = calendar(client, date="2027-05-01")
    kinds = {(e.kind, e.title) for e in response.context["entries"]}
    assert ("go_live", "Lifeline") in kinds
    assert ("expiry", "Old podcast") in kinds
    assert ("event", "Breather tent") in kinds
    assert b"Lifeline" in response.content


def test_week_view_shows_only_that_week(client, editor, travelled):
    make_event(title="Next week", starts_in=timedelta(days=7))
    make_event(title="This week", starts_in=timedelta(days=1))
    client.force_login(editor)
    titles = [e.title for e in calendar(client, view="week").context["entries"]]
    assert titles == ["This week"]


def test_an_event_going_live_after_it_starts_is_a_conflict(client, editor, travelled):
    event = make_event(title="Late page", starts_in=timedelta(days=2))
    event.unpublish()
    schedule(event, event.starts_at + timedelta(hours=1))
    client.force_login(editor)
    conflicts = calendar(client).context["conflicts"]
    assert [c.title for c in conflicts] == ["Late page"]
    assert "after the event has started" in conflicts[0].conflicts[0]


def test_a_translation_scheduled_before_its_source_is_a_conflict(
    client, editor, locales, travelled
):
    source = make_resource(summary="Support.")
    french = translation_apply(instance=source, locale=locales["fr"], strings={"Support.": "Aide."})
    source.unpublish()
    french.unpublish()
    schedule(Resource.objects.get(pk=source.pk), NOW + timedelta(days=4))
    schedule(Resource.objects.get(pk=french.pk), NOW + timedelta(days=2))
    client.force_login(editor)
    response = calendar(client, locale="fr")
    assert [e.locale for e in response.context["entries"]] == ["fr"]
    (conflict,) = response.context["conflicts"]
    assert "before its source" in conflict.conflicts[0]


def test_anonymous_users_cannot_see_the_calendar(client):
    response = client.get(reverse("roadcase_calendar"))
    assert response.status_code == 302


def test_a_guide_expiring_while_linked_from_a_live_page_is_a_conflict(
    client, editor, travelled, django_capture_on_commit_callbacks
):
    from tests.factories import make_guide

    with django_capture_on_commit_callbacks(execute=True):
        old = make_guide(title="Old guide")
        link = f'<p>See <a linktype="page" id="{old.pk}">the old guide</a>.</p>'
        make_guide(
            title="New guide",
            chapters=[("chapter", {"title": "More", "body": [("text", link)]})],
        )
        old.expire_at = NOW + timedelta(days=3)
        old.save_revision().publish()
    client.force_login(editor)
    (conflict,) = calendar(client).context["conflicts"]
    assert conflict.title == "Old guide"
    assert "New guide" in conflict.conflicts[0]


def test_an_event_shows_on_its_own_day_at_its_own_time_with_its_zone(client, editor, travelled):
    from cms.models import EventPage

    supper = make_event(title="Songwriters' Supper in Nashville", starts_in=timedelta(days=3))
    chicago = ZoneInfo("America/Chicago")
    supper.time_zone = "America/Chicago"
    supper.starts_at = datetime(2027, 5, 14, 20, 0, tzinfo=chicago)  # 01:00 UTC on the 15th
    supper.ends_at = datetime(2027, 5, 14, 23, 0, tzinfo=chicago)
    supper.save_revision().publish()
    assert EventPage.objects.get(pk=supper.pk).starts_at.astimezone(ZoneInfo("UTC")).day == 15

    client.force_login(editor)
    response = calendar(client, view="week", date="2027-05-14")
    (entry,) = [e for e in response.context["entries"] if e.title.startswith("Songwriters")]
    assert entry.local.date().isoformat() == "2027-05-14"
    assert entry.zone_abbreviation == "CDT"
    assert entry in response.context["by_day"][entry.local.date()]
    assert '8:00\u202fPM</time> <abbr title="America/Chicago">CDT</abbr>' in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    ("language", "month"), [("ja", "2027年5月"), ("ar", "مايو"), ("fr", "mai 2027")]
)
def test_month_and_day_names_follow_the_editors_language(
    client, editor, travelled, language, month
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    client.force_login(editor)
    response = calendar(client, date="2027-05-01")
    assert month in response.context["title"]
    assert "May" not in response.content.decode().split("<main")[-1]
