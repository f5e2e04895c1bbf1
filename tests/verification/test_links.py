"""The link checker, against a local HTTP server (never the internet): good, missing, slow and
HEAD-refusing addresses, with bounded concurrency and a timeout."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command

from cms.models import LinkCheck
from cms.verification import links
from cms.verification.links import check_links
from tests.factories import make_resource

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    """/ok, /missing (404), /slow (2 s), /get-only (refuses HEAD), /busy/… (0.2 s); counts the
    requests in flight on its class (one class per server, see the fixture).
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
    results = check_links(timeout=0.5)
    assert time.monotonic() - started < 1.9  # the slow address did not hold the run

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
    assert check_links(timeout=2) == []


def test_the_periodic_job_checks_once_per_interval(server, locales):
    from datetime import timedelta

    from django.utils import timezone

    from cms.verification.links import check_links_if_due

    web_resource("Good", f"{server.url}/ok")
    assert len(check_links_if_due()) == 1
    assert check_links_if_due() is None  # checked less than 24 hours ago
    later = timezone.now() + timedelta(hours=24, minutes=1)
    assert len(check_links_if_due(now=later)) == 1
