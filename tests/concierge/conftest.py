"""Fixtures for the concierge: a partner site, a throttle-free API client, the concierge team,
staff outside it, and a real SMTP server on loopback (aiosmtpd)."""

import socket

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.test import override_settings
from rest_framework.test import APIClient

from cms.concierge import services
from tests.api.factories import make_partner

ORIGIN = "https://partner.example"


@pytest.fixture(autouse=True)
def concierge_settings(settings):
    """Throttles high enough not to interfere (the throttle tests lower them), a known team
    address, and an empty cache (throttle counters) around each test.
    """
    settings.ROADCASE = {
        **getattr(settings, "ROADCASE", {}),
        "API_THROTTLE_READ": "10000/minute",
        "API_THROTTLE_WRITE": "10000/minute",
        "CONCIERGE_THROTTLE": "10000/hour",
        "CONCIERGE_TEAM_EMAILS": ["team@roadcase.example"],
    }
    cache.clear()
    yield settings
    cache.clear()


@pytest.fixture
def partner(db, locales):
    return make_partner(origins=[ORIGIN])


@pytest.fixture
def api(partner):
    """An API client posting from the partner's page."""
    return APIClient(HTTP_ORIGIN=ORIGIN)


def valid_payload(**overrides):
    return {
        "email": "sam@example.org",
        "phone": "+44 20 7946 0000",
        "country": "GB",
        "language": "en",
        "role": "crew",
        "message": "I am a lighting tech on tour and need a counsellor in Leeds.",
        "consent": True,
        **overrides,
    }


def make_request(**overrides):
    """A stored request, created the way the API creates one."""
    fields = valid_payload(**overrides)
    fields.pop("language")
    fields.setdefault("locale", overrides.get("language", "en"))
    return services.concierge_request_create(**fields)


@pytest.fixture
def concierge_group(db):
    return Group.objects.get(name="Concierge team")


@pytest.fixture
def member(concierge_group, django_user_model):
    user = django_user_model.objects.create_user(
        "ana", "ana@roadcase.example", "pw", first_name="Ana"
    )
    user.groups.add(concierge_group)
    return user


@pytest.fixture
def outsider(editor, django_user_model):
    """Staff with admin access (an editor) who is not in the concierge group."""
    editor.is_staff = True
    editor.save()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return editor


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """aiosmtpd handler keeping every message it accepts."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"

    @property
    def messages(self):
        from email import message_from_bytes
        from email.policy import default

        return [message_from_bytes(e.original_content, policy=default) for e in self.envelopes]


class SMTPServer:
    """A real SMTP server on a fixed loopback port that can be taken down and brought back."""

    def __init__(self):
        self.port = free_port()
        self.inbox = Inbox()
        self.controller = None

    def start(self):
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp():
    """SMTP on loopback, not yet listening (down); ``smtp.start()`` brings it up. Django
    sends through it for the duration of the test.
    """
    server = SMTPServer()
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=server.port,
        EMAIL_TIMEOUT=5,
    ):
        yield server
    server.stop()
