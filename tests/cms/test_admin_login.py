"""The admin login resists password guessing (django-axes): after a few failures for one
username from one client, even the right password is refused for a while."""

import pytest
from django.test import Client

LOGIN = "/admin/login/"


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "right-pw")


def attempt(client, password, **headers):
    return client.post(LOGIN, {"username": "admin", "password": password}, **headers)


def logged_in(client):
    return client.get("/admin/").status_code == 200


def test_forty_wrong_passwords_then_the_right_one_does_not_log_in(admin_user):
    client = Client(REMOTE_ADDR="203.0.113.5")
    statuses = [attempt(client, f"guess-{n}").status_code for n in range(40)]
    assert statuses[:4] == [200] * 4  # the form again, with an error
    assert set(statuses[5:]) == {429}
    assert attempt(client, "right-pw").status_code == 429
    assert not logged_in(client)


def test_a_forged_x_forwarded_for_does_not_reset_the_count(admin_user):
    client = Client(REMOTE_ADDR="203.0.113.5")
    for n in range(10):
        attempt(client, f"guess-{n}", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    response = attempt(client, "right-pw", HTTP_X_FORWARDED_FOR="198.51.100.200")
    assert response.status_code == 429
    assert not logged_in(client)


def test_the_owner_elsewhere_still_logs_in_and_a_success_resets_the_count(admin_user):
    for n in range(10):
        attempt(Client(REMOTE_ADDR="203.0.113.5"), f"guess-{n}")
    owner = Client(REMOTE_ADDR="192.0.2.10")
    attempt(owner, "wrong")
    assert attempt(owner, "right-pw").status_code == 302
    assert logged_in(owner)
