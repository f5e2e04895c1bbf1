"""Delivery that loses nothing: every email is an outbox row; an SMTP outage leaves it pending
and the periodic retry sends it once the server is back, exactly once. These tests talk to a
real SMTP server (aiosmtpd) on loopback; "down" means nothing listens on its port.
"""

import io
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from cms.concierge import services
from cms.models import ConciergeMessage, ConciergeRequest

from .conftest import valid_payload

URL = "/api/v1/concierge-requests/"
Status = ConciergeMessage.Status


def later(minutes):
    return timezone.now() + timedelta(minutes=minutes)


def test_smtp_down_then_up_delivers_each_message_exactly_once(
    api, member, smtp, django_capture_on_commit_callbacks
):
    # SMTP is down: the request is still taken and stored, its emails wait in the outbox.
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(URL, valid_payload(), format="json")
        request = ConciergeRequest.objects.get()
        services.concierge_reply_send(request=request, body="We found a counsellor.", user=member)
    assert response.status_code == 201
    outbox = list(ConciergeMessage.objects.order_by("kind"))
    assert [(m.kind, m.status, m.attempts) for m in outbox] == [
        ("ack", Status.PENDING, 1),
        ("reply", Status.PENDING, 1),
        ("team", Status.PENDING, 1),
    ]
    assert all(m.next_attempt_at > timezone.now() for m in outbox)
    assert {m.last_error for m in outbox} == {"ConnectionRefusedError"}

    # Not yet due: nothing is retried.
    assert services.concierge_retry_due(now=timezone.now()) == 0

    # SMTP is back; the periodic job retries what is due.
    smtp.start()
    assert services.concierge_retry_due(now=later(10)) == 3
    # Running it again (or the job overlapping) sends nothing more.
    assert services.concierge_retry_due(now=later(20)) == 0
    for message in outbox:
        assert services.concierge_message_deliver(message_id=message.pk) is False

    received = smtp.inbox.messages
    assert sorted(m["Message-ID"] for m in received) == sorted(
        f"<{m.uuid}@roadcase.concierge>" for m in outbox
    )
    assert sorted(tuple(e.rcpt_tos) for e in smtp.inbox.envelopes) == [
        ("sam@example.org",),
        ("sam@example.org",),
        ("team@roadcase.example",),
    ]
    [reply] = [m for m in received if "We found a counsellor." in m.get_content()]
    assert reply["To"] == "sam@example.org"
    assert set(ConciergeMessage.objects.values_list("status", "attempts")) == {(Status.SENT, 2)}


def test_smtp_up_delivers_at_once(api, smtp, django_capture_on_commit_callbacks):
    smtp.start()
    with django_capture_on_commit_callbacks(execute=True):
        api.post(URL, valid_payload(), format="json")
    assert len(smtp.inbox.envelopes) == 2
    assert set(ConciergeMessage.objects.values_list("status", flat=True)) == {Status.SENT}


def test_a_message_is_given_up_after_the_last_attempt(smtp, settings, partner):
    settings.ROADCASE = {**settings.ROADCASE, "CONCIERGE_MAX_ATTEMPTS": 2}
    request = services.concierge_request_create(
        email="sam@example.org", country="GB", locale="en", message="Help", consent=True
    )
    message = request.messages.get(kind="ack")
    services.concierge_message_deliver(message_id=message.pk)
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.PENDING, 1)
    services.concierge_message_deliver(message_id=message.pk)
    message.refresh_from_db()
    assert (message.status, message.attempts, message.next_attempt_at) == (Status.FAILED, 2, None)
    smtp.start()
    assert services.concierge_retry_due(now=later(60 * 24)) == 1  # only the team notification
    assert [e.rcpt_tos for e in smtp.inbox.envelopes] == [["team@roadcase.example"]]


def test_backoff_grows_and_is_capped():
    delays = [services.retry_delay(n) for n in (1, 2, 3, 4, 20)]
    assert delays == [
        timedelta(minutes=1),
        timedelta(minutes=2),
        timedelta(minutes=4),
        timedelta(minutes=8),
        timedelta(hours=6),
    ]


def test_a_lost_enqueue_is_picked_up_by_the_periodic_retry(partner, smtp):
    # Created without running its on-commit enqueue, as if the process died right after commit.
    services.concierge_request_create(
        email="sam@example.org", country="GB", locale="en", message="Help", consent=True
    )
    smtp.start()
    assert services.concierge_retry_due(now=timezone.now()) == 0  # its own task goes first
    call_command("retry_concierge_messages", stdout=io.StringIO())
    assert smtp.inbox.envelopes == []
    assert services.concierge_retry_due(now=later(5)) == 2
    assert len(smtp.inbox.envelopes) == 2


def test_without_anyone_to_notify_the_team_message_waits(partner, settings, smtp):
    settings.ROADCASE = {**settings.ROADCASE, "CONCIERGE_TEAM_EMAILS": []}
    smtp.start()
    request = services.concierge_request_create(
        email="sam@example.org", country="GB", locale="en", message="Help", consent=True
    )
    team = request.messages.get(kind="team")
    assert services.concierge_message_deliver(message_id=team.pk) is False
    team.refresh_from_db()
    assert (team.status, team.last_error) == (Status.PENDING, "NoRecipients")
