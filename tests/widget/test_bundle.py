"""The bundle as the hub serves it, its size budget, the embed snippet, and its string catalogs."""

import base64
import gzip
import hashlib
import json
import re
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from cms.models import Partner
from widget.bundle import BUILD_DIR
from widget.embed import embed_snippet
from widget.strings import WIDGET_STRINGS

ROOT = Path(__file__).resolve().parents[2]
# The first chunk (issue 22), and what the crisis block needs before it shows: the first chunk
# and, when no country is given, the time-zone chunk (issue 17's first load).
FIRST_CHUNK_BUDGET = 10 * 1024
CRISIS_PATH_BUDGET = 15 * 1024
LAZY_CHUNKS = {"search", "concierge", "zones", "offline"}
PLACEHOLDER = re.compile(r"\{\w+\}")


def gzipped_size(path):
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def test_first_chunk_fits_its_budget(bundle):
    assert gzipped_size(BUILD_DIR / "roadcase-finder.js") <= FIRST_CHUNK_BUDGET
    assert bundle.gzip_bytes <= FIRST_CHUNK_BUDGET


def test_crisis_path_fits_its_budget(bundle):
    zones = BUILD_DIR / bundle.chunks["zones"]["file"]
    assert gzipped_size(BUILD_DIR / bundle.file) + gzipped_size(zones) <= CRISIS_PATH_BUDGET


def test_first_chunk_names_each_lazy_chunk_with_its_integrity(bundle):
    assert set(bundle.chunks) == LAZY_CHUNKS
    first = (BUILD_DIR / bundle.file).read_text(encoding="utf-8")
    for facts in bundle.chunks.values():
        code = (BUILD_DIR / facts["file"]).read_bytes()
        digest = base64.b64encode(hashlib.sha384(code).digest()).decode()
        assert facts["integrity"] == f"sha384-{digest}"
        assert facts["file"] in first
        assert facts["integrity"] in first


def test_lazy_chunks_are_served_immutable_to_any_origin(client, bundle):
    for facts in bundle.chunks.values():
        response = client.get(f"/widget/v1/{facts['file']}")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/javascript; charset=utf-8"
        assert response["Cache-Control"] == "public, max-age=31536000, immutable"
        # Module scripts are always fetched with CORS.
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response.content == (BUILD_DIR / facts["file"]).read_bytes()


def all_chunks(bundle):
    return [BUILD_DIR / "roadcase-finder.js"] + [
        BUILD_DIR / facts["file"] for facts in bundle.chunks.values()
    ]


@pytest.mark.parametrize("index", range(1 + len(LAZY_CHUNKS)))
def test_bundle_has_no_eval_or_html_sinks(bundle, index):
    code = all_chunks(bundle)[index].read_text(encoding="utf-8")
    for sink in (
        "eval(",
        "new Function",
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        ".style.",
    ):
        assert sink not in code, sink
    for storage in ("document.cookie", "localStorage", "sessionStorage", "indexedDB"):
        assert storage not in code, storage


def test_floating_url_is_short_cached_javascript(client, bundle):
    response = client.get("/widget/v1/roadcase-finder.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert "max-age=300" in response["Cache-Control"]
    assert "immutable" not in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content == (BUILD_DIR / "roadcase-finder.js").read_bytes()

    again = client.get("/widget/v1/roadcase-finder.js", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_versioned_url_is_immutable_and_matches_its_integrity(client, bundle):
    response = client.get(f"/widget/v1/{bundle.file}", HTTP_ACCEPT_ENCODING="gzip, br")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    # SRI on a cross-origin script needs CORS; the bundle is public, so any origin may check it.
    assert response["Access-Control-Allow-Origin"] == "*"
    code = gzip.decompress(response.content)
    digest = base64.b64encode(hashlib.sha384(code).digest()).decode()
    assert bundle.integrity == f"sha384-{digest}"


@pytest.mark.parametrize(
    "path",
    [
        "/widget/v1/roadcase-finder.0123456789abcdef.js",
        "/widget/v1/roadcase-finder.search.0123456789abcdef.js",
        "/widget/v1/roadcase-finder.search.js",
        "/widget/v1/manifest.json",
    ],
)
def test_unknown_bundle_files_are_not_found(db, client, bundle, path):
    assert client.get(path).status_code == 404


def test_embed_snippet_pins_the_build_with_sri(bundle, rf, locales):
    snippet = embed_snippet(Partner(slug='fest"ival'), "https://hub.example/")
    assert snippet.startswith(
        '<link rel="preconnect" href="https://hub.example" crossorigin>\n'
        f'<script async src="https://hub.example/widget/v1/{bundle.file}" '
        f'integrity="{bundle.integrity}" crossorigin="anonymous"></script>\n'
        '<roadcase-finder partner="fest&quot;ival" quick-exit="https://www.google.com/">\n'
    )
    assert snippet.endswith("</roadcase-finder>\n")
    request = rf.get("/admin/", HTTP_HOST="hub.example")
    floating = embed_snippet("demo-festival", request, pinned=False)
    assert (
        '<script async src="http://hub.example/widget/v1/roadcase-finder.js"></script>' in floating
    )


def test_bundled_english_strings_match_the_catalog():
    bundled = json.loads((ROOT / "widget/src/strings.en.json").read_text(encoding="utf-8"))
    with translation.override("en"):
        assert bundled == {key: str(text) for key, text in WIDGET_STRINGS.items()}


@pytest.mark.parametrize("code", [c for c, _ in settings.LANGUAGES if c != "en"])
def test_every_locale_translates_every_widget_string(code):
    catalog = polib.pofile(
        str(ROOT / "locale" / translation.to_locale(code) / "LC_MESSAGES" / "django.po")
    )
    for key, text in WIDGET_STRINGS.items():
        entry = catalog.find(str(text))
        assert entry and entry.msgstr, f"{code}: {key} is not translated"
        assert set(PLACEHOLDER.findall(entry.msgstr)) == set(PLACEHOLDER.findall(entry.msgid))


def test_javascript_unit_tests_pass_in_node():
    result = subprocess.run(
        ["node", "--test", "widget/tests/"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_offline_chunk_speaks_every_language_as_the_hub_does(bundle):
    # The crisis path's strings, for when the hub's API does not answer: each as gettext gives it.
    chunk = BUILD_DIR / bundle.chunks["offline"]["file"]
    result = subprocess.run(
        [
            "node",
            "--input-type=module",
            "-e",
            f"""
         const {{ catalogs }} = await import({json.dumps(chunk.as_uri())});
         console.log(JSON.stringify(catalogs));""",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    catalogs = json.loads(result.stdout)
    assert set(catalogs) == {code.replace("-br", "-BR") for code, _ in settings.LANGUAGES}
    for key in ("crisis_heading", "emergency_all", "emergency_ambulance_fire", "offline", "closed"):
        for code, catalog in catalogs.items():
            if code == "en":
                continue
            assert catalog["strings"][key] == widget_string_in(key, code), (code, key)
    assert catalogs["ar"]["dir"] == "rtl"


def widget_string_in(key, language):
    with translation.override(language):
        return str(WIDGET_STRINGS[key])
