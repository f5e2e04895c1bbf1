"""Abuse limits on intake: the hub cannot be made to send mail without end, to one address or
to many, whatever the client claims to be, and every refusal still shows the crisis lines."""

from django.core import mail
from django.test import override_settings
from rest_framework.test import APIClient

from cms.models import ConciergeRequest
from tests.factories import make_resource

from .conftest import ORIGIN, free_port, valid_payload

URL = "/api/v1/concierge-requests/"


def post(payload, *, remote="203.0.113.9", **headers):
    client = APIClient(HTTP_ORIGIN=ORIGIN)
    return client.post(URL, payload, format="json", REMOTE_ADDR=remote, **headers)


def test_x_forwarded_for_does_not_reset_the_per_client_limit(partner, settings):
    settings.ROADCASE = {**settings.ROADCASE, "CONCIERGE_THROTTLE": "5/hour"}
    statuses = [
        post(
            valid_payload(email=f"person{n}@example.org"),
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        ).status_code
        for n in range(12)
    ]
    assert statuses == [201] * 5 + [429] * 7
    assert ConciergeRequest.objects.count() == 5


def test_one_address_gets_few_requests_from_however_many_clients(
    partner, settings, django_capture_on_commit_callbacks
):
    settings.ROADCASE = {**settings.ROADCASE, "CONCIERGE_PER_ADDRESS": "3/day"}
    make_resource(name="Samaritans", countries=("GB",))
    spellings = ["victim@example.org", "Victim@Example.org", "victim+2@example.org"] * 4
    with django_capture_on_commit_callbacks(execute=True):
        responses = [
            post(valid_payload(email=email), remote=f"192.0.2.{n}")
            for n, email in enumerate(spellings)
        ]
    assert [r.status_code for r in responses] == [201] * 3 + [429] * 9
    acknowledgements = [m for m in mail.outbox if m.to != ["team@roadcase.example"]]
    assert len(acknowledgements) == 3
    refused = responses[-1]
    assert 0 < int(refused["Retry-After"]) <= 86400
    body = refused.json()
    assert "already received" in body["detail"]
    assert [line["name"] for line in body["crisis_lines"]] == ["Samaritans"]
    assert "999" in [n["number"] for n in body["country"]["emergency_numbers"]]


def test_the_hub_has_an_hourly_ceiling(partner, settings):
    settings.ROADCASE = {**settings.ROADCASE, "CONCIERGE_HOURLY_CEILING": 4}
    statuses = [
        post(valid_payload(email=f"p{n}@example.org"), remote=f"192.0.2.{n}").status_code
        for n in range(6)
    ]
    assert statuses == [201] * 4 + [429] * 2
    refused = post(valid_payload(email="late@example.org", language="fr"), remote="192.0.2.99")
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert refused.json()["locale"] == "fr"
    assert refused.json()["country"]["code"] == "GB"


def test_the_database_limits_hold_while_the_cache_is_down(partner, settings):
    settings.ROADCASE = {**settings.ROADCASE, "CONCIERGE_PER_ADDRESS": "2/day"}
    unreachable = f"redis://127.0.0.1:{free_port()}/0"
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": unreachable,
        }
    }
    with override_settings(CACHES=caches):
        statuses = [post(valid_payload()).status_code for _ in range(4)]
    assert statuses == [201, 201, 429, 429]


def test_the_acknowledgement_carries_no_text_the_submitter_wrote(
    api, django_capture_on_commit_callbacks
):
    payload = valid_payload(
        message="Buy cheap pills at https://spam.example now",
        phone="+44 20 7946 0123",
        role="crew",
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert api.post(URL, payload, format="json").status_code == 201
    [ack] = [m for m in mail.outbox if m.to == ["sam@example.org"]]
    text = ack.subject + ack.body + str(ack.extra_headers)
    for written in ("spam.example", "cheap pills", "7946", "sam@example.org"):
        assert written not in text
