"""Intake: POST /api/v1/concierge-requests/ from a partner's page stores a request, answers
with the country's emergency numbers and crisis lines, and refuses anything else clearly."""

import pytest
from django.core import mail

from cms.models import ConciergeMessage, ConciergeRequest
from tests.api.factories import make_partner
from tests.factories import make_resource

from .conftest import ORIGIN, valid_payload

URL = "/api/v1/concierge-requests/"


def post(api, payload, **headers):
    return api.post(URL, payload, format="json", **headers)


def test_a_valid_request_is_stored_and_answered_with_safety_first(
    api, django_capture_on_commit_callbacks
):
    make_resource(name="Samaritans", countries=("GB",))
    with django_capture_on_commit_callbacks(execute=True):
        response = post(api, valid_payload())

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["received"] is True
    assert "not an emergency service" in body["not_an_emergency_service"]
    assert body["country"]["code"] == "GB"
    assert "999" in [n["number"] for n in body["country"]["emergency_numbers"]]
    assert [line["name"] for line in body["crisis_lines"]] == ["Samaritans"]

    stored = ConciergeRequest.objects.get()
    assert (stored.email, stored.country, stored.locale, stored.role) == (
        "sam@example.org",
        "GB",
        "en",
        "crew",
    )
    assert stored.phone == "+442079460000"
    assert stored.partner.slug == "glasto"
    assert not stored.urgent
    assert sorted(m.kind for m in stored.messages.all()) == ["ack", "team"]
    assert {tuple(m.to) for m in mail.outbox} == {
        ("team@roadcase.example",),
        ("sam@example.org",),
    }


def test_emails_are_sent_only_after_the_request_is_committed(
    api, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post(api, valid_payload())
    assert ConciergeRequest.objects.count() == 1
    assert mail.outbox == []
    deliveries = [c for c in callbacks if "_enqueue_delivery" in c.__qualname__]
    assert len(deliveries) == 1


def test_the_team_notification_carries_no_personal_data(api, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post(api, valid_payload())
    [team] = [m for m in mail.outbox if m.to == ["team@roadcase.example"]]
    request = ConciergeRequest.objects.get()
    assert f"/admin/concierge/{request.pk}/" in team.body
    for secret in ("sam@example.org", "7946", "lighting tech"):
        assert secret not in team.body + team.subject


def test_the_acknowledgement_is_in_the_requesters_language(api, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post(api, valid_payload(language="es", country="ES"))
    [ack] = [m for m in mail.outbox if m.to == ["sam@example.org"]]
    assert ack.subject == "Hemos recibido tu solicitud"
    assert "112" in ack.body
    assert "no es un servicio de emergencia" in ack.body


def test_missing_fields_are_each_named(api):
    response = post(api, {})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"email", "country", "language", "message", "consent"}
    assert ConciergeRequest.objects.count() == 0


@pytest.mark.parametrize(
    "field, value",
    [
        ("email", "not-an-address"),
        ("country", "XX"),
        ("language", "tlh"),
        ("role", "astronaut"),
        ("phone", "12"),
        ("message", ""),
        ("message", "x" * 4001),
        ("consent", False),
    ],
)
def test_an_invalid_field_is_named(api, field, value):
    response = post(api, valid_payload(**{field: value}))
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors) == [field]
    assert errors[field]["message"]


def test_a_bad_language_lists_the_allowed_ones(api):
    errors = post(api, valid_payload(language="xx")).json()["errors"]
    assert "pt-br" in errors["language"]["allowed"]


@pytest.mark.parametrize(
    "language, required, consent",
    [
        ("es", "Este campo es necesario.", "Marca esta casilla para que podamos responderte."),
        ("fr", "Champ requis.", "Cochez cette case pour que nous puissions vous répondre."),
        (
            "de",
            "Dieses Feld muss ausgefüllt werden.",
            "Kreuzen Sie dieses Feld an, damit wir Ihnen antworten können.",
        ),
    ],
)
def test_errors_are_in_the_requesters_language(api, language, required, consent):
    response = post(api, {"language": language, "consent": False})
    errors = response.json()["errors"]
    assert errors["email"]["message"] == required
    assert errors["consent"]["message"] == consent


def test_without_a_language_errors_follow_accept_language(api):
    response = post(api, {}, HTTP_ACCEPT_LANGUAGE="sv-SE,sv;q=0.9")
    assert response.json()["detail"] == "Vissa fält är inte giltiga."


@pytest.mark.parametrize("origin", [None, "https://evil.example", "https://old.example"])
def test_only_active_partner_origins_may_post(partner, origin):
    from rest_framework.test import APIClient

    make_partner(slug="old", origins=["https://old.example"], active=False)
    headers = {"HTTP_ORIGIN": origin} if origin else {}
    response = APIClient().post(URL, valid_payload(), format="json", **headers)
    assert response.status_code == 403
    assert ConciergeRequest.objects.count() == 0


def test_cors_lets_the_partner_page_read_the_answer(api):
    preflight = api.options(
        URL,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )
    assert preflight["Access-Control-Allow-Origin"] == ORIGIN
    assert post(api, valid_payload())["Access-Control-Allow-Origin"] == ORIGIN


def test_a_filled_honeypot_gets_the_same_answer_and_nothing_is_kept(
    api, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(api, valid_payload(website="http://spam.example"))
    assert response.status_code == 201
    assert response.json()["country"]["code"] == "GB"
    assert ConciergeRequest.objects.count() == 0
    assert ConciergeMessage.objects.count() == 0
    assert mail.outbox == []


def test_the_write_throttle_refuses(api, settings):
    settings.ROADCASE = {**settings.ROADCASE, "CONCIERGE_THROTTLE": "2/hour"}
    statuses = [post(api, valid_payload()).status_code for _ in range(3)]
    assert statuses == [201, 201, 429]
    assert ConciergeRequest.objects.count() == 2


def test_the_per_minute_write_throttle_applies_too(api, settings):
    settings.ROADCASE = {**settings.ROADCASE, "API_THROTTLE_WRITE": "1/minute"}
    assert post(api, valid_payload()).status_code == 201
    assert post(api, valid_payload()).status_code == 429


@pytest.mark.parametrize(
    "language, message",
    [
        ("en", "I can't go on, I want to end my life"),
        ("es", "No puedo mas, quiero morir"),
        ("fr", "J'ai envie de mourir après la tournée"),
        ("de", "Ich kann nicht mehr"),
        ("pt-br", "Não aguento mais"),
        ("ja", "もう死にたいです"),
        ("ar", "اريد ان اموت"),
        ("sv", "Jag orkar inte mer"),
    ],
)
def test_a_message_signalling_danger_is_flagged_urgent(api, language, message):
    post(api, valid_payload(language=language, message=message))
    assert ConciergeRequest.objects.get().urgent


def test_the_schema_describes_the_endpoint(api):
    schema = api.get("/api/v1/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/concierge-requests/"]["post"]
    assert operation["operationId"] == "concierge_requests_create"


@pytest.mark.parametrize("key", ["", "not-a-fernet-key"])
def test_without_a_usable_key_the_concierge_answers_503_with_the_safety_information(
    api, settings, key
):
    # Issue 23: a valid request on a hub with no concierge key was a 500.
    settings.ROADCASE_CONCIERGE_KEY = key
    make_resource(name="Samaritans", countries=("GB",))
    response = post(api, valid_payload(language="fr"))
    assert response.status_code == 503, response.content
    body = response.json()
    assert body["code"] == "concierge_not_set_up"
    assert body["detail"].startswith("Le service concierge ne peut pas")
    assert "999" in [n["number"] for n in body["country"]["emergency_numbers"]]
    assert [line["name"] for line in body["crisis_lines"]] == ["Samaritans"]
    assert ConciergeRequest.objects.count() == 0 and mail.outbox == []


def test_without_a_key_an_invalid_country_still_gets_a_503_without_lines(api, settings):
    settings.ROADCASE_CONCIERGE_KEY = ""
    response = post(api, valid_payload(country="ZZ"))
    assert response.status_code == 503
    assert response.json()["country"] is None and response.json()["crisis_lines"] == []


def test_a_signed_in_editors_post_is_not_refused_by_a_csrf_check(api, editor):
    # The API uses no session authentication, whatever the host's DRF defaults (Django's test
    # settings keep DRF's own: session and Basic authentication).
    from rest_framework.test import APIClient

    browser = APIClient(enforce_csrf_checks=True, HTTP_ORIGIN=ORIGIN)
    browser.force_login(editor)
    assert post(browser, valid_payload()).status_code == 201
