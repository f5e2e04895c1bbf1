"""A bounded load on loopback: a few threads, each with its own keep-alive session, request
URLs for a fixed time and record what came back and when."""

import statistics
import threading
import time
from dataclasses import dataclass, field

import requests

HTTPS = {"X-Forwarded-Proto": "https"}  # as the TLS-terminating proxy in front says


def client(n):
    """The n-th of many clients behind the proxy (198.18.0.0/15: the benchmarking range), as
    the proxy names them in X-Forwarded-For, so that no one client meets the throttle."""
    return {**HTTPS, "X-Forwarded-For": f"198.18.{(n >> 8) & 255}.{n & 255}"}


@dataclass
class Result:
    url: str
    started: float
    seconds: float
    status: int  # 0: no answer (connection error or timeout)


@dataclass
class Load:
    """``urls(n)`` gives the n-th URL a thread requests."""

    base: str
    urls: object
    threads: int = 8
    results: list = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def _run(self, offset):
        session = requests.Session()
        n = offset
        while not self._stop.is_set():
            url = self.urls(n)
            n += self.threads
            started = time.monotonic()
            try:
                status = session.get(self.base + url, headers=client(n), timeout=10).status_code
            except requests.RequestException:
                status = 0
            self.results.append(Result(url, started, time.monotonic() - started, status))

    def __enter__(self):
        self.workers = [
            threading.Thread(target=self._run, args=(offset,), daemon=True)
            for offset in range(self.threads)
        ]
        for worker in self.workers:
            worker.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for worker in self.workers:
            worker.join(timeout=15)

    def between(self, start, end=float("inf")):
        return [r for r in self.results if start <= r.started < end]


def summary(results):
    """Requests, failures, requests per second and latency percentiles of ``results``."""
    if not results:
        return {"requests": 0, "failed": 0}
    times = sorted(r.seconds for r in results)
    span = max(r.started + r.seconds for r in results) - min(r.started for r in results)
    return {
        "requests": len(results),
        "failed": sum(1 for r in results if r.status != 200),
        "per_second": round(len(results) / span, 1) if span else None,
        "p50_ms": round(statistics.median(times) * 1000, 1),
        "p95_ms": round(times[int(len(times) * 0.95) - 1] * 1000, 1),
    }
