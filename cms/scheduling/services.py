"""The periodic job: everything that must happen at a time rather than on a request."""

import logging

from django.utils import timezone
from django.utils.module_loading import import_string

from ..conf import roadcase_setting
from ..models import EventPage, TickState
from ..signals import events_ended
from .locks import tick_lock
from .publishing import publish_due, unpublish_expired
from .webhooks import webhooks_deliver_due

logger = logging.getLogger(__name__)


def tick(*, now=None):
    """Publish and unpublish what is due, note events that ended, retry webhooks and run the
    other features' periodic jobs (``ROADCASE["PERIODIC_JOBS"]``). Idempotent; when another
    tick holds the lock it does nothing and says so. Returns a report of what it did.
    """
    now = now or timezone.now()
    with tick_lock() as acquired:
        if not acquired:
            return {"skipped": "another tick is running"}
        state = TickState.get()
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
        state.save(update_fields=["last_tick_at"])
        return report
