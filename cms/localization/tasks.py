"""Background work of the translation workflow, as django-tasks tasks (the immediate backend
runs them in-process in tests and the demo; production runs them on the worker).

Everything is enqueued after the surrounding transaction commits, so a task sees the rows
that triggered it and nothing is sent for work that was rolled back.
"""

from functools import partial

from django.apps import apps
from django.core.mail import send_mail
from django.db import transaction
from django_tasks import task


@task()
def send_email(*, to, subject, body):
    send_mail(subject, body, None, to)


@task()
def refresh_source(*, app_label, model_name, pk, user_id=None):
    """A source (or a translation) was published: bring the queue up to date."""
    from django.contrib.auth import get_user_model

    from . import services

    instance = apps.get_model(app_label, model_name).objects.filter(pk=pk).first()
    if instance is None:
        return
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    services.translation_source_refresh(instance=instance, user=user)


@task()
def refresh_progress(*, object_id, locale_id):
    """Strings of an object were translated into a locale: recount its queue item."""
    from . import services

    services.translation_tasks_refresh(object_id=object_id, locale_ids=[locale_id])


def send_email_on_commit(*, to, subject, body):
    transaction.on_commit(
        partial(send_email.enqueue, to=list(to), subject=str(subject), body=str(body))
    )


class _PendingEnqueue:
    """An on-commit callback that knows its arguments and whether it has run."""

    def __init__(self, task_, kwargs):
        self.task, self.kwargs, self.ran = task_, kwargs, False
        self.key = (task_.name, tuple(sorted(kwargs.items())))

    def __call__(self):
        self.ran = True
        self.task.enqueue(**self.kwargs)


def enqueue_once_on_commit(task_, **kwargs):
    """Enqueue ``task_`` after commit, once per transaction for the same arguments (a machine
    translation saves dozens of strings; one recount is enough)."""
    pending = _PendingEnqueue(task_, kwargs)
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        isinstance(callback, _PendingEnqueue) and callback.key == pending.key and not callback.ran
        for _sids, callback, _robust in connection.run_on_commit
    ):
        return
    transaction.on_commit(pending)
