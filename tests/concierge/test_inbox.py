"""The inbox in the Wagtail admin: for the concierge group only; statuses, assignment, notes,
replies in the requester's language, the full history, response times, export and erasure."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cms.models import ConciergeEvent, ConciergeRequest, ConciergeStatus

from .conftest import make_request

INBOX_VIEWS = [
    ("GET", "index", False),
    ("GET", "results", False),
    ("GET", "detail", True),
    ("POST", "update", True),
    ("POST", "note", True),
    ("POST", "reply", True),
    ("POST", "export", True),
    ("GET", "erase", True),
    ("POST", "erase", True),
]


def url(name, request=None):
    args = [request.pk] if request is not None else []
    return reverse(f"roadcase_concierge:{name}", args=args)


@pytest.fixture
def request_(partner):
    return make_request()


@pytest.fixture
def superuser_outside(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "pw")


@pytest.mark.parametrize("method, name, takes_id", INBOX_VIEWS)
@pytest.mark.parametrize("who", ["outsider", "superuser_outside"])
def test_staff_outside_the_concierge_group_get_403_on_every_inbox_view(
    client, request, request_, method, name, takes_id, who
):
    client.force_login(request.getfixturevalue(who))
    target = url(name, request_ if takes_id else None)
    data = {"status": "closed", "body": "x"}
    response = client.get(target) if method == "GET" else client.post(target, data)
    assert response.status_code == 403
    request_.refresh_from_db()
    assert request_.status == ConciergeStatus.NEW
    assert not request_.events.exclude(kind=ConciergeEvent.Kind.RECEIVED).exists()


def test_the_inbox_views_are_all_covered_by_the_403_test():
    from cms.concierge.admin import urlpatterns

    assert {p.name for p in urlpatterns} == {name for _method, name, _id in INBOX_VIEWS}


def test_anonymous_visitors_are_sent_to_the_login(client, request_):
    response = client.get(url("detail", request_))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_menu_shows_the_concierge_to_members_only(client, member, outsider):
    client.force_login(outsider)
    assert url("index") not in client.get("/admin/").content.decode()
    client.force_login(member)
    assert url("index") in client.get("/admin/").content.decode()


def test_the_group_is_created_after_migrate_with_its_permissions(concierge_group):
    codenames = set(concierge_group.permissions.values_list("codename", flat=True))
    assert {
        "access_admin",
        "view_conciergerequest",
        "change_conciergerequest",
        "export_conciergerequest",
        "erase_conciergerequest",
    } <= codenames
    assert Group.objects.filter(name="Concierge team").count() == 1


def test_the_inbox_lists_urgent_requests_first(client, member, partner):
    calm = make_request(message="Looking for a therapist in Lisbon.")
    urgent = make_request(message="I want to die")
    closed = make_request(message="Thanks, sorted.")
    closed.status = ConciergeStatus.CLOSED
    closed.save()
    client.force_login(member)
    html = client.get(url("index")).content.decode()
    assert html.index(url("detail", urgent)) < html.index(url("detail", calm))
    assert url("detail", closed) not in html  # open requests by default
    assert url("detail", closed) in client.get(url("index") + "?status=closed").content.decode()


def test_the_inbox_finds_a_requesters_requests_by_email(client, member, partner):
    mine = make_request(email="Sam@Example.org")
    other = make_request(email="alex@example.org")
    client.force_login(member)
    html = client.get(url("index"), {"email": "sam@example.org", "status": ""}).content.decode()
    assert url("detail", mine) in html
    assert url("detail", other) not in html


def test_a_member_sees_the_request_and_its_history(client, member, request_):
    client.force_login(member)
    html = client.get(url("detail", request_)).content.decode()
    assert "sam@example.org" in html
    assert "lighting tech on tour" in html
    assert "Received" in html


def test_status_and_assignment_are_recorded_in_the_history(client, member, request_):
    client.force_login(member)
    response = client.post(url("update", request_), {"status": "waiting", "assigned_to": member.pk})
    assert response.status_code == 302
    request_.refresh_from_db()
    assert (request_.status, request_.assigned_to) == ("waiting", member)
    kinds = list(request_.events.values_list("kind", "data", "user"))
    assert kinds[1:] == [
        ("status", {"from": "new", "to": "waiting"}, member.pk),
        ("assigned", {"assignee": member.pk}, member.pk),
    ]


def test_closing_sets_the_time_retention_counts_from(client, member, request_):
    client.force_login(member)
    client.post(url("update", request_), {"status": "closed"})
    request_.refresh_from_db()
    assert request_.closed_at is not None
    client.post(url("update", request_), {"status": "in_progress"})
    request_.refresh_from_db()
    assert request_.closed_at is None


def test_the_team_can_only_assign_its_own_members(client, member, outsider, request_):
    client.force_login(member)
    client.post(url("update", request_), {"status": "new", "assigned_to": outsider.pk})
    request_.refresh_from_db()
    assert request_.assigned_to is None


def test_an_internal_note_is_kept_and_never_emailed(
    client, member, request_, django_capture_on_commit_callbacks
):
    client.force_login(member)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("note", request_), {"body": "Called the Leeds clinic, awaiting slot."})
    assert request_.events.get(kind="note").body == "Called the Leeds clinic, awaiting slot."
    assert mail.outbox == []
    assert "Called the Leeds clinic" in client.get(url("detail", request_)).content.decode()


def test_a_reply_is_emailed_in_the_requesters_language(
    client, member, partner, django_capture_on_commit_callbacks
):
    request_ = make_request(language="fr", country="FR")
    client.force_login(member)
    form = client.get(url("detail", request_)).context["reply_form"]
    assert form.initial["body"].startswith("Bonjour,")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("reply", request_), {"body": "Bonjour,\n\nVoici trois adresses."})
    [email] = mail.outbox
    assert email.to == ["sam@example.org"]
    assert email.subject == "Une réponse de l\u2019équipe concierge"
    assert "Voici trois adresses." in email.body
    assert "112" in email.body
    request_.refresh_from_db()
    assert request_.first_response_at is not None
    assert request_.status == ConciergeStatus.IN_PROGRESS
    assert request_.events.get(kind="reply").body == "Bonjour,\n\nVoici trois adresses."


def test_response_time_figures(client, member, partner):
    from cms.concierge.selectors import response_time_figures

    start = "2026-03-02 09:00:00+00:00"
    for hours in (1, 2, 3, 4, 10):
        with time_machine.travel(start, tick=False):
            request_ = make_request()
        request_.first_response_at = request_.created_at + timedelta(hours=hours)
        request_.save()
    make_request()  # not answered yet: not counted
    figures = response_time_figures()
    assert figures == {
        "answered": 5,
        "median": timedelta(hours=3),
        "p90": timedelta(hours=10),
    }
    client.force_login(member)
    assert "median 3 h 00 min, 90% within 10 h 00 min" in client.get(url("index")).content.decode()


def test_export_downloads_everything_and_is_audit_logged(client, member, request_):
    client.force_login(member)
    client.post(url("note", request_), {"body": "Prefers evenings."})
    response = client.post(url("export", request_))
    assert response["Content-Disposition"] == (
        f'attachment; filename="concierge-request-{request_.pk}.json"'
    )
    data = json.loads(response.content)
    assert data["request"]["email"] == "sam@example.org"
    assert data["request"]["message"].startswith("I am a lighting tech")
    assert "Prefers evenings." in [event["text"] for event in data["history"]]
    entry = ModelLogEntry.objects.get(action="roadcase.concierge.export")
    assert (entry.object_id, entry.user_id) == (str(request_.pk), member.pk)
    assert entry.label == f"Concierge request #{request_.pk}"


def test_erase_deletes_everything_and_is_audit_logged(client, member, request_):
    client.force_login(member)
    assert client.get(url("erase", request_)).status_code == 200
    assert ConciergeRequest.objects.filter(pk=request_.pk).exists()
    response = client.post(url("erase", request_))
    assert response.status_code == 302
    assert not ConciergeRequest.objects.filter(pk=request_.pk).exists()
    assert not ConciergeEvent.objects.filter(request_id=request_.pk).exists()
    entry = ModelLogEntry.objects.get(action="roadcase.concierge.erase")
    assert (entry.object_id, entry.user_id, entry.deleted) == (str(request_.pk), member.pk, True)
    assert "sam@example.org" not in json.dumps(entry.data) + entry.label


def test_the_audit_log_names_the_custom_actions(member, request_):
    from wagtail.log_actions import registry

    for action in ("export", "erase", "purge"):
        assert registry.action_exists(f"roadcase.concierge.{action}")
