"""The concierge's emails never wait behind bulk work: they have their own queue, which a
worker of their own drains however many tasks a data load left on the default queue, and a
worker of every queue takes them first."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from .conftest import valid_payload

BULK = 300


@task()
def bulk_work(*, n: int) -> int:
    """Stands for the search-index, reference-index and translation tasks of a data load."""
    return n


@pytest.fixture
def database_tasks(settings):
    backend = {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": settings.TASK_QUEUES,
    }
    with override_settings(TASKS={"default": backend}):
        for n in range(BULK):
            bulk_work.enqueue(n=n)
        yield


def run_worker(*args):
    call_command("db_worker", "--batch", "--no-startup-delay", *args)


def post_request(api, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/api/v1/concierge-requests/", valid_payload(), format="json")
    assert response.status_code == 201


# The worker closes the database connection between tasks, as in production: the test's data
# must be committed.
@pytest.mark.django_db(transaction=True)
def test_the_concierge_worker_sends_at_once_with_bulk_work_queued(
    api, database_tasks, django_capture_on_commit_callbacks
):
    post_request(api, django_capture_on_commit_callbacks)
    run_worker("--queue-name", "concierge")
    assert sorted(m.to[0] for m in mail.outbox) == ["sam@example.org", "team@roadcase.example"]
    assert DBTaskResult.objects.filter(status="READY").count() == BULK


@pytest.mark.django_db(transaction=True)
def test_a_worker_of_every_queue_takes_the_concierge_first(
    api, database_tasks, django_capture_on_commit_callbacks
):
    post_request(api, django_capture_on_commit_callbacks)
    run_worker("--queue-name", "default,concierge", "--max-tasks", "2")
    assert len(mail.outbox) == 2
    assert DBTaskResult.objects.filter(status="READY").count() == BULK
