"""Two build steps beyond what pyproject.toml declares, for the sdist and the wheel:

- the widget bundle must have been built (``make widget``: Node is needed to build the
  distributions, never to install them), or the build stops and says so;
- the gettext catalogs in ``locale/`` are compiled into the wheel's ``cms/locale/``, where
  Django finds them in a host site with no LOCALE_PATHS (``cms/catalogs.py``).

An editable install (``make install``) does neither: ``make widget messages`` build both in place.
"""

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
BUNDLE_MANIFEST = ROOT / "widget" / "static" / "roadcase_widget" / "build" / "manifest.json"


def catalogs_module():
    """``cms/catalogs.py`` alone (polib and the standard library), without Django."""
    spec = importlib.util.spec_from_file_location("roadcase_catalogs", ROOT / "cms" / "catalogs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildPy(build_py):
    def run(self):
        editable = getattr(self, "editable_mode", False)
        if not editable and not BUNDLE_MANIFEST.exists():
            raise SystemExit(
                "The widget bundle is not built: run `npm --prefix widget ci && npm --prefix "
                "widget run build` (or `make widget`) before building Roadcase's distributions."
            )
        super().run()
        if not editable and not self.dry_run:
            catalogs = catalogs_module()
            catalogs.compile_catalogs(catalogs.SOURCE_DIR, Path(self.build_lib) / "cms" / "locale")


setup(cmdclass={"build_py": BuildPy})
