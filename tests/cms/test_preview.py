"""Headless preview: a signed, expiring token shows one draft as the API would serve it; the
public API never shows drafts."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from cms.models import Resource
from cms.scheduling.preview import preview_token_create
from tests.factories import make_guide, make_resource

pytestmark = pytest.mark.django_db
PREVIEW = reverse("roadcase_api:preview")


def test_a_token_shows_the_draft_and_the_public_api_does_not(client):
    resource = make_resource(summary="Live summary.")
    draft = Resource.objects.get(pk=resource.pk)
    draft.summary = "Draft summary, not yet published."
    draft.save_revision()

    response = client.get(PREVIEW, {"token": preview_token_create(draft)})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    body = response.json()
    assert (body["type"], body["preview"]) == ("resource", True)
    assert body["data"]["summary"] == "Draft summary, not yet published."
    assert body["data"]["open_now"] is True  # 24/7

    public = client.get(reverse("roadcase_api:resource-detail", args=[resource.pk])).json()
    assert public["summary"] == "Live summary."


def test_a_never_published_draft_is_invisible_to_the_public_api(client):
    draft = make_resource(name="Unpublished line", publish=False)
    assert client.get(reverse("roadcase_api:resource-detail", args=[draft.pk])).status_code == 404
    listing = client.get(reverse("roadcase_api:resource-list")).json()
    assert "Unpublished line" not in [r["name"] for r in listing["results"]]
    preview = client.get(PREVIEW, {"token": preview_token_create(draft)}).json()
    assert preview["data"]["name"] == "Unpublished line"


def test_an_expired_token_is_refused(client, settings):
    settings.ROADCASE = {"PREVIEW_TOKEN_SECONDS": 600}
    draft = make_resource(publish=False)
    token = preview_token_create(draft)
    with time_machine.travel(timezone.now() + timedelta(seconds=601)):
        response = client.get(PREVIEW, {"token": token})
    assert response.status_code == 403
    assert "expired" in response.json()["detail"]


def test_a_forged_or_missing_token_is_refused(client):
    draft = make_resource(publish=False)
    token = preview_token_create(draft)
    assert client.get(PREVIEW, {"token": token[:-2] + "xx"}).status_code == 403
    response = client.get(PREVIEW)
    assert response.status_code == 400
    assert "token" in response.json()["errors"]


def test_a_guide_draft_previews_with_its_chapters(client):
    guide = make_guide(title="Mind The Music")
    guide.title = "Mind The Music (second edition)"
    guide.save_revision()
    body = client.get(PREVIEW, {"token": preview_token_create(guide)}).json()
    assert body["type"] == "guide"
    assert body["data"]["title"] == "Mind The Music (second edition)"
    assert body["data"]["chapters"][0]["title"] == "On the road"


def test_editors_preview_mode_gives_a_working_link(client, rf):
    resource = make_resource()
    assert ("headless", "As partners receive it") in [
        (mode, str(label)) for mode, label in resource.preview_modes
    ]
    response = resource.serve_preview(rf.get("/"), "headless").render()
    html = response.content.decode()
    found = re.search(r'<a href="([^"]*/api/v1/preview/\?token=[^"]*)"', html)
    assert found, html
    link = found.group(1).replace("&amp;", "&")
    assert client.get(link).json()["data"]["id"] == resource.pk
