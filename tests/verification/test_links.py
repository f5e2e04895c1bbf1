"""The link checker, against a local HTTP server (never the internet): good, missing, slow and
HEAD-refusing addresses, with bounded concurrency and a timeout."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from cms.models import LinkCheck
from cms.verification import links
from cms.verification.links import check_links
from tests.factories import make_resource

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    """/ok, /missing (404), /unavailable (503), /slow (2 s), /get-only (refuses HEAD), /busy/…
    (0.2 s); counts the requests in flight on its class (one class per server, see the fixture).
    """

    def _answer(self, body=True):
        counts = type(self)
        with counts.lock:
            counts.active += 1
            counts.peak = max(counts.peak, counts.active)
        if self.path.startswith("/slow"):
            time.sleep(2)
        if self.path.startswith("/busy"):
            time.sleep(0.2)
        with counts.lock:  # counted until it answers: the client waits for the answer
            counts.active -= 1
        try:
            if self.path.startswith("/missing"):
                self.send_error(404)
            elif self.path.startswith("/unavailable"):
                self.send_error(503)
            elif self.path.startswith("/get-only") and self.command == "HEAD":
                self.send_error(405)
            else:
                self.send_response(200)
                self.end_headers()
                if body and self.command == "GET":
                    self.wfile.write(b"ok")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_HEAD(self):
        self._answer(body=False)

    def do_GET(self):
        self._answer()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    handler = type(
        "CountingHandler", (Handler,), {"active": 0, "peak": 0, "lock": threading.Lock()}
    )
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def web_resource(name, *urls, source_url=""):
    points = [("web", url, "") for url in urls]
    return make_resource(
        name=name, kind="self_help", contact_points=points, hours="", source_url=source_url
    )


def test_results_are_kept_per_resource_and_address(server, locales):
    good = web_resource("Good", f"{server.url}/ok", source_url=f"{server.url}/get-only")
    bad = web_resource("Bad", f"{server.url}/missing")
    slow = web_resource("Slow", f"{server.url}/slow")

    started = time.monotonic()
    run = check_links(timeout=0.5)
    assert time.monotonic() - started < 1.9  # the slow address did not hold the run
    assert run.recorded
    results = run.results

    assert {r.url.removeprefix(server.url): r.ok for r in results} == {
        "/ok": True,
        "/get-only": True,  # HEAD refused (405), GET answered
        "/missing": False,
        "/slow": False,
    }
    checks = {c.url.removeprefix(server.url): c for c in LinkCheck.objects.all()}
    assert checks["/ok"].resource == good and checks["/ok"].status_code == 200
    assert checks["/missing"].resource == bad and checks["/missing"].status_code == 404
    assert checks["/slow"].resource == slow and checks["/slow"].status_code is None
    assert "timed out" in checks["/slow"].error


def test_concurrency_is_bounded(server, locales):
    for position in range(6):
        web_resource(f"Busy {position}", f"{server.url}/busy/{position}")
    check_links(concurrency=2, timeout=5)
    assert server.RequestHandlerClass.peak == 2
    assert LinkCheck.objects.filter(ok=True).count() == 6


def test_a_recheck_replaces_the_result_and_drops_addresses_no_longer_used(server, locales):
    resource = web_resource("Moves", f"{server.url}/missing")
    check_links(timeout=2)
    assert not LinkCheck.objects.get().ok
    point = resource.contact_points.get()
    point.value = f"{server.url}/ok"
    point.save()
    check_links(timeout=2)
    assert [(c.url, c.ok) for c in LinkCheck.objects.all()] == [(f"{server.url}/ok", True)]


def test_the_command_reports_broken_addresses(server, locales, capsys, monkeypatch):
    web_resource("Bad", f"{server.url}/missing")
    monkeypatch.setattr(links, "USER_AGENT", "test")
    call_command("check_links", "--timeout", "2")
    out = capsys.readouterr().out
    assert f"BROKEN {server.url}/missing" in out
    assert "Checked 1 addresses, 1 broken." in out


def test_unpublished_and_translated_rows_are_not_checked(server, locales):
    make_resource(
        name="Draft",
        kind="self_help",
        contact_points=(("web", f"{server.url}/ok", ""),),
        hours="",
        publish=False,
    )
    assert check_links(timeout=2).results == []


def test_without_dns_nothing_is_recorded_and_the_command_fails(locales, capsys):
    # ".invalid" names never resolve (RFC 2606): what a checker without network sees everywhere.
    resource = web_resource("Offline", *[f"https://site{n}.invalid/" for n in range(3)])
    LinkCheck.objects.create(
        resource=resource, url="https://site0.invalid/", ok=True, checked_at=timezone.now()
    )
    run = check_links(timeout=2)
    assert not run.recorded
    assert "network or DNS is unavailable" in run.problem
    # The earlier result stands; no address was called broken.
    assert [(c.url, c.ok) for c in LinkCheck.objects.all()] == [("https://site0.invalid/", True)]
    with pytest.raises(CommandError, match="Nothing was recorded as broken"):
        call_command("check_links", "--timeout", "2")
    assert "BROKEN" not in capsys.readouterr().out


def test_when_most_addresses_fail_the_same_way_nothing_is_recorded(server, locales):
    web_resource("Down", *[f"{server.url}/unavailable/{n}" for n in range(3)], f"{server.url}/ok")
    run = check_links(timeout=2)
    assert "3 of 4 addresses failed the same way (HTTP 503)" in run.problem
    assert not LinkCheck.objects.exists()


def test_a_few_real_failures_among_good_addresses_are_recorded(server, locales):
    web_resource("Mixed", *[f"{server.url}/ok/{n}" for n in range(3)], f"{server.url}/missing")
    run = check_links(timeout=2)
    assert run.recorded
    assert [c.url.removeprefix(server.url) for c in LinkCheck.objects.filter(ok=False)] == [
        "/missing"
    ]


def test_the_tick_starts_the_check_as_a_task_once_per_interval(server, locales, settings):
    from datetime import timedelta

    from cms.models import TickState
    from cms.scheduling.services import tick

    settings.ROADCASE = {**settings.ROADCASE, "LINK_CHECK_INTERVAL_HOURS": 24}
    web_resource("Good", f"{server.url}/ok")
    now = timezone.now()
    assert tick(now=now)["link check"] == "enqueued"
    # The immediate backend ran it, after the tick had released its lock.
    assert LinkCheck.objects.get().ok
    assert TickState.get().link_check_started_at == now
    assert tick(now=now + timedelta(hours=1))["link check"] == "not due"
    assert tick(now=now + timedelta(hours=24, minutes=1))["link check"] == "enqueued"


def test_the_check_does_not_run_inside_the_ticks_lock(server, locales, settings, monkeypatch):
    from cms.scheduling import locks
    from cms.scheduling.services import tick

    settings.ROADCASE = {**settings.ROADCASE, "LINK_CHECK_INTERVAL_HOURS": 24}
    web_resource("Good", f"{server.url}/ok")
    held = []
    real_check = links.check_links

    def check_while_watching_the_lock(**kwargs):
        with locks.tick_lock() as acquired:
            held.append(not acquired)
        return real_check(**kwargs)

    monkeypatch.setattr(links, "check_links", check_while_watching_the_lock)
    assert tick()["link check"] == "enqueued"
    assert held == [False]  # another tick could take the lock while links were checked
