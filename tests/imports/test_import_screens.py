"""The two ways in: ``manage.py import_resources`` and the admin upload screen."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from cms.models import Resource

from .conftest import csv_bytes, good_row

pytestmark = pytest.mark.django_db


def test_command_dry_run_prints_the_report(locales, tmp_path, capsys):
    path = tmp_path / "resources.csv"
    path.write_bytes(csv_bytes(good_row()))
    call_command("import_resources", str(path), "--dry-run")
    out = capsys.readouterr().out
    assert "row 2 [samaritans-gb]: created" in out
    assert "nothing was saved" in out
    assert not Resource.objects.exists()


def test_command_fails_on_bad_rows_unless_told_to_skip_them(locales, tmp_path, capsys):
    path = tmp_path / "resources.csv"
    path.write_bytes(csv_bytes(good_row(), good_row(external_id="b", countries="UK")))
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_resources", str(path))
    assert "  countries: 'UK' is not an ISO 3166-1" in capsys.readouterr().out
    assert not Resource.objects.exists()

    with pytest.raises(CommandError):
        call_command("import_resources", str(path), "--skip-bad-rows")
    assert list(Resource.objects.values_list("external_id", flat=True)) == ["samaritans-gb"]


def test_command_reads_hsds_json(locales, tmp_path, capsys):
    path = tmp_path / "directory.json"
    path.write_text('{"services": []}', encoding="utf-8")
    call_command("import_resources", str(path))
    assert "0 created" in capsys.readouterr().out


def upload(client, data, name="resources.csv", **fields):
    file = SimpleUploadedFile(name, data, content_type="text/csv")
    return client.post(reverse("roadcase_import"), {"file": file, **fields})


def test_the_upload_screen_checks_then_imports(client, admin_user, locales):
    client.force_login(admin_user)
    assert client.get(reverse("roadcase_import")).status_code == 200

    response = upload(client, csv_bytes(good_row()), dry_run="on")
    assert response.status_code == 200
    assert [r.action for r in response.context["report"].rows] == ["created"]
    assert "Dry run: nothing was saved" in response.content.decode()
    assert not Resource.objects.exists()

    response = upload(client, csv_bytes(good_row()))
    assert response.context["report"].committed
    assert Resource.objects.get().revisions.get().user == admin_user


def test_the_upload_screen_shows_row_column_and_reason(client, admin_user, locales):
    client.force_login(admin_user)
    response = upload(client, csv_bytes(good_row(languages="english")))
    html = response.content.decode()
    assert "<strong>languages</strong>" in html
    assert "&#x27;english&#x27; is not a BCP 47 language tag" in html
    assert not Resource.objects.exists()


def test_the_upload_screen_needs_resource_permissions(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("roadcase_import"), HTTP_ACCEPT="text/html")
    assert response.status_code == 403
    assert "may add, change and publish" in response.content.decode()
