"""A purge reaches every process: with the settings ``make demo`` runs (no Redis), what the
periodic job publishes, or another process unpublishes, shows in every web worker at once."""

import time

import pytest
import requests

from .servers import Gunicorn, manage, python

pytestmark = pytest.mark.production

SEED = """
from datetime import timedelta
from django.utils import timezone
from cms.models import GuidePage
from tests.factories import guide_index, make_guide

make_guide(title="Live guide", slug="live-guide")
scheduled = GuidePage(title="Scheduled guide", slug="scheduled-guide", live=False)
guide_index().add_child(instance=scheduled)
scheduled.go_live_at = timezone.now() + timedelta(seconds=4)
scheduled.save_revision().publish()
"""

UNPUBLISH = """
from cms.models import GuidePage
GuidePage.objects.get(slug="live-guide").unpublish()
"""


@pytest.fixture
def demo_env(tmp_path):
    import os

    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))},
        "DJANGO_SETTINGS_MODULE": "roadcase_site.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'hub.sqlite3'}",
        "ROADCASE_VAR_DIR": str(tmp_path / "var"),
        "REDIS_URL": "",
    }


def test_what_one_process_publishes_or_unpublishes_every_web_worker_serves(demo_env, tmp_path):
    manage(demo_env, "migrate", "--noinput", "-v0")
    python(demo_env, SEED)
    web = Gunicorn(demo_env, tmp_path, workers=2)
    web.start()
    try:

        def titles_seen():
            """The guides each of several answers lists (enough to reach both workers)."""
            answers = [
                requests.get(f"{web.base}/api/v1/guides/", timeout=10).json() for _ in range(8)
            ]
            return {tuple(g["title"] for g in a["results"]) for a in answers}

        assert titles_seen() == {("Live guide",)}  # and cached in both workers
        time.sleep(4)
        manage(demo_env, "roadcase_tick")  # the periodic job, in a process of its own
        assert titles_seen() == {("Live guide", "Scheduled guide")}
        python(demo_env, UNPUBLISH)
        assert titles_seen() == {("Scheduled guide",)}
    finally:
        web.stop()
