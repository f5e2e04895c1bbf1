"""Roadcase installs into an existing Wagtail site as a plugin, configured as the README says."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_a_minimal_host_site_runs_roadcase(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.host_site.settings",
        "HOST_SITE_DB": str(tmp_path / "host.sqlite3"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "tests.host_site.check_host"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.split("\n")[:2] == ["models ok", "admin ok"]
