"""Background work for the concierge, as django-tasks tasks (immediate backend in dev and
tests, a database worker in production: docs/concierge.md).

Tasks take ids only, never personal data: a task backend stores its arguments in the clear.
Retries are the outbox's job (``services.concierge_retry_due``), so a failed send is recorded
on its row and the task itself always succeeds.
"""

from django_tasks import task

from . import services


@task()
def deliver_concierge_message(*, message_id: int) -> bool:
    return services.concierge_message_deliver(message_id=message_id)
