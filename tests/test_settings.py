"""Production settings refuse to start with unsafe values; DATABASE_URL picks the database."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
GOOD = {
    "SECRET_KEY": "a-long-random-production-secret-value-0123456789",
    "ROADCASE_CONCIERGE_KEY": "ZmDfcTF7_60GrrY167zsiPd67pEvs0aGOv2oasOM1Pg=",
    "ALLOWED_HOSTS": "hub.example",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def load_settings(module, *, show=None, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", *GOOD}}
    environment.update(env)
    show = show or "s.DEBUG, s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']"
    code = f"import {module} as s; print({show})"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_production_starts_with_real_secrets():
    result = load_settings("roadcase_site.settings.production", **GOOD)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("False ")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({**GOOD, "DEBUG": "1"}, "DEBUG must be off"),
        ({k: v for k, v in GOOD.items() if k != "SECRET_KEY"}, "Set SECRET_KEY"),
        ({**GOOD, "SECRET_KEY": "roadcase-insecure-development-key"}, "Set SECRET_KEY"),
        ({k: v for k, v in GOOD.items() if k != "ROADCASE_CONCIERGE_KEY"}, "CONCIERGE_KEY"),
        # Without a shared cache, a publish would purge one process's cache only.
        ({k: v for k, v in GOOD.items() if k != "REDIS_URL"}, "Set REDIS_URL"),
    ],
)
def test_production_refuses_unsafe_settings(env, message):
    result = load_settings("roadcase_site.settings.production", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


def test_database_url_picks_the_database_and_sqlite_is_the_default(tmp_path):
    default = load_settings("roadcase_site.settings.dev", DATABASE_URL="")
    assert "sqlite3" in default.stdout and "roadcase.sqlite3" in default.stdout
    postgres = load_settings(
        "roadcase_site.settings.dev", DATABASE_URL="postgres://u@db.example:5432/hub"
    )
    assert "postgresql hub" in postgres.stdout


def test_the_cache_is_redis_when_redis_url_is_set_and_files_otherwise():
    show = "s.CACHES['default']['BACKEND']"
    files = load_settings("roadcase_site.settings.dev", show=show, REDIS_URL="")
    assert files.stdout.strip() == "roadcase_site.file_cache.FileCache"
    redis = load_settings("roadcase_site.settings.dev", show=show, REDIS_URL=GOOD["REDIS_URL"])
    assert redis.stdout.strip() == "django_redis.cache.RedisCache"


# The environment docs/deployment.md shows for a hub behind a TLS-terminating proxy.
DOCUMENTED = {
    **GOOD,
    "SECRET_KEY": "kX3v9-Lq2Rz8Wn4Tb7Yc1Hd6Jf0Mg5Ps2Ua8Ve3Xi9Ko4Nb7Qt1Rw6Sy0Zc5Dh2Fj",
    "SECURE_PROXY_SSL_HEADER": "true",
    "SECURE_HSTS_PRELOAD": "true",
}


def test_check_deploy_is_clean_with_the_documented_environment(tmp_path):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", *DOCUMENTED} and not k.startswith("DJANGO_")
    }
    environment.update(
        DOCUMENTED,
        DJANGO_SETTINGS_MODULE="roadcase_site.settings.production",
        ROADCASE_VAR_DIR=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
