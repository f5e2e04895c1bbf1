"""The gettext catalog report: per locale, which UI strings used in the code the catalogs in
``locale/`` do not translate."""

import io

import polib
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import override_settings


def run(*args):
    out = io.StringIO()
    call_command("report_missing_translations", *args, stdout=out)
    return out.getvalue()


def test_every_content_locale_is_reported():
    output = run()
    rows = {line.split()[0] for line in output.splitlines()[1:] if line and not line[0].isspace()}
    expected = {code.replace("-br", "_BR") for code, _n in settings.LANGUAGES if code != "en"}
    assert rows == expected


def test_the_widgets_crisis_first_ui_is_translated_in_every_locale():
    # Fails (and lists what is missing) as soon as a widget string lacks a translation.
    run("--path", "widget", "--fail", "--list")


def test_every_ui_string_is_translated_in_every_locale():
    # No --path: the command's defaults (cms, api and widget), so every admin, API and widget
    # string. Fails, listing each missing or fuzzy one per locale, as soon as any lacks one.
    run("--fail", "--list")


@pytest.fixture
def project(tmp_path):
    source = tmp_path / "app"
    (source / "templates").mkdir(parents=True)
    (source / "views.py").write_text(
        "from django.utils.translation import gettext as _, gettext_lazy, pgettext\n"
        "A = _('Hello')\nB = gettext_lazy('Bye')\nC = pgettext('month', 'May')\n"
    )
    (source / "templates" / "page.html").write_text(
        "{% load i18n %}<p>{% trans 'Open now' %}</p>\n"
        "{% blocktrans with n=count %}{{ n }} lines{% endblocktrans %}\n"
    )
    (source / "migrations").mkdir()
    (source / "migrations" / "0001.py").write_text(
        "from django.utils.translation import gettext as _\n_('Skipped')\n"
    )
    catalog_dir = tmp_path / "locale" / "fr" / "LC_MESSAGES"
    catalog_dir.mkdir(parents=True)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Hello", msgstr="Bonjour"))
    po.append(polib.POEntry(msgid="Bye", msgstr="Au revoir", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="May", msgctxt="month", msgstr="mai"))
    po.save(str(catalog_dir / "django.po"))
    return tmp_path


def test_missing_empty_and_fuzzy_strings_are_reported_per_locale(project):
    with override_settings(BASE_DIR=project, LOCALE_PATHS=[project / "locale"]):
        output = run("--path", "app", "--locale", "fr", "--locale", "de", "--list")
    lines = output.splitlines()
    fr_at = next(i for i, line in enumerate(lines) if line.startswith("fr "))
    de_at = next(i for i, line in enumerate(lines) if line.startswith("de "))
    assert lines[fr_at].split() == ["fr", "5", "2", "1", "3", "40%"]
    assert sorted(lines[fr_at + 1 : de_at]) == ["    %(n)s lines", "    Bye", "    Open now"]
    assert "Skipped" not in output  # migrations are not UI
    de = lines[de_at]
    assert de.split()[:5] == ["de", "5", "0", "0", "5"] and "(no catalog)" in de


def test_fail_makes_missing_strings_an_error(project):
    with (
        override_settings(BASE_DIR=project, LOCALE_PATHS=[project / "locale"]),
        pytest.raises(CommandError, match="3 translation"),
    ):
        run("--path", "app", "--locale", "fr", "--fail")


def test_a_closed_request_and_a_closed_line_are_worded_apart():
    # One English word, two meanings: a concierge request that is finished, a line outside
    # its opening hours. Japanese staff must not read a finished request as "outside hours".
    from django.utils import translation

    from cms.models import ConciergeStatus
    from widget.strings import WIDGET_STRINGS

    with translation.override("ja"):
        assert str(ConciergeStatus.CLOSED.label) == "完了"
        assert str(WIDGET_STRINGS["closed"]) == "受付時間外"
