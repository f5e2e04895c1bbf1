"""Faults under load, against the hub as deployed (gunicorn with 4 workers, its own Redis and
PostgreSQL): the crisis path keeps answering when Redis dies and comes back, and a PostgreSQL
restart costs no request once the server is back, and while PostgreSQL is down the crisis lines
people asked for before are still answered. Each test prints its figures (run with ``-s``);
docs/deployment.md records them.
"""

import json
import time

import pytest
import redis
import requests

from .load import Load, client, summary

pytestmark = pytest.mark.production

CRISIS = "/api/v1/crisis-lines/?country=GB"
# Countries and locales to ask for in turn: each pair is a cache miss the first time, so the
# request reaches PostgreSQL.
COUNTRIES = [
    "AR",
    "AT",
    "AU",
    "BE",
    "BR",
    "CA",
    "CH",
    "CL",
    "CN",
    "CO",
    "CZ",
    "DE",
    "DK",
    "EG",
    "ES",
    "FI",
    "FR",
    "GR",
    "HU",
    "IE",
    "IN",
    "IT",
    "JP",
    "KE",
    "KR",
    "MX",
]
COUNTRIES += [
    "NG",
    "NL",
    "NO",
    "NZ",
    "PE",
    "PH",
    "PL",
    "PT",
    "RO",
    "SE",
    "SG",
    "TH",
    "TR",
    "UA",
    "US",
    "VN",
    "ZA",
]
LOCALES = ["en", "es", "fr", "de", "pt-br", "ja", "ar", "sv"]


def cold(n):
    """The n-th uncached crisis-line request."""
    country = COUNTRIES[n % len(COUNTRIES)]
    locale = LOCALES[(n // len(COUNTRIES)) % len(LOCALES)]
    return f"/api/v1/crisis-lines/?country={country}&locale={locale}"


def report(name, figures):
    print(f"\n{name}: {json.dumps(figures)}")


def outside_a_minute_boundary(seconds):
    """Wait until the next ``seconds`` fit in the current minute: crisis-line answers are
    cached per minute ("open now"), and a test about the cache should not straddle two."""
    while time.time() % 60 > 60 - seconds - 1:
        time.sleep(0.5)


def test_crisis_lines_keep_answering_while_redis_is_killed_and_restarted(stack):
    log_start = stack.web.log.stat().st_size
    outside_a_minute_boundary(12)
    with Load(stack.web.base, lambda n: CRISIS, threads=8) as load:
        time.sleep(2)
        killed = time.monotonic()
        stack.redis.kill()
        time.sleep(4)
        restarted = time.monotonic()
        stack.redis.start()  # the same port, empty, as after a crash
        time.sleep(3)

    before, during, after = (
        load.between(0, killed),
        load.between(killed, restarted),
        load.between(restarted),
    )
    report(
        "redis killed",
        {
            "before": summary(before),
            "redis down": summary(during),
            "after restart": summary(after),
        },
    )
    assert during and after
    assert [r.status for r in load.results if r.status != 200] == []
    # Logged once per worker when the outage starts, not once per request.
    log = stack.web.log.read_bytes()[log_start:].decode()
    assert 1 <= log.count("is unavailable") <= stack.web.workers
    assert "Traceback" not in log


def test_postgresql_restarted_under_load_costs_nothing_once_it_is_back(stack):
    outside_a_minute_boundary(12)
    urls = lambda n: CRISIS if n % 2 else cold(n)  # noqa: E731
    with Load(stack.web.base, urls, threads=8) as load:
        time.sleep(2)
        stopping = time.monotonic()
        stack.postgres.restart()
        back = time.monotonic()
        time.sleep(6)

    failed = [r for r in load.results if r.status != 200]
    last_failure = max((r.started + r.seconds for r in failed), default=back)
    report(
        "postgresql restarted",
        {
            "restart took_s": round(back - stopping, 2),
            "before": summary(load.between(0, stopping)),
            "restarting": summary(load.between(stopping, back)),
            "after": summary(load.between(back)),
            "crisis lines for GB (cached) while restarting": summary(
                [r for r in load.between(stopping, back) if r.url == CRISIS]
            ),
            "last failure after the server was back_s": round(max(0, last_failure - back), 2),
        },
    )
    assert load.between(back)
    assert [r for r in failed if r.started >= back] == []
    # The cached crisis path does not need the database at all.
    assert [r for r in failed if r.url == CRISIS] == []


def test_a_restart_between_requests_costs_no_request(stack):
    def burst(offset):
        with Load(stack.web.base, lambda n: cold(offset + n), threads=8) as load:
            time.sleep(1.5)
        return load.results

    warm = burst(1000)  # every worker now holds a database connection
    stack.postgres.restart()
    results = burst(2000)
    report("postgresql restarted between requests", summary(results))
    assert all(r.status == 200 for r in warm)
    assert results and [r.status for r in results if r.status != 200] == []


def test_crisis_lines_asked_for_before_are_answered_while_postgresql_is_down(stack):
    url = f"{stack.web.base}/api/v1/crisis-lines/?country=FR&locale=fr"
    before = requests.get(url, headers=client(1), timeout=10)
    assert before.status_code == 200
    stack.postgres.halt()
    try:
        # A publish, or the minute turning, makes every cached answer a miss: force one.
        cache = redis.Redis(host="127.0.0.1", port=stack.redis.port)
        assert cache.delete(*cache.keys("*roadcase_api:generation")) == 1
        during = [requests.get(url, headers=client(n), timeout=10) for n in range(8)]
    finally:
        stack.postgres.start()
    report(
        "postgresql down",
        {"crisis lines asked for before": [r.status_code for r in during]},
    )
    assert [r.status_code for r in during] == [200] * 8
    assert all(r.json() == before.json() for r in during)
    assert all(r.headers["X-Roadcase-Stale"] == "database unavailable" for r in during)
    assert all(r.headers["Cache-Control"] == "no-cache" for r in during)
    after = requests.get(url, headers=client(99), timeout=10)
    assert after.status_code == 200 and "X-Roadcase-Stale" not in after.headers
