"""Timed publishing through roadcase_tick: exactly when due, never early, translations never
before their source, once even when two ticks race; and partners told what changed."""

import hashlib
import hmac
import json
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from cms.models import EventPage, Partner, Resource, WebhookDelivery
from cms.scheduling.locks import tick_lock
from cms.scheduling.services import tick
from cms.scheduling.webhooks import signature
from cms.services import translation_apply
from cms.signals import events_ended
from tests.factories import make_event, make_resource

DUE = datetime(2027, 3, 1, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo"))  # 00:00 UTC


def schedule(instance, go_live_at):
    """What an editor does: set a go-live time in the future and press Publish."""
    instance.go_live_at = go_live_at
    instance.save_revision().publish()
    instance.refresh_from_db()
    assert not instance.live, "scheduled content must wait"


def draft_resource(**fields):
    return make_resource(publish=False, **fields)


@pytest.mark.django_db
class TestGoLive:
    def test_not_a_minute_early_and_exactly_when_due(self):
        with time_machine.travel(DUE - timedelta(days=1), tick=False):
            resource = draft_resource()
            schedule(resource, DUE)
        with time_machine.travel(DUE - timedelta(minutes=1), tick=False):
            tick()
        resource.refresh_from_db()
        assert not resource.live
        with time_machine.travel(DUE, tick=False):
            report = tick()
        resource.refresh_from_db()
        assert resource.live
        assert report["published"] == 1

    def test_due_time_is_an_instant_whatever_zone_it_was_written_in(self):
        in_new_york = DUE.astimezone(ZoneInfo("America/New_York"))  # 19:00 the day before
        with time_machine.travel(DUE - timedelta(days=1), tick=False):
            resource = draft_resource()
            schedule(resource, in_new_york)
        with time_machine.travel(datetime(2027, 2, 28, 23, 59, tzinfo=UTC), tick=False):
            tick()
        resource.refresh_from_db()
        assert not resource.live
        with time_machine.travel(datetime(2027, 3, 1, 0, 0, tzinfo=UTC), tick=False):
            tick()
        resource.refresh_from_db()
        assert resource.live

    def test_pages_are_scheduled_too(self, django_capture_on_commit_callbacks):
        with time_machine.travel(DUE - timedelta(days=2), tick=False):
            event = make_event(starts_in=timedelta(days=30))
            event.unpublish()
            event.refresh_from_db()
            schedule(event, DUE)
        with time_machine.travel(DUE, tick=False):
            tick()
        assert EventPage.objects.get(pk=event.pk).live

    def test_expiry_unpublishes_when_due(self):
        with time_machine.travel(DUE - timedelta(days=1), tick=False):
            resource = make_resource()
            resource.expire_at = DUE
            resource.save_revision().publish()
        with time_machine.travel(DUE - timedelta(seconds=1), tick=False):
            tick()
        assert Resource.objects.get(pk=resource.pk).live
        with time_machine.travel(DUE, tick=False):
            report = tick()
        resource.refresh_from_db()
        assert not resource.live and resource.expired
        assert report["unpublished"] == 1


@pytest.mark.django_db
def test_a_translation_goes_live_with_its_source_never_before(locales):
    with time_machine.travel(DUE - timedelta(days=3), tick=False):
        source = make_resource(summary="Support any time.")
        french = translation_apply(
            instance=source, locale=locales["fr"], strings={"Support any time.": "Soutien."}
        )
        source.unpublish()
        french.unpublish()
        schedule(Resource.objects.get(pk=source.pk), DUE + timedelta(hours=2))
        schedule(Resource.objects.get(pk=french.pk), DUE)
    with time_machine.travel(DUE, tick=False):
        tick()
    assert not Resource.objects.get(pk=french.pk).live
    with time_machine.travel(DUE + timedelta(hours=2), tick=False):
        tick()
    assert Resource.objects.get(pk=source.pk).live
    assert Resource.objects.get(pk=french.pk).live


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_ticks_publish_once(locales):  # an earlier test's flush removes them
    with time_machine.travel(DUE - timedelta(days=1), tick=False):
        resource = draft_resource()
        schedule(resource, DUE)

    barrier = threading.Barrier(2)
    reports, errors = [], []

    def run():
        from django.db import connection

        barrier.wait()
        try:
            reports.append(tick())
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    with time_machine.travel(DUE, tick=False):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

    assert len(reports) == 2, errors
    assert sorted(r.get("published", 0) for r in reports) == [0, 1], reports
    assert ModelLogEntry.objects.filter(action="wagtail.publish.scheduled").count() == 1
    assert Resource.objects.get(pk=resource.pk).live


@pytest.mark.django_db(transaction=True)
def test_a_tick_steps_aside_while_another_machine_holds_the_lock():
    holding, release = threading.Event(), threading.Event()

    def other_machine():
        from django.db import connection

        try:
            with tick_lock() as acquired:
                assert acquired
                holding.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    thread = threading.Thread(target=other_machine)
    thread.start()
    assert holding.wait(timeout=30)
    try:
        assert tick() == {"skipped": "another tick is running"}
    finally:
        release.set()
        thread.join(timeout=30)
    assert "published" in tick()


@pytest.mark.django_db
def test_events_that_ended_since_the_last_tick_are_announced():
    received = []

    def listener(sender, events, **kwargs):
        received.extend(e.pk for e in events)

    events_ended.connect(listener)
    try:
        event = make_event(starts_in=timedelta(hours=1), hours=2)
        tick(now=event.ends_at - timedelta(minutes=1))
        assert received == []
        tick(now=event.ends_at)
        assert received == [event.pk]
        tick(now=event.ends_at + timedelta(minutes=1))
        assert received == [event.pk]  # announced once
    finally:
        events_ended.disconnect(listener)


def test_roadcase_tick_command_prints_its_report(db, capsys):
    call_command("roadcase_tick")
    out = capsys.readouterr().out
    assert "published: 0" in out and "unpublished: 0" in out


class Receiver(BaseHTTPRequestHandler):
    """A partner's webhook endpoint on loopback that fails the first ``failures`` calls."""

    failures = 0
    calls = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).calls.append((dict(self.headers), body))
        status = 500 if len(type(self).calls) <= type(self).failures else 204
        self.send_response(status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    Receiver.calls = []
    server = HTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


@pytest.mark.django_db
def test_partners_get_a_signed_notification_and_failures_are_retried(
    receiver, django_capture_on_commit_callbacks
):
    Receiver.failures = 1
    Partner.objects.create(
        name="Festival",
        slug="festival",
        allowed_origins="https://festival.example",
        webhook_url=f"http://127.0.0.1:{receiver.server_port}/hook",
        webhook_secret="s3cret",
    )
    with django_capture_on_commit_callbacks(execute=True):
        resource = make_resource()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "pending" and delivery.attempts == 1  # the receiver said 500

    tick(now=delivery.next_attempt_at)
    delivery.refresh_from_db()
    assert delivery.status == "delivered" and delivery.attempts == 2

    headers, body = Receiver.calls[-1]
    expected = signature("s3cret", headers["X-Roadcase-Timestamp"], body)
    assert hmac.compare_digest(headers["X-Roadcase-Signature"], expected)
    assert json.loads(body)["id"] == resource.pk
    assert json.loads(body)["action"] == "published"
    forged = "sha256=" + hashlib.sha256(body).hexdigest()
    assert headers["X-Roadcase-Signature"] != forged


@pytest.mark.django_db
def test_the_tick_runs_the_other_features_periodic_jobs(settings):
    calls = []
    settings.ROADCASE = {"PERIODIC_JOBS": ["tests.cms.test_scheduling.record_job", "no.such.job"]}
    record_job.calls = calls
    report = tick(now=DUE)
    assert calls == [DUE]
    assert report["tests.cms.test_scheduling.record_job"] == 1
    assert report["no.such.job"] == "failed"  # logged, and the tick still finished


def record_job(*, now):
    record_job.calls.append(now)
    return len(record_job.calls)


def test_by_default_the_tick_runs_concierge_chores_and_overdue_marking():
    from cms.conf import DEFAULTS

    # The link check is not one of them: it runs as a task, outside the tick's lock.
    assert DEFAULTS["PERIODIC_JOBS"] == [
        "cms.concierge.services.concierge_retry_due",
        "cms.concierge.services.concierge_purge_expired",
        "cms.verification.services.mark_overdue_reviews",
    ]
    assert DEFAULTS["LINK_CHECK_INTERVAL_HOURS"] == 24


@pytest.mark.django_db
def test_the_tick_retries_and_purges_concierge_messages():
    report = tick(now=DUE)
    assert report["cms.concierge.services.concierge_retry_due"] == 0
    assert report["cms.concierge.services.concierge_purge_expired"] == 0


def test_the_test_settings_run_the_default_jobs_but_start_no_link_check(settings):
    from cms.conf import DEFAULTS

    assert (
        settings.ROADCASE.get("PERIODIC_JOBS", DEFAULTS["PERIODIC_JOBS"])
        == DEFAULTS["PERIODIC_JOBS"]
    )
    assert settings.ROADCASE["LINK_CHECK_INTERVAL_HOURS"] is None
