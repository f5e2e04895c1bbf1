"""Roadcase installs into a stock `wagtail start` site exactly as the README says (issue 23).

A fresh site is made with `wagtail start` (its defaults: ``LANGUAGE_CODE = "en-us"``, the
``home`` and ``search`` apps, DEBUG settings), the README's plugin steps are applied to it word
for word (tests/host_site/readme_steps.py), its commands run (migrate, load_demo_hub), and
tests/host_site/check_host.py checks the result from inside the site. Each test below reads the
outcome of one of those checks. CI does the same with the built wheel in a fresh virtualenv
(.ci/plugin_site).
"""

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.host_site import readme_steps

# Loads the demo hub into the new site (about two minutes in all).
pytestmark = pytest.mark.demo

HERE = Path(__file__).parent
CHECK_HOST = HERE / "host_site" / "check_host.py"


def host_env():
    """The environment of a developer's shell: none of this suite's settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "ROADCASE_"))}
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    return env


def run(args, cwd, timeout=600):
    result = subprocess.run(
        args, cwd=cwd, env=host_env(), capture_output=True, text=True, timeout=timeout
    )
    return result


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A `wagtail start` site with the README's steps applied and its commands run."""
    base = tmp_path_factory.mktemp("host")
    wagtail = Path(sys.executable).parent / "wagtail"
    made = run([str(wagtail), "start", "hostsite"], cwd=base)
    assert made.returncode == 0, made.stderr
    site = base / "hostsite"
    readme_steps.apply(site)
    outputs = []
    for command in readme_steps.commands():
        args = shlex.split(command)
        assert args[0] == "python", command
        done = run([sys.executable, *args[1:]], cwd=site)
        assert done.returncode == 0, (command, done.stdout[-2000:], done.stderr[-3000:])
        outputs.append(done.stdout + done.stderr)
    return site, "\n".join(outputs)


@pytest.fixture(scope="module")
def checks(site):
    """``{check name: "ok" or why it failed}`` from check_host.py, run inside the site."""
    site_dir, _output = site
    result = run([sys.executable, str(CHECK_HOST)], cwd=site_dir)
    outcomes = {}
    for line in result.stdout.splitlines():
        if line.startswith("ok "):
            outcomes[line[3:]] = "ok"
        elif line.startswith("FAIL "):
            name, _sep, why = line[5:].partition(": ")
            outcomes[name] = why
    assert outcomes, result.stdout + result.stderr[-3000:]
    return outcomes


def passed(checks, name):
    assert checks.get(name) == "ok", checks.get(name, "did not run")


def test_the_site_is_a_stock_wagtail_start_site(checks):
    passed(checks, "a_stock_wagtail_start_site")
    passed(checks, "roadcase_comes_from_the_installed_distribution")


def test_load_demo_hub_works_with_the_readmes_languages_and_says_what_it_skips(site):
    _site_dir, output = site
    assert "Demo translations skipped for es, de" in output, output
    assert "roadcase.W101" in output  # the demo's own system check, before it loads


def test_the_host_would_make_no_migration_for_roadcases_apps(checks):
    passed(checks, "the_host_would_make_no_migration_for_roadcase")


def test_crisis_lines_and_resources_are_served_with_language_code_en_us(checks):
    passed(checks, "crisis_lines_for_gb_in_en_us")


def test_ui_api_and_widget_strings_are_french_and_arabic_without_locale_paths(checks):
    passed(checks, "french_and_arabic_strings")


def test_the_widget_bundle_is_served_and_the_partner_page_pins_it_with_sri(checks):
    passed(checks, "the_widget_bundle_and_its_pinned_embed_code")


def test_the_concierge_without_a_key_answers_503_and_the_system_check_says_why(checks):
    passed(checks, "the_concierge_without_a_key_answers_503_and_the_widget_hides_it")
    passed(checks, "system_checks_report_only_the_missing_concierge_key")


def test_the_hosts_drf_defaults_do_not_reach_roadcases_api(checks):
    passed(checks, "the_hosts_drf_defaults_do_not_reach_roadcases_api")


def test_the_schema_has_only_roadcases_endpoints_and_the_docs_load_nothing_from_a_cdn(checks):
    passed(checks, "the_schema_and_docs_are_roadcases_own_and_served_here")


def test_the_admin_menus_are_there_in_english_french_and_arabic(checks):
    passed(checks, "the_admin_menus_in_english_french_and_arabic")


def test_load_demo_hub_never_touches_the_hosts_pages(checks):
    passed(checks, "load_demo_hub_left_the_hosts_pages_as_they_were")
    passed(checks, "load_demo_hub_pages_go_under_a_section_of_their_own")


def test_a_host_package_named_api_is_caught_by_a_system_check(site, checks):
    # After check_host.py (``checks``), which must see Roadcase's own api.
    site_dir, _output = site
    impostor = site_dir / "api"
    impostor.mkdir()
    (impostor / "__init__.py").write_text('"""The host\'s own API."""\n')
    (impostor / "urls.py").write_text("urlpatterns = []\n")
    try:
        result = run([sys.executable, "manage.py", "check"], cwd=site_dir)
    finally:
        shutil.rmtree(impostor)
    assert result.returncode != 0
    assert "roadcase.E001" in result.stderr and "The module 'api'" in result.stderr, result.stderr
