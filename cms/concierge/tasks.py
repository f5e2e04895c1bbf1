"""Background work for the concierge, as django-tasks tasks (immediate backend in dev and
tests, a database worker in production: docs/concierge.md).

Tasks take ids only, never personal data: a task backend stores its arguments in the clear.
Retries are the outbox's job (``services.concierge_retry_due``), so a failed send is recorded
on its row and the task itself always succeeds.

Emails go to their own queue (``ROADCASE["CONCIERGE_TASK_QUEUE"]``) at a high priority: a
worker of that queue sends them however many bulk tasks (search index, reference index,
translations) a data load left on the default queue, and a worker of both takes them first.
"""

import logging

from django_tasks import task
from django_tasks.exceptions import InvalidTaskError

from ..conf import roadcase_setting
from . import services

logger = logging.getLogger(__name__)

PRIORITY = 50


@task()
def deliver_concierge_message(*, message_id: int) -> bool:
    return services.concierge_message_deliver(message_id=message_id)


def enqueue_delivery(message_id: int):
    """Queue the delivery of one outbox message on the concierge's queue; on the default one
    (logged) if the task backend does not list that queue, so that no email waits forever."""
    queue = roadcase_setting("CONCIERGE_TASK_QUEUE")
    try:
        task = deliver_concierge_message.using(queue_name=queue, priority=PRIORITY)
        return task.enqueue(message_id=message_id)
    except InvalidTaskError:
        logger.warning(
            "The task backend has no queue %r (add it to TASKS[...]['QUEUES']): concierge "
            "email %s queued on the default queue.",
            queue,
            message_id,
        )
        return deliver_concierge_message.using(priority=PRIORITY).enqueue(message_id=message_id)
