"""Partners never see content early or stale: scheduled publishing, expiry and ended events
purge cached listings in every locale, and a configured CDN is asked to purge too."""

import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import time_machine
from django.utils import timezone

from cms.scheduling.services import tick
from tests.api.factories import make_partner
from tests.factories import make_event, make_resource

pytestmark = pytest.mark.django_db


def names(api, locale):
    response = api.get("/api/v1/resources/", {"locale": locale, "country": "GB"})
    return [r["name"] for r in response.json()["results"]]


def test_a_scheduled_publish_purges_listings_in_every_locale(api):
    due = timezone.now().replace(microsecond=0) + timedelta(hours=1)
    make_resource(name="Samaritans")
    scheduled = make_resource(name="Shout", publish=False)
    scheduled.go_live_at = due
    scheduled.save_revision().publish()

    for locale in ("en", "ar", "ja"):
        assert names(api, locale) == ["Samaritans"]  # now cached
    with time_machine.travel(due, tick=False):
        tick()
        for locale in ("en", "ar", "ja"):
            assert sorted(names(api, locale)) == ["Samaritans", "Shout"], locale


def test_an_ended_event_leaves_cached_upcoming_listings(api):
    event = make_event(title="Breather tent", starts_in=timedelta(minutes=30), hours=1)
    titles = [e["title"] for e in api.get("/api/v1/events/", {"locale": "fr"}).json()["results"]]
    assert titles == ["Breather tent"]
    with time_machine.travel(event.ends_at + timedelta(seconds=1), tick=False):
        tick()
        response = api.get("/api/v1/events/", {"locale": "fr"}).json()
    assert response["results"] == []


def test_event_descriptions_are_sanitized_with_links_expanded(api):
    target = make_event(title="Target")
    make_event(
        title="Source",
        description=(
            f'<p>See <a linktype="page" id="{target.pk}">this</a>.</p>'
            '<script>alert(1)</script><p onclick="x()">Hi</p>'
        ),
    )
    events = {e["title"]: e for e in api.get("/api/v1/events/").json()["results"]}
    html = events["Source"]["description"]
    assert "<script" not in html and "onclick" not in html and "linktype" not in html
    assert 'href="http://testserver/' in html


class PurgeRecorder(BaseHTTPRequestHandler):
    paths = []

    def do_PURGE(self):
        type(self).paths.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_configured_cdn_is_asked_to_purge_the_api_in_every_locale(
    api, settings, django_capture_on_commit_callbacks
):
    server = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    PurgeRecorder.paths = []
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    try:
        make_partner(slug="glasto")
        with django_capture_on_commit_callbacks(execute=True):
            make_resource()
    finally:
        server.shutdown()
    assert "/api/v1/widget/start/?locale=fr" in PurgeRecorder.paths
    assert "/api/v1/widget/glasto/start/" in PurgeRecorder.paths
    assert "/api/v1/resources/" in PurgeRecorder.paths
    assert "/api/v1/resources/?locale=ar" in PurgeRecorder.paths
    assert "/api/v1/crisis-lines/?locale=ja" in PurgeRecorder.paths


def test_content_past_its_expiry_is_never_served_even_before_the_tick_runs(api):
    from tests.api.factories import make_guide

    expires = timezone.now().replace(microsecond=0) + timedelta(minutes=2)
    event = make_event(title="Pop-up clinic")
    guide = make_guide(title="Festival survival", slug="festival-survival")
    for page in (event, guide):
        page.expire_at = expires
        page.save_revision().publish()

    def served():
        events = api.get("/api/v1/events/", {"locale": "fr"}).json()["results"]
        guides = api.get("/api/v1/guides/").json()["results"]
        feed = api.get("/api/v1/events.ics").content.decode()
        detail = api.get("/api/v1/guides/festival-survival/").status_code
        return [e["title"] for e in events], [g["title"] for g in guides], feed, detail

    events, guides, feed, detail = served()  # and now cached
    assert (events, guides, detail) == (["Pop-up clinic"], ["Festival survival"], 200)
    assert "Pop-up clinic" in feed
    # Within the response cache's lifetime, and with no tick to unpublish anything.
    with time_machine.travel(expires + timedelta(seconds=1), tick=False):
        events, guides, feed, detail = served()
    assert (events, guides, detail) == ([], [], 404)
    assert "Pop-up clinic" not in feed


def test_a_bulk_load_purges_once_when_it_ends_not_for_each_row(api):
    from cms.signals import bulk_loading

    make_resource(name="Samaritans")
    assert names(api, "en") == ["Samaritans"]  # now cached
    with bulk_loading():
        make_resource(name="Shout")
        make_resource(name="Papyrus")
        # A load of thousands of rows no longer purges for each: the cached answer stands...
        assert names(api, "en") == ["Samaritans"]
    # ...until the load ends.
    assert sorted(names(api, "en")) == ["Papyrus", "Samaritans", "Shout"]
