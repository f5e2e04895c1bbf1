"""Roadcase's gettext catalogs: where their sources are and where the compiled ones go.

The sources (``.po``) live in the repository's top-level ``locale/``. Compiled (``.mo``) they go
into ``cms/locale/``, where Django finds the catalogs of an installed app: a host site needs no
``LOCALE_PATHS`` for Roadcase's UI, API and widget strings. ``manage.py compile_catalogs`` does
it in a checkout; the wheel build (``setup.py``) does it into the wheel.

This module needs only polib and the standard library (the build loads it on its own, without
Django or the rest of the package).
"""

from pathlib import Path

import polib

PACKAGE_DIR = Path(__file__).resolve().parent
SOURCE_DIR = PACKAGE_DIR.parent / "locale"
COMPILED_DIR = PACKAGE_DIR / "locale"


def compile_catalogs(source_dir=SOURCE_DIR, target_dir=COMPILED_DIR):
    """Compile every ``<locale>/LC_MESSAGES/*.po`` under ``source_dir`` into the same place
    under ``target_dir``; return the paths written."""
    written = []
    for po_path in sorted(Path(source_dir).glob("*/LC_MESSAGES/*.po")):
        target = Path(target_dir) / po_path.relative_to(source_dir).with_suffix(".mo")
        target.parent.mkdir(parents=True, exist_ok=True)
        polib.pofile(str(po_path)).save_as_mofile(str(target))
        written.append(target)
    return written
