"""The hub as docs/deployment.md deploys it, with servers of its own: production settings,
gunicorn with 4 workers, a private PostgreSQL cluster and a private Redis, static files
collected, and two crisis lines for GB. Built once per test session: a test that stops a
server starts it again."""

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from .load import client
from .servers import ROOT, Gunicorn, PostgresCluster, RedisServer

pytestmark = pytest.mark.production

SEED = """
from tests.factories import make_resource
make_resource(name="Samaritans", countries=("GB",))
make_resource(name="Shout", countries=("GB",), contact_points=(("sms", "85258", "GB"),))
"""


def production_env(folder, *, database_url, redis_url):
    """The environment of docs/deployment.md, behind a TLS-terminating proxy on loopback."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))},
        "DJANGO_SETTINGS_MODULE": "roadcase_site.settings.production",
        "SECRET_KEY": "kX3v9-Lq2Rz8Wn4Tb7Yc1Hd6Jf0Mg5Ps2Ua8Ve3Xi9Ko4Nb7Qt1Rw6Sy0Zc5Dh2Fj",
        "ROADCASE_CONCIERGE_KEY": "ZmDfcTF7_60GrrY167zsiPd67pEvs0aGOv2oasOM1Pg=",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "SECURE_PROXY_SSL_HEADER": "true",
        "ROADCASE_TRUSTED_PROXIES": "127.0.0.1",
        "ROADCASE_VAR_DIR": str(folder / "var"),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": "9",
    }


@dataclass
class Stack:
    env: dict
    postgres: PostgresCluster
    redis: RedisServer
    web: Gunicorn
    folder: Path


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stack")
    postgres = PostgresCluster()
    postgres.init()
    postgres.start()
    redis = RedisServer(folder)
    redis.start()
    web = None
    try:
        postgres.create_database("roadcase")
        env = production_env(folder, database_url=postgres.url("roadcase"), redis_url=redis.url)
        # Migrations and collectstatic at once: they do not depend on each other.
        steps = [
            subprocess.Popen(
                [sys.executable, "manage.py", *args],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for args in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"])
        ]
        for step in steps:
            _out, errors = step.communicate(timeout=600)
            assert step.returncode == 0, errors[-4000:]
        seed = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup()\n{SEED}"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert seed.returncode == 0, seed.stderr[-4000:]
        web = Gunicorn(env, folder, workers=4)
        web.start()
        # Every worker past its first requests (imports, connections), so figures measure the
        # steady state.
        for n in range(40):
            requests.get(
                f"{web.base}/api/v1/crisis-lines/?country=GB", headers=client(n), timeout=30
            )
        yield Stack(env=env, postgres=postgres, redis=redis, web=web, folder=folder)
    finally:
        if web is not None:
            web.stop()
        redis.kill()
        postgres.stop()
