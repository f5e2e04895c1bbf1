"""The distributions carry what a pip user needs and nothing else: `python -m build` makes an
sdist and a wheel with the built widget bundle and its manifest, the compiled catalogs and the
HSDS schemas, and nothing from widget/node_modules (issue 23)."""

import json
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from cms.catalogs import SOURCE_DIR
from widget.bundle import manifest

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    """The sdist and the wheel built from this checkout (the wheel from the sdist, as pip
    does), without build isolation: the test environment has the build requirements."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    [wheel] = out.glob("*.whl")
    [sdist] = out.glob("*.tar.gz")
    return wheel, sdist


def wheel_names(wheel):
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_wheel_carries_the_built_widget_bundle_and_its_manifest(dist):
    wheel, _sdist = dist
    build = "widget/static/roadcase_widget/build/"
    with zipfile.ZipFile(wheel) as archive:
        shipped = json.loads(archive.read(build + "manifest.json"))
        assert shipped == manifest().__dict__
        assert archive.read(build + shipped["file"]) == archive.read(build + "roadcase-finder.js")


def test_the_wheel_carries_a_compiled_catalog_for_every_source_catalog(dist):
    wheel, _sdist = dist
    sources = {path.parent.parent.name for path in SOURCE_DIR.glob("*/LC_MESSAGES/django.po")}
    assert {"fr", "ar", "pt_BR"} <= sources
    names = wheel_names(wheel)
    for locale in sources:
        assert f"cms/locale/{locale}/LC_MESSAGES/django.mo" in names, locale


def test_the_wheel_carries_the_hsds_schemas_templates_and_country_facts(dist):
    wheel, _sdist = dist
    names = wheel_names(wheel)
    schemas = {path.name for path in (ROOT / "cms" / "hsds" / "schema").glob("*.json")}
    assert len(schemas) > 10
    assert {name for name in names if name.startswith("cms/hsds/schema/")} >= {
        f"cms/hsds/schema/{name}" for name in schemas
    }
    assert "cms/data/countries.json" in names
    # The shipped crisis lines and their translations, every file of them.
    for path in (ROOT / "cms" / "data" / "crisis_lines").rglob("*.json"):
        assert path.relative_to(ROOT).as_posix() in names, path
    assert "api/templates/roadcase_api/docs.html" in names
    assert "cms/templates/cms/guide_page.html" in names


def test_the_wheel_holds_only_roadcases_packages_and_no_widget_sources_or_node_modules(dist):
    wheel, _sdist = dist
    names = wheel_names(wheel)
    top = {name.split("/")[0] for name in names if not name.startswith("roadcase-")}
    assert top == {"api", "cms", "widget", "roadcase_site"}
    assert not [name for name in names if "node_modules" in name]
    assert not [name for name in names if name.startswith(("widget/src/", "widget/tests/"))]
    assert not [name for name in names if name.startswith("tests/")]


def test_the_sdist_builds_without_node_and_leaves_node_modules_out(dist):
    _wheel, sdist = dist
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    # The wheel above was built from this sdist, so it holds the bundle and the catalogs'
    # sources; Node is only needed to build the bundle, before the sdist.
    assert "widget/static/roadcase_widget/build/manifest.json" in names
    assert "locale/fr/LC_MESSAGES/django.po" in names
    assert not [name for name in names if "node_modules" in name or name.endswith(".mo")]
