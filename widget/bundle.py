"""The built widget bundle on disk: where ``npm run build`` puts it and what its manifest says.

``build.mjs`` writes ``static/roadcase_widget/build/``: the first chunk as the floating
``roadcase-finder.js`` and as ``roadcase-finder.<hash>.js``; the lazily loaded chunks as
``roadcase-finder.<name>.<hash>.js`` (``search``, ``concierge``, ``zones``), which the first chunk
imports from the directory it came from with their SRI hashes; and ``manifest.json`` with the
current hashes and integrity. Older hashed files are kept, so pinned embeds keep working after a
new build.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

BUILD_DIR = Path(__file__).resolve().parent / "static" / "roadcase_widget" / "build"
FLOATING_NAME = "roadcase-finder.js"
HASHED_NAME = re.compile(r"^roadcase-finder(?:\.[a-z]+)?\.[0-9a-f]{16}\.js$")


class BundleMissing(LookupError):
    """The widget has not been built: run ``npm --prefix widget ci && npm --prefix widget run
    build`` (``make demo`` and ``make test`` do)."""


@dataclass(frozen=True)
class Manifest:
    """The first chunk's facts, and ``chunks``: each lazy chunk's ``{file, integrity, bytes,
    gzip_bytes}`` by name."""

    hash: str
    file: str
    integrity: str
    bytes: int
    gzip_bytes: int
    chunks: dict = field(default_factory=dict)


def manifest():
    """The current build's manifest; raises BundleMissing before the first build."""
    try:
        data = json.loads((BUILD_DIR / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise BundleMissing(BundleMissing.__doc__) from error
    return Manifest(**data)


def bundle_file(name):
    """The path of a served bundle file (floating or hashed), or None for any other name."""
    if name != FLOATING_NAME and not HASHED_NAME.match(name):
        return None
    path = BUILD_DIR / name
    return path if path.is_file() else None
