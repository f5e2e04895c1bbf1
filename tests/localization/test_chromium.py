"""The translation workflow in a real Chromium, as a French translator and an editor work it
(issue 20, problems 1, 4 and 9): finished translations wait under "Ready to publish" until
someone who may publish puts them live; translators see only what they may do, and a refusal
is an admin page in their language that says why."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.test import override_settings
from django.utils import translation
from playwright.sync_api import expect
from wagtail_localize.models import StringTranslation

from cms.localization import services
from cms.localization.machine_translation import translator_setting
from cms.models import Resource, TaskStatus, TranslationTask, TranslatorGroup
from tests.factories import make_resource

pytestmark = pytest.mark.browser


def t(text, language):
    """``text`` as the admin shows it in ``language`` (Roadcase's or Wagtail's catalogs)."""
    with translation.override(language):
        return translation.gettext(text)


@pytest.fixture
def line(transactional_db, locales):
    return make_resource(name="Backstage Line", summary="Someone to talk to at any hour")


@pytest.fixture
def publisher(transactional_db, django_user_model):
    """An editor: submits content for translation and publishes the directory."""
    from django.contrib.contenttypes.models import ContentType

    user = django_user_model.objects.create_user("pat", "pat@example.org", "pw")
    for codename in ("access_admin", "change_resource", "publish_resource", "view_translationtask"):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    # Created by a wagtail-localize data migration, so gone after a transactional test's flush.
    submit, _created = Permission.objects.get_or_create(
        codename="submit_translation",
        content_type=ContentType.objects.get_or_create(
            app_label="wagtail_localize", model="translation"
        )[0],
        defaults={"name": "Can submit translations"},
    )
    user.user_permissions.add(submit)
    return user


def task_of(resource, locale):
    return TranslationTask.objects.get(object_id=resource.translation_key, target_locale=locale)


def translate_every_string(page, words):
    """In wagtail-localize's editor: open each untranslated string, type, save."""
    pending = page.locator(".js-translation-editor li.incomplete")
    expect(pending.first).to_be_visible()
    while pending.count():
        item = pending.first
        source = item.locator("p").first.inner_text()
        item.get_by_role("button", name=re.compile("Translate|Traduire")).click()
        item.locator("textarea").fill(words[source])
        item.get_by_role("button", name=re.compile("^(Save|Enregistrer)$")).click()
        expect(item.locator("textarea")).to_have_count(0)
    expect(pending).to_have_count(0)


def filter_queue(page, label, choice):
    """Wagtail's filter drawer: open it, pick ``choice`` under ``label``."""
    page.get_by_role("button", name=t("Show filters", page.language)).click()
    page.locator(".w-drilldown__toggle", has_text=label).click()
    with page.expect_response(re.compile(r"/translations/results/")):
        page.get_by_role("radio", name=choice).check()
    page.keyboard.press("Escape")


def test_a_finished_translation_waits_as_ready_to_publish_until_an_editor_publishes_it(
    admin_as, locales, line, fr_translator, publisher
):
    translator = admin_as(fr_translator, language="fr")
    translator.language = "fr"
    translator.goto(f"{translator.base_url}/admin/roadcase/translations/?locale=fr")
    row = translator.get_by_role("row").filter(has_text="Backstage Line")
    expect(row).to_contain_text(t("Never translated", "fr"))
    row.get_by_role("button", name=t("Translate", "fr")).click()
    expect(translator.locator(".js-translation-editor")).to_be_visible()
    translate_every_string(
        translator,
        {"Backstage Line": "Ligne des coulisses", "Someone to talk to at any hour": "Une écoute"},
    )

    # Finished, not yet live: the item stays in the queue, under "Ready to publish".
    translator.goto(f"{translator.base_url}/admin/roadcase/translations/")
    filter_queue(translator, t("Status", "fr"), t("Ready to publish", "fr"))
    row = translator.get_by_role("row").filter(has_text="Backstage Line")
    expect(row).to_contain_text(t("Ready to publish", "fr"))
    expect(row.get_by_role("button", name=t("Publish", "fr"))).to_have_count(0)
    french = Resource.objects.get(translation_key=line.translation_key, locale=locales["fr"])
    assert not french.live

    editor = admin_as(publisher)
    editor.language = "en"
    editor.goto(f"{editor.base_url}/admin/roadcase/translations/")
    filter_queue(editor, "Status", "Ready to publish")
    rows = editor.locator("#listing-results tbody tr")
    expect(rows).to_have_count(1)
    rows.first.get_by_role("checkbox").check()
    editor.get_by_role("group", name="With the ticked items").get_by_role(
        "button", name="Publish"
    ).click()
    expect(editor.get_by_text("1 translation published.")).to_be_visible()
    expect(editor.get_by_role("row").filter(has_text="Backstage Line")).to_have_count(0)

    french.refresh_from_db()
    assert french.live
    assert (french.name, french.summary) == ("Ligne des coulisses", "Une écoute")
    assert task_of(line, locales["fr"]).status == TaskStatus.DONE


def test_a_trusted_translator_publishes_their_own_finished_work(
    admin_as, locales, line, fr_translator
):
    TranslatorGroup.objects.filter(locale=locales["fr"]).update(may_publish=True)
    task = task_of(line, locales["fr"])
    services.translation_task_claim(task=task, user=fr_translator)
    translation_ = services.translation_task_start(task=task, user=fr_translator)
    for segment in translation_.source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locales["fr"],
            context=segment.context,
            data=f"FR {segment.string.data}",
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            last_translated_by=fr_translator,
        )

    page = admin_as(fr_translator, language="fr")
    page.goto(f"{page.base_url}/admin/roadcase/translations/")
    row = page.get_by_role("row").filter(has_text="Backstage Line")
    expect(row).to_contain_text(t("Ready to publish", "fr"))
    row.get_by_role("button", name=t("Publish", "fr")).click()
    published = t("Published '%(item)s' in %(locale)s.", "fr") % {
        "item": "Backstage Line",
        "locale": locales["fr"].get_display_name(),
    }
    expect(page.get_by_text(published)).to_be_visible()
    assert Resource.objects.get(pk=task.target_object_id).live


def test_a_translator_is_not_offered_stop_and_a_direct_stop_is_refused_in_their_language(
    admin_as, locales, line, fr_translator, publisher
):
    task = task_of(line, locales["fr"])
    translation_ = services.translation_task_start(task=task, user=fr_translator)
    edit = f"/admin/snippets/roadcase/resource/edit/{task.target_object_id}/"
    stop = f"/admin/localize/translate/{translation_.pk}/disable/"

    # wagtail-localize's editor offers "Stop Synced translation" to an editor (in its menu of
    # further actions) and, without Roadcase's guard, to every translator too.
    editor = admin_as(publisher)
    editor.goto(editor.base_url + edit)
    stop_button = editor.locator(f'[data-w-action-url-value="{stop}"]')
    expect(stop_button).to_have_count(1)
    expect(stop_button).not_to_have_css("display", "none")

    page = admin_as(fr_translator, language="fr")
    page.goto(page.base_url + edit)
    expect(page.locator(".js-translation-editor li").first).to_be_visible()
    stop_button = page.locator(f'[data-w-action-url-value="{stop}"]')
    expect(stop_button).to_have_count(1)
    expect(stop_button).to_have_css("display", "none")

    # Pressing it anyway (a bookmarked form, an old tab): an admin page that says why.
    page.evaluate(
        """([url, token]) => {
             const form = Object.assign(document.createElement('form'),
                                        {method: 'post', action: url});
             form.append(Object.assign(document.createElement('input'),
                                       {type: 'hidden', name: 'csrfmiddlewaretoken',
                                        value: token}));
             document.body.append(form);
             form.submit();
           }""",
        [stop, page.locator("input[name=csrfmiddlewaretoken]").first.input_value()],
    )
    expect(page.locator("h1")).to_contain_text(t("Permission denied", "fr"))
    message = t(
        "Only an editor can stop a synced translation: it turns the translation into a copy "
        "that is edited by hand. Ask an editor if this one should stop.",
        "fr",
    )
    expect(page.get_by_role("alert")).to_contain_text(message)
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("navigation").first).to_be_visible()  # the admin's own menu
    translation_.refresh_from_db()
    assert translation_.enabled


def test_machine_translation_through_a_libretranslate_server(
    admin_as, locales, line, fr_translator, libretranslate
):
    task = task_of(line, locales["fr"])
    services.translation_task_start(task=task, user=fr_translator)
    setting = translator_setting({"LIBRETRANSLATE_URL": libretranslate.url}, pseudo_allowed=False)
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=setting):
        page = admin_as(fr_translator, language="fr")
        page.goto(f"{page.base_url}/admin/snippets/roadcase/resource/edit/{task.target_object_id}/")
        page.get_by_role("button", name=re.compile("LibreTranslate")).click()
        expect(page.locator(".js-translation-editor")).to_contain_text("BACKSTAGE LINE")
    assert {s.translation_type for s in StringTranslation.objects.filter(locale=locales["fr"])} == {
        "machine"
    }
    task.refresh_from_db()
    assert task.status == TaskStatus.IN_PROGRESS  # machine strings wait for a person's review


def test_the_pseudo_translator_says_it_is_for_testing_in_the_editor(
    admin_as, locales, line, fr_translator
):
    task = task_of(line, locales["fr"])
    services.translation_task_start(task=task, user=fr_translator)
    page = admin_as(fr_translator)
    page.goto(f"{page.base_url}/admin/snippets/roadcase/resource/edit/{task.target_object_id}/")
    expect(
        page.get_by_role("button", name=re.compile("Pseudo-translation \\(testing\\)"))
    ).to_be_visible()
