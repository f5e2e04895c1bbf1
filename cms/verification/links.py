"""The link checker: fetches every web address of the directory's resources (contact points for
web, chat and video, and the source the facts came from), a bounded number at a time, each with
a timeout, and keeps the latest result per address for the verification report.

Called by ``manage.py check_links``, and by the periodic job through ``check_links_if_due``.
"""

import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.models import Locale

from ..conf import roadcase_setting
from ..models import ContactPoint, LinkCheck, Resource
from ..models.resources import URL_METHODS

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


def check_links(*, resources=None, concurrency=None, timeout=None) -> list[LinkResult]:
    """Check every address of ``resources`` (default: the live directory) and store the results.

    At most ``concurrency`` requests run at once (LINK_CHECK_CONCURRENCY) and each gives up after
    ``timeout`` seconds (LINK_CHECK_TIMEOUT), so a slow site cannot hold the periodic job.
    """
    concurrency = concurrency or roadcase_setting("LINK_CHECK_CONCURRENCY")
    timeout = timeout or roadcase_setting("LINK_CHECK_TIMEOUT")
    if resources is None:
        resources = Resource.objects.filter(locale=Locale.get_default(), live=True)
    ids = list(resources.values_list("pk", flat=True))
    urls = resource_urls(ids)
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        results = list(pool.map(lambda url: fetch_status(url, timeout), sorted(urls)))
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
    return results


def check_links_if_due(*, now=None) -> list[LinkResult] | None:
    """For the periodic job, which runs every minute: check every address when the last check
    is older than LINK_CHECK_INTERVAL_HOURS (or there is none); otherwise do nothing (None).
    """
    now = now or timezone.now()
    last = LinkCheck.objects.aggregate(last=Max("checked_at"))["last"]
    if last and now - last < timedelta(hours=roadcase_setting("LINK_CHECK_INTERVAL_HOURS")):
        return None
    return check_links()
