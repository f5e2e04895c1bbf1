"""The link checker: fetches every web address of the directory's resources (contact points for
web, chat and video, and the source the facts came from), a bounded number at a time, each with
a timeout, and keeps the latest result per address for the verification report.

Called by ``manage.py check_links``, and by the background task ``check_links_task``, which
the periodic job enqueues once every LINK_CHECK_INTERVAL_HOURS, after it has released its lock:
slow addresses never hold up scheduled publishing.

A checker that cannot reach the internet would call every address broken. So when no address
could even be looked up (no DNS), or when most addresses failed in exactly the same way (a
proxy refusing everything, a firewall), nothing is recorded: the run says why and fails.
"""

import logging
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.models import Locale

from ..conf import roadcase_setting
from ..models import ContactPoint, LinkCheck, Resource
from ..models.resources import URL_METHODS

logger = logging.getLogger(__name__)
USER_AGENT = "Roadcase link checker (+https://github.com/roadcase)"


@dataclass(frozen=True)
class LinkResult:
    url: str
    ok: bool
    status_code: int | None
    error: str
    elapsed_ms: int


def resource_urls(ids) -> dict[str, set[int]]:
    """Each web address to check, with the ids of the resources (among ``ids``) using it."""
    urls: dict[str, set[int]] = {}
    points = ContactPoint.objects.filter(resource_id__in=ids, method__in=URL_METHODS)
    for resource_id, url in points.values_list("resource_id", "value"):
        urls.setdefault(url, set()).add(resource_id)
    sources = Resource.objects.filter(pk__in=ids).exclude(source_url="")
    for resource_id, url in sources.values_list("pk", "source_url"):
        urls.setdefault(url, set()).add(resource_id)
    return urls


def fetch_status(url: str, timeout: float) -> LinkResult:
    """Ask for ``url`` (HEAD, then GET where HEAD is refused); never raises."""
    started = time.monotonic()
    status, error = None, ""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                status, error = response.status, ""
        except urllib.error.HTTPError as failure:
            status, error = failure.code, failure.reason or ""
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as failure:
            reason = getattr(failure, "reason", failure)
            status, error = None, str(reason)[:300] or failure.__class__.__name__
        if status not in (405, 501):
            break
    elapsed = int((time.monotonic() - started) * 1000)
    ok = status is not None and 200 <= status < 400
    return LinkResult(url, ok, status, "" if ok else str(error or status), elapsed)


@dataclass(frozen=True)
class LinkCheckRun:
    results: list[LinkResult]
    # Why nothing was recorded (the checker's own network looks broken), or "" when recorded.
    problem: str = ""

    @property
    def recorded(self):
        return not self.problem

    @property
    def broken(self):
        return [result for result in self.results if not result.ok]


# Below this many addresses, a shared failure says little about the checker's own network.
SYSTEMIC_MIN_ADDRESSES = 4
DNS_ERRORS = (
    "name or service not known",
    "temporary failure in name resolution",
    "nodename nor servname",
    "no address associated with hostname",
    "name resolution",
    "getaddrinfo failed",
)


def systemic_problem(results: list[LinkResult]) -> str:
    """Why these results say more about the checker's network than about the addresses, or ""
    when they can be trusted."""
    failures = [result for result in results if not result.ok]
    if not failures:
        return ""
    if len(failures) == len(results) and all(_is_dns_error(r.error) for r in failures):
        return (
            f"No address could be looked up ({len(results)} tried): the network or DNS is "
            "unavailable to the checker. Nothing was recorded as broken."
        )
    if len(results) >= SYSTEMIC_MIN_ADDRESSES:
        error, count = Counter(_failure_kind(r) for r in failures).most_common(1)[0]
        if count * 2 >= len(results):
            return (
                f"{count} of {len(results)} addresses failed the same way ({error}): this looks "
                "like a problem with the checker's own connection, not with the addresses. "
                "Nothing was recorded as broken."
            )
    return ""


def _is_dns_error(error: str) -> bool:
    return any(text in error.lower() for text in DNS_ERRORS)


def _failure_kind(result: LinkResult) -> str:
    if result.status_code is not None:
        return f"HTTP {result.status_code}"
    return "DNS lookup failed" if _is_dns_error(result.error) else result.error


def check_links(*, resources=None, concurrency=None, timeout=None) -> LinkCheckRun:
    """Check every address of ``resources`` (default: the live directory) and store the results,
    unless they look like a fault of the checker's own network (``systemic_problem``).

    At most ``concurrency`` requests run at once (LINK_CHECK_CONCURRENCY) and each gives up after
    ``timeout`` seconds (LINK_CHECK_TIMEOUT).
    """
    concurrency = concurrency or roadcase_setting("LINK_CHECK_CONCURRENCY")
    timeout = timeout or roadcase_setting("LINK_CHECK_TIMEOUT")
    if resources is None:
        resources = Resource.objects.filter(locale=Locale.get_default(), live=True)
    ids = list(resources.values_list("pk", flat=True))
    urls = resource_urls(ids)
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        results = list(pool.map(lambda url: fetch_status(url, timeout), sorted(urls)))
    problem = systemic_problem(results)
    if problem:
        logger.warning("Link check not recorded: %s", problem)
        return LinkCheckRun(results, problem)
    now = timezone.now()
    with transaction.atomic():
        for result in results:
            for resource_id in urls[result.url]:
                LinkCheck.objects.update_or_create(
                    resource_id=resource_id,
                    url=result.url,
                    defaults={
                        "ok": result.ok,
                        "status_code": result.status_code,
                        "error": result.error[:300],
                        "elapsed_ms": result.elapsed_ms,
                        "checked_at": now,
                    },
                )
        # Addresses a resource no longer has are not worth reporting.
        current = {(rid, url) for url, rids in urls.items() for rid in rids}
        stale = [
            pk
            for pk, rid, url in LinkCheck.objects.filter(resource_id__in=ids).values_list(
                "pk", "resource_id", "url"
            )
            if (rid, url) not in current
        ]
        LinkCheck.objects.filter(pk__in=stale).delete()
    return LinkCheckRun(results)


def link_check_due(*, last_started, now) -> bool:
    """Whether the periodic job should start a link check: LINK_CHECK_INTERVAL_HOURS (None: never)
    have passed since the last one started (or none ever did)."""
    interval = roadcase_setting("LINK_CHECK_INTERVAL_HOURS")
    if interval is None:
        return False
    return last_started is None or now - last_started >= timedelta(hours=interval)


@task()
def check_links_task():
    """The periodic link check, as a background task: a summary for the task's result."""
    run = check_links()
    return {"checked": len(run.results), "broken": len(run.broken), "problem": run.problem}
