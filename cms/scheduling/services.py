"""The periodic job: everything that must happen at a time rather than on a request."""

import logging

from django.utils import timezone
from django.utils.module_loading import import_string

from ..conf import roadcase_setting
from ..models import EventPage, TickState
from ..signals import events_ended
from ..verification.links import check_links_task, link_check_due
from .locks import tick_lock
from .publishing import publish_due, unpublish_expired
from .webhooks import webhooks_deliver_due

logger = logging.getLogger(__name__)


def tick(*, now=None):
    """Publish and unpublish what is due, note events that ended, retry webhooks and run the
    other features' periodic jobs (``ROADCASE["PERIODIC_JOBS"]``), then, once the lock is
    released, enqueue the link check when it is due. Idempotent; when another tick holds the
    lock it does nothing and says so. Returns a report of what it did.
    """
    now = now or timezone.now()
    with tick_lock() as acquired:
        if not acquired:
            return {"skipped": "another tick is running"}
        state = TickState.get()
        # Decided under the lock (so two ticks never both start one), run after it.
        check_links = link_check_due(last_started=state.link_check_started_at, now=now)
        if check_links:
            state.link_check_started_at = now
        report = {
            "published": len(publish_due(now)),
            "unpublished": len(unpublish_expired(now)),
        }
        ended = EventPage.objects.filter(live=True, ends_at__lte=now)
        if state.last_tick_at:
            ended = ended.filter(ends_at__gt=state.last_tick_at)
        ended = list(ended)
        if ended:
            events_ended.send(sender=EventPage, events=ended)
        report["events ended"] = len(ended)
        report["webhooks tried"] = webhooks_deliver_due(now)
        for path in roadcase_setting("PERIODIC_JOBS"):
            try:
                result = import_string(path)(now=now)
                report[path] = len(result) if isinstance(result, list) else result
            except Exception:
                # One feature's failure must not stop publishing or the other jobs.
                logger.exception("Periodic job %s failed", path)
                report[path] = "failed"
        state.last_tick_at = now
        state.save(update_fields=["last_tick_at", "link_check_started_at"])
    # A background task: slow addresses must never hold the lock that publishing waits on.
    report["link check"] = "enqueued" if check_links else "not due"
    if check_links:
        check_links_task.enqueue()
    return report
