"""Data protection: personal data is encrypted at rest and never logged; closed requests are
purged after the retention period, and only those."""

import io
import logging
from datetime import timedelta

import pytest
import time_machine
from cryptography.fernet import Fernet, InvalidToken
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.concierge import services
from cms.models import ConciergeMessage, ConciergeRequest, ConciergeStatus

from .conftest import make_request, valid_payload

EMAIL = "river.song@example.org"
PHONE = "+44 20 7946 0123"
MESSAGE = "Touring in Leeds, panic attacks before shows, need a therapist who knows music."
REPLY = "Here are two therapists near Leeds who work with musicians."
NOTE = "Spoke to the clinic about a sliding-scale fee."
SECRETS = [EMAIL, "7946", "panic attacks", "therapists near Leeds", "sliding-scale"]


def raw_row(table, pk):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE id = %s", [pk])
        return " ".join(str(value) for value in cursor.fetchone())


def test_personal_data_is_encrypted_in_the_database(partner, member):
    request = make_request(email=EMAIL, phone=PHONE, message=MESSAGE)
    services.concierge_reply_send(request=request, body=REPLY, user=member)
    services.concierge_note_add(request=request, body=NOTE, user=member)

    stored = raw_row(ConciergeRequest._meta.db_table, request.pk)
    for secret in (EMAIL, "7946", "panic attacks"):
        assert secret not in stored
    for model in ("conciergemessage", "conciergeevent"):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT body FROM roadcase_{model}")
            bodies = " ".join(row[0] for row in cursor.fetchall())
        assert "therapists near Leeds" not in bodies and "sliding-scale" not in bodies
    # …and reads back as written.
    request = ConciergeRequest.objects.get()
    assert (request.email, request.phone, request.message) == (EMAIL, PHONE, MESSAGE)


def test_a_rotated_key_still_reads_old_rows_and_a_wrong_key_refuses(partner, settings):
    request = make_request(email=EMAIL)
    old_key = settings.ROADCASE_CONCIERGE_KEY
    settings.ROADCASE_CONCIERGE_KEY = f"{Fernet.generate_key().decode()},{old_key}"
    assert ConciergeRequest.objects.get(pk=request.pk).email == EMAIL
    settings.ROADCASE_CONCIERGE_KEY = Fernet.generate_key().decode()
    with pytest.raises(InvalidToken):
        ConciergeRequest.objects.get(pk=request.pk)


def test_without_a_key_nothing_is_stored(partner, settings):
    settings.ROADCASE_CONCIERGE_KEY = ""
    with pytest.raises(ImproperlyConfigured):
        make_request()


def test_production_refuses_to_start_without_a_key(monkeypatch):
    import importlib
    import sys

    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.delenv("ROADCASE_CONCIERGE_KEY", raising=False)
    monkeypatch.delenv("DEBUG", raising=False)
    for name in ("roadcase_site.settings.production", "roadcase_site.settings.base"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    with pytest.raises(ImproperlyConfigured, match="ROADCASE_CONCIERGE_KEY"):
        importlib.import_module("roadcase_site.settings.production")


def test_nothing_sensitive_is_logged_on_intake_failure_and_reply(
    api, member, smtp, caplog, client, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    payload = valid_payload(email=EMAIL, phone=PHONE, message=MESSAGE)
    # Intake, then delivery failure: SMTP is down.
    with django_capture_on_commit_callbacks(execute=True):
        assert api.post("/api/v1/concierge-requests/", payload, format="json").status_code == 201
    # A rejected request (bad phone number) with the same personal data.
    bad = {**payload, "phone": "12"}
    assert api.post("/api/v1/concierge-requests/", bad, format="json").status_code == 400
    # The team writes a note and a reply, and the reply fails too.
    request = ConciergeRequest.objects.get()
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/concierge/{request.pk}/note/", {"body": NOTE})
        client.post(f"/admin/concierge/{request.pk}/reply/", {"body": REPLY})
    # SMTP comes back; everything is delivered.
    smtp.start()
    services.concierge_retry_due(now=timezone.now() + timedelta(hours=1))
    assert ConciergeMessage.objects.filter(status="sent").count() == 3

    # The SMTP server standing in for the mail provider logs what it receives; it is not ours.
    records = [r for r in caplog.records if r.name != "mail.log"]
    assert sum("not sent" in r.getMessage() for r in records) == 3
    logged = "\n".join(f"{r.getMessage()} {r.exc_text or ''} {r.args!r}" for r in records)
    for secret in [*SECRETS, "+442079460123"]:
        assert secret not in logged


START = "2026-01-01 12:00:00+00:00"


def closed_request(days_ago, *, now):
    request = make_request()
    request.status = ConciergeStatus.CLOSED
    request.closed_at = now - timedelta(days=days_ago)
    request.save()
    return request


@time_machine.travel(START, tick=False)
def test_the_purge_deletes_only_closed_requests_past_retention(partner):
    now = timezone.now()
    due = closed_request(181, now=now)
    exactly_due = closed_request(180, now=now)
    recent = closed_request(179, now=now)
    open_old = make_request()
    ConciergeRequest.objects.filter(pk=open_old.pk).update(created_at=now - timedelta(days=900))

    assert services.concierge_purge_expired(now=now) == 2
    assert set(ConciergeRequest.objects.values_list("pk", flat=True)) == {recent.pk, open_old.pk}
    assert not ConciergeMessage.objects.filter(request_id__in=[due.pk, exactly_due.pk]).exists()
    purged = ModelLogEntry.objects.filter(action="roadcase.concierge.purge")
    assert set(purged.values_list("object_id", flat=True)) == {str(due.pk), str(exactly_due.pk)}


def test_the_purge_follows_the_configured_retention_and_runs_as_a_command(partner, settings):
    settings.ROADCASE = {**settings.ROADCASE, "CONCIERGE_RETENTION_DAYS": 30}
    with time_machine.travel(START, tick=False):
        kept = closed_request(29, now=timezone.now())
        gone = closed_request(31, now=timezone.now())
    with time_machine.travel(START, tick=False):
        out = io.StringIO()
        call_command("purge_concierge_requests", stdout=out)
    assert "Purged 1" in out.getvalue()
    assert list(ConciergeRequest.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not ConciergeRequest.objects.filter(pk=gone.pk).exists()
    # A day later the other one is not due yet either: 29 + 1 = 30 days.
    with time_machine.travel("2026-01-02 11:59:00+00:00", tick=False):
        assert services.concierge_purge_expired(now=timezone.now()) == 0
