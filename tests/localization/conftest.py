"""Fixtures for the translation workflow: translators of one locale, an editor who assigns
work, and a way to let on-commit work (signals → tasks) run inside a test transaction."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.models import Group, Permission

from cms.localization.services import translator_group_ensure


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Use as ``with committed():`` around writes whose on-commit work must run."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _member(django_user_model, username, group):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(group)
    return user


@pytest.fixture
def fr_translator(locales, django_user_model):
    return _member(django_user_model, "amelie", translator_group_ensure(locale=locales["fr"]))


@pytest.fixture
def de_translator(locales, django_user_model):
    return _member(django_user_model, "jonas", translator_group_ensure(locale=locales["de"]))


@pytest.fixture
def coordinator(db, django_user_model):
    """An editor who assigns translation work and submits content for translation."""
    group, _created = Group.objects.get_or_create(name="Translation coordinators")
    for app_label, codename in [
        ("wagtailadmin", "access_admin"),
        ("roadcase", "assign_translationtask"),
        ("roadcase", "view_translationtask"),
        ("wagtail_localize", "submit_translation"),
    ]:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return _member(django_user_model, "coordinator", group)


def refused(response) -> bool:
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard (and an
    error message); API endpoints answer 403. Either is a refusal."""
    from django.urls import reverse

    if response.status_code == 403:
        return True
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


class LibreTranslateServer(BaseHTTPRequestHandler):
    """LibreTranslate's /translate endpoint (the part wagtail-localize's LibreTranslator
    calls): a stand-in for a self-hosted server, which cannot run here without downloading
    its language models. It "translates" by upper-casing and records each request."""

    requests = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append((self.path, body))
        answer = json.dumps({"translatedText": [text.upper() for text in body["q"]]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


@pytest.fixture
def libretranslate():
    LibreTranslateServer.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), LibreTranslateServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    server.requests = LibreTranslateServer.requests
    yield server
    server.shutdown()
    server.server_close()
