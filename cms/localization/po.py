"""Bulk PO files for external translators: export queue items of one locale (one file, or a zip
of one file per item) and import them back.

Every entry's ``msgctxt`` is ``<translation key>:<field path>`` (wagtail-localize's context
path), so one file can carry many items and an import knows exactly which string of which
object an entry translates. Machine-translated strings are exported ``fuzzy`` (to review).

The import checks everything before it writes anything: that each file parses and passes
``msgfmt -c``-style checks (charset, duplicates, newlines, format placeholders), that it is
for the chosen locale, that every item exists and every msgid is still the source's text
(reporting unknown msgids and changed sources per item), and that markup is valid. Any error:
nothing is applied. Otherwise all items are applied in one transaction.
"""

import io
import re
import uuid
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field

import polib
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.strings import StringValue, validate_translation_links

from ..models import TranslationTask
from . import selectors, services

TOOL_NAME = "PO file"
MAX_FILES = 2000


# --- Export ----------------------------------------------------------------------------------


def _po_file(locale: Locale) -> polib.POFile:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "Roadcase",
        "POT-Creation-Date": timezone.now().strftime("%Y-%m-%d %H:%M%z"),
        "Language": locale.language_code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Roadcase-Locale": locale.language_code,
    }
    return po


def _entries_for(tasks) -> dict[int, list[polib.POEntry]]:
    """PO entries per task, from two queries whatever the number of tasks."""
    sources = {
        (str(source.object_id), source.locale_id): source.pk
        for source in TranslationSource.objects.filter(
            object_id__in={task.object_id for task in tasks}
        )
    }
    source_ids = {sources.get((str(t.object_id), t.source_locale_id)) for t in tasks} - {None}
    segments = defaultdict(list)
    for row in (
        StringSegment.objects.filter(source_id__in=source_ids)
        .order_by("source_id", "order")
        .values("source_id", "string_id", "context_id", "context__path", "string__data")
    ):
        segments[row["source_id"]].append(row)
    translated = {
        (st.translation_of_id, st.context_id, st.locale_id): st
        for st in StringTranslation.objects.filter(
            translation_of_id__in={r["string_id"] for rows in segments.values() for r in rows},
            locale_id__in={t.target_locale_id for t in tasks},
            has_error=False,
        )
    }
    entries = {}
    for task in tasks:
        rows = segments.get(sources.get((str(task.object_id), task.source_locale_id)), [])
        entries[task.pk] = []
        for row in rows:
            st = translated.get((row["string_id"], row["context_id"], task.target_locale_id))
            entry = polib.POEntry(
                msgctxt=f"{task.object_id}:{row['context__path']}",
                msgid=row["string__data"],
                msgstr=st.data if st else "",
                comment=f"{task.object_repr} ({task.kind})",
            )
            if st and st.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
                entry.flags.append("fuzzy")
            entries[task.pk].append(entry)
    return entries


def po_export(*, tasks, locale: Locale, as_zip=False) -> tuple[str, bytes, str]:
    """(filename, content, content type) of the tasks' strings for ``locale``."""
    tasks = [task for task in tasks if task.target_locale_id == locale.pk]
    entries = _entries_for(tasks)
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    if not as_zip:
        po = _po_file(locale)
        for task in tasks:
            po.extend(entries[task.pk])
        return (
            f"roadcase-{locale.language_code}-{stamp}.po",
            str(po).encode(),
            "text/x-gettext-translation",
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for task in tasks:
            po = _po_file(locale)
            po.extend(entries[task.pk])
            name = (
                f"{locale.language_code}/{task.kind}-{slugify(task.object_repr)[:50]}-{task.pk}.po"
            )
            archive.writestr(name, str(po))
    return f"roadcase-{locale.language_code}-{stamp}.zip", buffer.getvalue(), "application/zip"


# --- Import ----------------------------------------------------------------------------------


@dataclass
class ItemReport:
    object_id: str
    name: str = ""
    errors: list[str] = field(default_factory=list)
    skipped: int = 0
    entries: list[tuple] = field(default_factory=list)  # (string_id, context_id, msgstr)


@dataclass
class ImportReport:
    locale: Locale
    file_errors: list[tuple[str, str]] = field(default_factory=list)
    items: dict[str, ItemReport] = field(default_factory=dict)
    applied: int = 0

    @property
    def ok(self) -> bool:
        return not self.file_errors and not any(item.errors for item in self.items.values())

    @property
    def error_count(self) -> int:
        return len(self.file_errors) + sum(len(item.errors) for item in self.items.values())

    def item(self, object_id) -> ItemReport:
        return self.items.setdefault(object_id, ItemReport(object_id=object_id))


def read_upload(name: str, data: bytes) -> list[tuple[str, bytes]]:
    """The PO files in an upload: the file itself, or every ``.po`` in a zip."""
    if name.lower().endswith(".zip") or data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                members = [m for m in archive.infolist() if m.filename.endswith(".po")]
                if len(members) > MAX_FILES:
                    raise ValueError(_("The zip holds more than %d PO files.") % MAX_FILES)
                return [(m.filename, archive.read(m)) for m in members]
        except zipfile.BadZipFile as error:
            raise ValueError(_("Not a readable zip file: %s") % error) from error
    return [(name, data)]


PYTHON_FORMAT = re.compile(r"%(?:\([^)]*\))?[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")
BRACE_FORMAT = re.compile(r"\{[^{}]*\}")


def msgfmt_check(po: polib.POFile) -> list[str]:
    """What ``msgfmt -c`` would reject in ``po`` (header charset, duplicate messages, leading
    or trailing newline mismatches, format placeholders, untranslated plural forms)."""
    problems = []
    content_type = po.metadata.get("Content-Type", "")
    if "charset=" not in content_type.lower():
        problems.append(_("The header has no charset (Content-Type: text/plain; charset=UTF-8)."))
    elif "utf-8" not in content_type.lower():
        problems.append(_("The file must be UTF-8, not %s.") % content_type)
    seen = set()
    for entry in po:
        if entry.obsolete:
            continue
        where = _("line %(line)s (%(msgid)s)") % {"line": entry.linenum, "msgid": entry.msgid[:40]}
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            problems.append(_("%s: duplicate message definition.") % where)
        seen.add(key)
        if entry.msgid_plural:
            problems.append(_("%s: plural forms are not used by content strings.") % where)
            continue
        if not entry.msgstr:
            continue
        for end, test in (("begin", str.startswith), ("end", str.endswith)):
            if test(entry.msgid, "\n") != test(entry.msgstr, "\n"):
                problems.append(
                    _("%(where)s: msgid and msgstr do not both %(end)s with a newline.")
                    % {"where": where, "end": end}
                )
        for flag, pattern in (
            ("python-format", PYTHON_FORMAT),
            ("python-brace-format", BRACE_FORMAT),
        ):
            if flag in entry.flags and sorted(pattern.findall(entry.msgid)) != sorted(
                pattern.findall(entry.msgstr)
            ):
                problems.append(_("%s: format placeholders differ from the msgid.") % where)
    return problems


def _parse(name, data, report):
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        report.file_errors.append((name, _("Not UTF-8 text.")))
        return None
    try:
        po = polib.pofile(text)
    except (OSError, ValueError) as error:
        report.file_errors.append((name, _("Not a valid PO file: %s") % error))
        return None
    for problem in msgfmt_check(po):
        report.file_errors.append((name, problem))
    language = po.metadata.get("X-Roadcase-Locale") or po.metadata.get("Language")
    if language and language.lower().replace("_", "-") != report.locale.language_code.lower():
        report.file_errors.append(
            (
                name,
                _("This file is for %(file)s, not %(locale)s.")
                % {"file": language, "locale": report.locale.language_code},
            )
        )
    return po


def _split_context(msgctxt):
    key, sep, path = (msgctxt or "").partition(":")
    try:
        return str(uuid.UUID(key)), path if sep else None
    except ValueError:
        return None, None


def po_check(*, uploads, locale: Locale) -> ImportReport:
    """Check uploaded PO files (``[(name, bytes)]``) for ``locale``; writes nothing."""
    report = ImportReport(locale=locale)
    parsed = []
    for upload_name, data in uploads:
        try:
            files = read_upload(upload_name, data)
        except ValueError as error:
            report.file_errors.append((upload_name, str(error)))
            continue
        for name, content in files:
            po = _parse(name, content, report)
            if po is not None:
                parsed.append((name, po))

    wanted = defaultdict(list)  # object_id → [(file name, entry)]
    for name, po in parsed:
        for entry in po:
            if entry.obsolete:
                continue
            object_id, path = _split_context(entry.msgctxt)
            if object_id is None or not path:
                report.file_errors.append(
                    (
                        name,
                        _("line %(line)s: msgctxt %(ctx)r is not a Roadcase item.")
                        % {"line": entry.linenum, "ctx": entry.msgctxt},
                    )
                )
                continue
            wanted[object_id].append((path, entry))

    default_locale = Locale.get_default()
    sources = {
        str(source.object_id): source
        for source in TranslationSource.objects.filter(
            object_id__in=list(wanted), locale=default_locale
        )
    }
    current = defaultdict(dict)  # object_id → path → (string_id, context_id, text)
    for row in StringSegment.objects.filter(source__in=sources.values()).values_list(
        "source__object_id", "context__path", "string_id", "context_id", "string__data"
    ):
        current[str(row[0])][row[1]] = row[2:]

    for object_id, entries in wanted.items():
        item = report.item(object_id)
        source = sources.get(object_id)
        if source is None:
            item.errors.append(
                _("Unknown item: nothing with this key is translated from %s.")
                % default_locale.language_code
            )
            continue
        item.name = source.object_repr
        for path, entry in entries:
            where = _("line %s") % entry.linenum
            known = current[object_id].get(path)
            if known is None:
                item.errors.append(
                    _("%(where)s: unknown msgid %(msgid)r (the source has no string at %(path)s).")
                    % {"where": where, "msgid": entry.msgid[:60], "path": path}
                )
                continue
            string_id, context_id, text = known
            if text != entry.msgid:
                item.errors.append(
                    _(
                        "%(where)s: the source changed at %(path)s: it was %(old)r, it is now "
                        "%(new)r. Export again."
                    )
                    % {"where": where, "path": path, "old": entry.msgid[:60], "new": text[:60]}
                )
                continue
            if not entry.msgstr or "fuzzy" in entry.flags:
                item.skipped += 1
                continue
            try:
                StringValue.from_translated_html(entry.msgstr)
                validate_translation_links(entry.msgid, entry.msgstr)
            except ValueError as error:
                item.errors.append(
                    _("%(where)s: invalid markup: %(error)s") % {"where": where, "error": error}
                )
                continue
            item.entries.append((string_id, context_id, entry.msgstr))
    return report


def po_import(*, uploads, locale: Locale, user) -> ImportReport:
    """Check, then apply all of it in one transaction or none of it. Returns the report."""
    report = po_check(uploads=uploads, locale=locale)
    if not selectors.user_can_translate_into(user, locale.pk):
        report.file_errors.append(("", _("You do not translate into %s.") % locale.language_code))
    if not report.ok:
        return report
    with transaction.atomic():
        for object_id, item in report.items.items():
            if not item.entries:
                continue
            source = TranslationSource.objects.get(object_id=object_id, locale=Locale.get_default())
            services.translation_start(
                instance=source.get_source_instance(), locale=locale, user=user
            )
            for string_id, context_id, text in item.entries:
                StringTranslation.objects.update_or_create(
                    translation_of_id=string_id,
                    locale=locale,
                    context_id=context_id,
                    defaults={
                        "data": text,
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                        "tool_name": TOOL_NAME,
                        "last_translated_by": user,
                        "has_error": False,
                        "field_error": "",
                    },
                )
                report.applied += 1
            services.translation_tasks_refresh(object_id=object_id, locale_ids=[locale.pk])
    return report


def tasks_for_export(*, user, locale, ids=None):
    """The queue items to export: the chosen ones, or the whole open queue of ``locale``."""
    tasks = selectors.translation_queue(user=user, locale_id=locale.pk)
    if ids:
        tasks = TranslationTask.objects.filter(pk__in=ids, target_locale=locale).filter(
            pk__in=tasks.values("pk")
        )
    return list(tasks)
