"""Bulk PO files for external translators: export a locale's queue or a selection (one file or
a zip) and import it back. The import checks everything first (msgfmt -c style, the locale,
unknown msgids and changed sources per item) and applies nothing when anything is wrong."""

import io
import shutil
import subprocess
import zipfile

import polib
import pytest
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation

from cms.localization import po as po_module
from cms.localization import services
from cms.models import Resource, TaskStatus, TranslationTask
from cms.services import translation_apply
from tests.factories import make_resource, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(locales, committed):
    with committed():
        line = make_resource(name="Samaritans", summary="Talk to us any time")
        topic = make_topic(name="Burnout", slug="burnout")
        translation_apply(
            instance=line, locale=locales["fr"], strings={"Samaritans": "Samaritains"}
        )
    return line, topic


def tasks_in(locale):
    return list(TranslationTask.objects.filter(target_locale=locale).order_by("pk"))


def export(locale, as_zip=False):
    return po_module.po_export(tasks=tasks_in(locale), locale=locale, as_zip=as_zip)


def parsed(content: bytes) -> polib.POFile:
    return polib.pofile(content.decode())


def filled(content: bytes, translations: dict) -> bytes:
    po = parsed(content)
    for entry in po:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    return str(po).encode()


def import_(content, locale, user, name="fr.po"):
    return po_module.po_import(uploads=[(name, content)], locale=locale, user=user)


# --- Export ----------------------------------------------------------------------------------


def test_a_locales_items_export_as_one_po_file(locales, items):
    line, _topic = items
    name, content, content_type = export(locales["fr"])
    assert name.endswith(".po") and content_type == "text/x-gettext-translation"
    po = parsed(content)
    assert po.metadata["Language"] == "fr"
    entries = {entry.msgctxt: entry for entry in po}
    assert entries[f"{line.translation_key}:name"].msgstr == "Samaritains"
    assert entries[f"{line.translation_key}:summary"].msgid == "Talk to us any time"
    assert entries[f"{line.translation_key}:summary"].msgstr == ""
    assert {entry.msgid for entry in po} >= {"Burnout"}


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext is not installed")
def test_the_export_passes_msgfmt_check(tmp_path, locales, items):
    path = tmp_path / "fr.po"
    path.write_bytes(export(locales["fr"])[1])
    result = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_a_zip_holds_one_po_file_per_item(locales, items):
    name, content, content_type = export(locales["de"], as_zip=True)
    assert name.endswith(".zip") and content_type == "application/zip"
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = archive.namelist()
        assert len(names) == 2
        assert all(n.startswith("de/") and n.endswith(".po") for n in names)
        assert any("Burnout" in archive.read(n).decode() for n in names)


def test_machine_drafts_are_exported_fuzzy_for_review(locales, items, committed, admin_user):
    line, _topic = items
    task = TranslationTask.objects.get(object_id=line.translation_key, target_locale=locales["fr"])
    with committed():
        services.translation_task_machine_translate(task=task, user=admin_user)
    entries = {entry.msgid: entry for entry in parsed(export(locales["fr"])[1])}
    assert entries["Talk to us any time"].msgstr == "[fr] Talk to us any time"
    assert "fuzzy" in entries["Talk to us any time"].flags
    assert "fuzzy" not in entries["Samaritans"].flags


def test_ticked_items_export_from_the_queue(client, locales, items, fr_translator):
    line, _topic = items
    task = TranslationTask.objects.get(object_id=line.translation_key, target_locale=locales["fr"])
    client.force_login(fr_translator)
    response = client.post(
        reverse("roadcase_localization:queue"), {"action": "export_po", "ids": [task.pk]}
    )
    assert response.status_code == 200
    assert {entry.msgid for entry in parsed(response.content)} == {
        "Samaritans",
        "Talk to us any time",
    }


# --- Import ----------------------------------------------------------------------------------


def test_an_import_applies_every_item_and_starts_new_ones(locales, items, committed, fr_translator):
    line, topic = items
    content = filled(
        export(locales["fr"])[1],
        {"Talk to us any time": "Parlez-nous à tout moment", "Burnout": "Épuisement"},
    )
    with committed():
        report = import_(content, locales["fr"], fr_translator)
    assert report.ok, report
    assert report.applied == 3  # includes the existing "Samaritains"
    summary = StringTranslation.objects.get(data="Parlez-nous à tout moment")
    assert summary.tool_name == "PO file"
    assert summary.last_translated_by == fr_translator
    assert summary.translation_type == "manual"
    # The topic had never been translated: it now is, through wagtail-localize.
    assert Translation.objects.filter(
        source__object_id=topic.translation_key, target_locale=locales["fr"]
    ).exists()
    # Every string is translated; an editor publishes it (the queue shows it until then).
    task = TranslationTask.objects.get(object_id=line.translation_key, target_locale=locales["fr"])
    assert task.status == TaskStatus.READY


def test_empty_and_fuzzy_entries_are_skipped(locales, items, fr_translator):
    po = parsed(export(locales["fr"])[1])
    for entry in po:
        if entry.msgid == "Burnout":
            entry.msgstr = "Épuisement ?"
            entry.flags.append("fuzzy")
    report = import_(str(po).encode(), locales["fr"], fr_translator)
    assert report.ok
    assert not StringTranslation.objects.filter(data="Épuisement ?").exists()
    empty = sum(1 for entry in po if not entry.msgstr)
    assert sum(item.skipped for item in report.items.values()) == empty + 1  # + the fuzzy one


def _assert_nothing_applied(report, locales):
    assert not report.ok
    assert report.applied == 0
    assert not StringTranslation.objects.filter(locale=locales["fr"], data="Épuisement").exists()


def test_a_bad_entry_anywhere_means_nothing_is_applied(locales, items, fr_translator):
    line, _topic = items
    po = parsed(filled(export(locales["fr"])[1], {"Burnout": "Épuisement"}))
    po.append(
        polib.POEntry(msgctxt=f"{line.translation_key}:nowhere", msgid="Ghost", msgstr="Fantôme")
    )
    report = import_(str(po).encode(), locales["fr"], fr_translator)
    _assert_nothing_applied(report, locales)
    errors = report.items[str(line.translation_key)].errors
    assert len(errors) == 1 and "unknown msgid 'Ghost'" in errors[0]


def test_a_changed_source_is_reported_per_item(locales, items, committed, fr_translator):
    line, topic = items
    content = filled(
        export(locales["fr"])[1], {"Burnout": "Épuisement", "Talk to us any time": "Parlez"}
    )
    with committed():
        line = Resource.objects.get(pk=line.pk)
        line.summary = "Talk to us, day or night"
        line.save_revision().publish()

    report = import_(content, locales["fr"], fr_translator)
    _assert_nothing_applied(report, locales)
    errors = report.items[str(line.translation_key)].errors
    assert len(errors) == 1
    assert "the source changed at summary" in errors[0]
    assert "Talk to us, day or night" in errors[0]
    assert report.items[str(topic.translation_key)].errors == []


@pytest.mark.parametrize(
    ("mangle", "message"),
    [
        (lambda e: setattr(e, "msgstr", e.msgstr + "\n"), "newline"),
        (
            lambda e: e.flags.append("python-format") or setattr(e, "msgstr", "%s Épuisement"),
            "placeholders",
        ),
    ],
    ids=["newline", "format"],
)
def test_msgfmt_check_problems_are_refused(locales, items, fr_translator, mangle, message):
    po = parsed(filled(export(locales["fr"])[1], {"Burnout": "Épuisement"}))
    mangle(next(e for e in po if e.msgid == "Burnout"))
    report = import_(str(po).encode(), locales["fr"], fr_translator)
    _assert_nothing_applied(report, locales)
    assert any(message in error for _name, error in report.file_errors)


def test_duplicates_broken_files_and_other_locales_are_refused(locales, items, fr_translator):
    good = filled(export(locales["fr"])[1], {"Burnout": "Épuisement"})
    duplicated = (
        good + b'\nmsgctxt "x"\nmsgid "a"\nmsgstr "b"\n\nmsgctxt "x"\nmsgid "a"\nmsgstr "c"\n'
    )
    german = filled(export(locales["de"])[1], {"Burnout": "Burnout"})
    for content, expected in [
        (duplicated, "duplicate"),
        (b'msgid "a"\nmsgstr "b"\nbogus line\n', "Not a valid PO file"),
        (german, "This file is for de"),
        ("Épuisement".encode("latin-1"), "Not UTF-8"),
    ]:
        report = import_(content, locales["fr"], fr_translator)
        _assert_nothing_applied(report, locales)
        assert any(expected in error for _name, error in report.file_errors), report.file_errors


def test_one_bad_file_in_a_zip_stops_the_whole_import(locales, items, fr_translator):
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(export(locales["fr"], as_zip=True)[1])) as source,
        zipfile.ZipFile(buffer, "w") as target,
    ):
        for name in source.namelist():
            target.writestr(name, filled(source.read(name), {"Burnout": "Épuisement"}))
        target.writestr("fr/broken.po", b'msgid "a"\nmsgstr "b"\nbogus\n')
    report = import_(buffer.getvalue(), locales["fr"], fr_translator, name="fr.zip")
    _assert_nothing_applied(report, locales)
    assert [name for name, _error in report.file_errors] == ["fr/broken.po"]


def test_a_translator_cannot_import_into_another_locale(client, locales, items, fr_translator):
    content = filled(export(locales["de"])[1], {"Burnout": "Erschöpfung"})
    report = import_(content, locales["de"], fr_translator)
    assert not report.ok
    client.force_login(fr_translator)
    response = client.post(
        reverse("roadcase_localization:po_import"),
        {"locale": locales["de"].pk, "file": io.BytesIO(content)},
    )
    assert response.status_code == 200  # the form refuses a locale it does not offer
    assert "locale" in response.context["form"].errors
    assert not StringTranslation.objects.filter(data="Erschöpfung").exists()


def test_the_import_screen_reports_per_item(client, locales, items, fr_translator):
    line, _topic = items
    po = parsed(export(locales["fr"])[1])
    po.append(polib.POEntry(msgctxt=f"{line.translation_key}:nowhere", msgid="Ghost", msgstr="F"))
    upload = io.BytesIO(str(po).encode())
    upload.name = "fr.po"
    client.force_login(fr_translator)
    response = client.post(
        reverse("roadcase_localization:po_import"), {"locale": locales["fr"].pk, "file": upload}
    )
    body = response.content.decode()
    assert "nothing imported" in body
    assert "Samaritans" in body and "unknown msgid" in body
