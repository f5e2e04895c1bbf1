"""Machine translation as a first draft, through wagtail-localize's translator classes: DeepL
when a key is configured, a LibreTranslate server when its address is, the pseudo-translator
(testing only, refused in production) otherwise; the result is always a draft of
machine-flagged strings for a person to review."""

import runpy
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from cms.localization import services
from cms.localization.machine_translation import (
    LIBRETRANSLATE,
    PSEUDO,
    PseudoTranslator,
    pseudo_translate,
    translator_setting,
)
from cms.models import Resource, TaskStatus, TranslationTask
from cms.services import translation_apply
from tests.factories import make_resource

pytestmark = pytest.mark.django_db

SETTINGS = Path(__file__).resolve().parents[2] / "roadcase_site" / "settings"
BASE_SETTINGS = SETTINGS / "base.py"


def test_the_pseudo_translator_marks_each_string_and_keeps_markup():
    assert pseudo_translate("Talk to us", "fr") == "[fr] Talk to us"
    assert pseudo_translate('<a id="a1">Call</a> now', "ja") == '<a id="a1">[ja] Call</a> now'
    assert pseudo_translate("  spaced ", "de") == "  [de] spaced "


def test_the_pseudo_translator_says_it_is_for_testing():
    assert str(PseudoTranslator.display_name) == "Pseudo-translation (testing)"


def test_the_pseudo_translator_only_translates_between_languages(locales):
    translator = PseudoTranslator({})
    assert translator.can_translate(locales["en"], locales["pt-br"])
    assert not translator.can_translate(locales["pt-br"], locales["pt-br"])


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("", PSEUDO),
        ("abc:fx", "wagtail_localize.machine_translators.deepl.DeepLTranslator"),
    ],
)
def test_deepl_is_used_when_a_key_is_configured(monkeypatch, key, expected):
    monkeypatch.setenv("DEEPL_API_KEY", key)
    monkeypatch.delenv("LIBRETRANSLATE_URL", raising=False)
    monkeypatch.delenv("MACHINE_TRANSLATOR", raising=False)
    settings = runpy.run_path(str(BASE_SETTINGS))
    assert settings["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"]["CLASS"] == expected
    if key:
        assert settings["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"]["OPTIONS"]["AUTH_KEY"] == key


def test_a_libretranslate_server_is_used_when_its_address_is_configured():
    setting = translator_setting(
        {"LIBRETRANSLATE_URL": "http://mt.internal:5000/", "LIBRETRANSLATE_API_KEY": "k"},
        pseudo_allowed=False,
    )
    assert setting == {
        "CLASS": LIBRETRANSLATE,
        "OPTIONS": {"LIBRETRANSLATE_URL": "http://mt.internal:5000", "API_KEY": "k", "TIMEOUT": 10},
    }


def test_production_has_no_machine_translation_unless_one_is_configured():
    assert translator_setting({}, pseudo_allowed=False) is None
    with pytest.raises(ImproperlyConfigured, match="for testing"):
        translator_setting({"MACHINE_TRANSLATOR": "pseudo"}, pseudo_allowed=False)


def test_production_settings_refuse_the_pseudo_translator(monkeypatch):
    # Production settings import base afresh, reading this test's environment.
    monkeypatch.delitem(sys.modules, "roadcase_site.settings.base")
    monkeypatch.setenv("SECRET_KEY", "a-long-random-production-secret-key-for-this-test")
    monkeypatch.setenv("ROADCASE_CONCIERGE_KEY", "7_eqT_FJ33cMkEcQyZVw5ZSuymKehWbjo_ZYF4zwU_Y=")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")  # production insists on one
    monkeypatch.delenv("DEEPL_API_KEY", raising=False)
    monkeypatch.delenv("LIBRETRANSLATE_URL", raising=False)
    monkeypatch.setenv("MACHINE_TRANSLATOR", "pseudo")
    with pytest.raises(ImproperlyConfigured, match="for testing"):
        runpy.run_module("roadcase_site.settings.production")
    monkeypatch.delenv("MACHINE_TRANSLATOR")
    production = runpy.run_module("roadcase_site.settings.production")
    assert production["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"] is None


def test_a_host_site_about_to_deploy_is_warned_off_the_pseudo_translator():
    with (
        override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR={"CLASS": PSEUDO}),
        pytest.raises(SystemCheckError, match=r"roadcase\.E008"),
    ):
        call_command("check", "--deploy", "--fail-level", "ERROR", tags=["security"])


def test_a_first_draft_from_a_libretranslate_server(locales, committed, admin_user, libretranslate):
    with committed():
        resource = make_resource(name="Samaritans", summary="Talk to us any time")
    task = TranslationTask.objects.get(
        object_id=resource.translation_key, target_locale=locales["pt-br"]
    )
    setting = translator_setting(
        {"LIBRETRANSLATE_URL": libretranslate.url, "LIBRETRANSLATE_API_KEY": "secret"},
        pseudo_allowed=False,
    )
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=setting), committed():
        assert services.translation_task_machine_translate(task=task, user=admin_user)
    ((path, body),) = libretranslate.requests
    assert path == "/translate"
    assert (body["source"], body["target"], body["api_key"]) == ("en", "pt", "secret")
    strings = StringTranslation.objects.filter(locale=locales["pt-br"])
    assert sorted(strings.values_list("data", "tool_name", "translation_type")) == [
        ("SAMARITANS", "LibreTranslate", "machine"),
        ("TALK TO US ANY TIME", "LibreTranslate", "machine"),
    ]


def test_a_machine_first_draft_is_a_draft_for_review(locales, committed, fr_translator):
    with committed():
        resource = make_resource(name="Samaritans", summary="Talk to us any time")
    task = TranslationTask.objects.get(
        object_id=resource.translation_key, target_locale=locales["fr"]
    )
    with committed():
        assert services.translation_task_machine_translate(task=task, user=fr_translator)

    french = Resource.objects.get(translation_key=resource.translation_key, locale=locales["fr"])
    assert not french.live
    assert french.live_revision is None
    strings = StringTranslation.objects.filter(locale=locales["fr"])
    assert sorted(strings.values_list("data", flat=True)) == [
        "[fr] Samaritans",
        "[fr] Talk to us any time",
    ]
    assert set(strings.values_list("translation_type", flat=True)) == {"machine"}
    task.refresh_from_db()
    assert task.segments_machine == task.segments_total == 2
    assert task.status == TaskStatus.IN_PROGRESS  # still to review
    assert task.words_untranslated == 0


def test_machine_translation_leaves_a_live_translation_alone(locales, committed, admin_user):
    with committed():
        resource = make_resource(name="Samaritans", summary="Talk to us any time")
        translation_apply(instance=resource, locale=locales["fr"], strings={"Samaritans": "S"})
    task = TranslationTask.objects.get(
        object_id=resource.translation_key, target_locale=locales["fr"]
    )
    with committed():
        services.translation_task_machine_translate(task=task, user=admin_user)
    french = Resource.objects.get(translation_key=resource.translation_key, locale=locales["fr"])
    assert french.summary == "Talk to us any time"  # live text unchanged until published
    assert StringTranslation.objects.get(locale=locales["fr"], data="S").translation_type == (
        "manual"
    )


def test_the_queue_drafts_ticked_items_with_the_machine(client, locales, committed, fr_translator):
    with committed():
        first = make_resource(name="Samaritans")
        second = make_resource(name="Shout", contact_points=(("sms", "85258", "GB"),))
    ids = TranslationTask.objects.filter(target_locale=locales["fr"]).values_list("pk", flat=True)
    client.force_login(fr_translator)
    with committed():
        response = client.post(
            reverse("roadcase_localization:queue"), {"action": "machine", "ids": list(ids)}
        )
    assert response.status_code == 302
    for resource in (first, second):
        assert StringTranslation.objects.filter(
            locale=locales["fr"], data=f"[fr] {resource.name}", translation_type="machine"
        ).exists()


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None)
def test_without_a_machine_translator_nothing_is_drafted(locales, committed, coordinator):
    with committed():
        resource = make_resource()
    task = TranslationTask.objects.get(
        object_id=resource.translation_key, target_locale=locales["fr"]
    )
    with pytest.raises(services.ValidationError):
        services.translation_task_machine_translate(task=task, user=coordinator)
    assert not StringTranslation.objects.exists()
