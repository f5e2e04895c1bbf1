"""Which UI strings (gettext, not content) each locale's catalog is missing.

Strings are extracted from the Python sources and Django templates of the given directories
with Babel's extractor (templates go through Django's own ``templatize``, as ``makemessages``
does), so no GNU gettext tools are needed. A string is missing from a locale when its catalog
(``<LOCALE_PATHS>/<locale>/LC_MESSAGES/django.po``) lacks it, leaves it empty or marks it fuzzy.
"""

import io
from dataclasses import dataclass, field
from pathlib import Path

import polib
from babel.messages.extract import DEFAULT_KEYWORDS, extract
from django.utils.translation import to_locale
from django.utils.translation.template import templatize

KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext_lazy": (1, 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
SKIP_DIRS = {"migrations", "node_modules", "__pycache__", "tests", "static"}


@dataclass
class LocaleReport:
    locale: str
    catalog: Path
    exists: bool
    total: int = 0
    translated: int = 0
    fuzzy: int = 0
    missing: list[tuple[str | None, str]] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(100 * self.translated / self.total) if self.total else 100


def _files(roots):
    for root in roots:
        for path in sorted(Path(root).rglob("*")):
            if SKIP_DIRS.intersection(path.parts) or not path.is_file():
                continue
            if path.suffix in (".py", ".html", ".txt"):
                yield path


def source_messages(roots) -> dict[tuple[str | None, str], list[str]]:
    """(context, msgid) → where each translatable string is used, under ``roots``."""
    messages = {}
    for path in _files(roots):
        text = path.read_text(encoding="utf-8")
        if path.suffix != ".py":
            if "{%" not in text:
                continue
            # templatize's output is for xgettext, not Python: flatten its indentation.
            text = "\n".join(
                line.lstrip() for line in templatize(text, origin=str(path)).splitlines()
            )
        for lineno, message, _comments, context in extract(
            "python", io.BytesIO(text.encode()), keywords=KEYWORDS
        ):
            msgid = message[0] if isinstance(message, tuple) else message
            if msgid:
                messages.setdefault((context, msgid), []).append(f"{path}:{lineno}")
    return messages


def missing_translations(*, roots, locale_paths, languages) -> list[LocaleReport]:
    """One report per language code (``pt-br``) against the first catalog found for it."""
    messages = source_messages(roots)
    reports = []
    for language in languages:
        name = to_locale(language)
        candidates = [Path(p) / name / "LC_MESSAGES" / "django.po" for p in locale_paths]
        catalog = next((c for c in candidates if c.exists()), candidates[0])
        report = LocaleReport(locale=name, catalog=catalog, exists=catalog.exists())
        entries = {}
        if report.exists:
            entries = {
                (entry.msgctxt, entry.msgid): entry
                for entry in polib.pofile(str(catalog))
                if not entry.obsolete
            }
        report.total = len(messages)
        for key in sorted(messages, key=lambda k: (k[1], k[0] or "")):
            entry = entries.get(key)
            if entry is not None and entry.translated():
                report.translated += 1
                continue
            if entry is not None and "fuzzy" in entry.flags:
                report.fuzzy += 1
            report.missing.append(key)
        reports.append(report)
    return reports
