"""Finished translations reach the public: an item whose every string has a human translation
waits under "Ready to publish" (in the queue and on the dashboard) until someone allowed to
publish in that locale puts it live: an editor, or a translator of a locale that trusts its
translators to publish their own work."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation

from cms.localization import selectors, services
from cms.models import Resource, TaskStatus, Topic, TranslationTask, TranslatorGroup
from tests.factories import make_resource, make_topic

pytestmark = pytest.mark.django_db


def task_for(instance, locale):
    return TranslationTask.objects.get(object_id=instance.translation_key, target_locale=locale)


def translate_every_string(task, user, committed, prefix="FR "):
    """What a translator does in wagtail-localize's editor: start the item, then save a
    translation of each string (nothing is published)."""
    with committed():
        translation = services.translation_task_start(task=task, user=user)
    with committed():
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "string", "context"
        ):
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=task.target_locale,
                context=segment.context,
                data=prefix + segment.string.data,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                last_translated_by=user,
            )
    task.refresh_from_db()
    return task


@pytest.fixture
def publisher(db, django_user_model):
    """An editor who may publish resources (Wagtail's snippet publish permission)."""
    user = django_user_model.objects.create_user("pat", "pat@example.org", "pw")
    for codename in (
        "access_admin",
        "change_resource",
        "publish_resource",
        "change_topic",
        "submit_translation",
    ):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


@pytest.fixture
def crisis_line(committed):
    with committed():
        return make_resource(name="Samaritans", summary="Talk to us any time")


def test_a_finished_translation_waits_as_ready_to_publish_until_published(
    locales, committed, crisis_line, fr_translator, publisher
):
    task = translate_every_string(task_for(crisis_line, locales["fr"]), fr_translator, committed)
    assert task.status == TaskStatus.READY
    assert task.words_untranslated == 0
    assert task in selectors.translation_queue(user=publisher, status=TaskStatus.READY)
    (french_row,) = [row for row in selectors.translation_dashboard(user=publisher) if row["ready"]]
    assert french_row["locale"] == locales["fr"]
    french = Resource.objects.get(pk=task.target_object_id)
    assert not french.live

    with committed():
        services.translation_task_publish(task=task, user=publisher)
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE
    assert task not in selectors.translation_queue(user=publisher)
    french.refresh_from_db()
    assert french.live
    assert french.name == "FR Samaritans"
    assert french.summary == "FR Talk to us any time"


def test_a_new_string_translation_after_publishing_makes_it_ready_again(
    locales, committed, crisis_line, fr_translator, publisher
):
    task = translate_every_string(task_for(crisis_line, locales["fr"]), fr_translator, committed)
    with committed():
        services.translation_task_publish(task=task, user=publisher)
    with committed():
        string = StringTranslation.objects.get(locale=locales["fr"], data="FR Samaritans")
        string.data = "Samaritains"
        string.save()
    task.refresh_from_db()
    assert task.status == TaskStatus.READY


def test_topics_without_drafts_are_ready_until_their_strings_are_written_in(
    locales, committed, fr_translator, publisher
):
    with committed():
        topic = make_topic(slug="grief", name="Grief")
    task = translate_every_string(task_for(topic, locales["fr"]), fr_translator, committed)
    assert task.status == TaskStatus.READY
    with committed():
        services.translation_task_publish(task=task, user=publisher)
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE
    assert Topic.objects.get(pk=task.target_object_id).name == "FR Grief"


def test_translators_publish_only_where_their_locale_trusts_them_and_only_their_work(
    locales, committed, crisis_line, fr_translator, django_user_model
):
    task = translate_every_string(task_for(crisis_line, locales["fr"]), fr_translator, committed)
    assert not selectors.user_can_publish_task(fr_translator, task)
    with pytest.raises(services.PermissionDenied):
        services.translation_task_publish(task=task, user=fr_translator)

    TranslatorGroup.objects.filter(locale=locales["fr"]).update(may_publish=True)
    colleague = django_user_model.objects.create_user("chloe", "chloe@example.org", "pw")
    colleague.groups.add(TranslatorGroup.objects.get(locale=locales["fr"]).group)
    assert not selectors.user_can_publish_task(colleague, task)  # not their work
    assert selectors.user_can_publish_task(fr_translator, task)
    services.translation_task_claim(task=task, user=colleague)
    assert not selectors.user_can_publish_task(fr_translator, task)  # now someone else's
    services.translation_task_release(task=task, user=colleague)

    with committed():
        services.translation_task_publish(task=task, user=fr_translator)
    assert Resource.objects.get(pk=task.target_object_id).live


def test_the_queue_publishes_ticked_items_and_says_what_it_could_not(
    client, locales, committed, crisis_line, fr_translator, publisher
):
    ready = translate_every_string(task_for(crisis_line, locales["fr"]), fr_translator, committed)
    unfinished = task_for(crisis_line, locales["de"])
    client.force_login(publisher)
    with committed():
        response = client.post(
            reverse("roadcase_localization:queue"),
            {"action": "publish", "ids": [ready.pk, unfinished.pk]},
            follow=True,
        )
    text = response.content.decode()
    assert "1 translation published." in text
    assert "You cannot publish this translation." in text  # the German item is not finished
    ready.refresh_from_db()
    assert ready.status == TaskStatus.DONE


def test_the_item_page_offers_publish_to_those_who_may(
    client, locales, committed, crisis_line, fr_translator, publisher
):
    task = translate_every_string(task_for(crisis_line, locales["fr"]), fr_translator, committed)
    url = reverse("roadcase_localization:task", args=[task.pk])
    client.force_login(fr_translator)
    assert 'value="publish"' not in client.get(url).content.decode()
    client.force_login(publisher)
    assert 'value="publish"' in client.get(url).content.decode()
    with committed():
        client.post(url, {"action": "publish"})
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE


def test_a_trusted_translator_publishes_from_wagtail_localizes_editor(
    client, locales, committed, crisis_line, fr_translator
):
    task = translate_every_string(task_for(crisis_line, locales["fr"]), fr_translator, committed)
    TranslatorGroup.objects.filter(locale=locales["fr"]).update(may_publish=True)
    client.force_login(fr_translator)
    edit = reverse("wagtailsnippets_roadcase_resource:edit", args=[task.target_object_id])
    with committed():
        response = client.post(edit, {"action": "publish"})
    assert response.status_code == 302
    assert Resource.objects.get(pk=task.target_object_id).live


def test_the_queue_costs_the_same_queries_for_one_or_several_ready_items(
    client, locales, committed, fr_translator, publisher
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("roadcase_localization:queue")
    with committed():
        first = make_resource(name="First line")
    translate_every_string(task_for(first, locales["fr"]), fr_translator, committed)
    client.force_login(publisher)
    client.get(url, {"status": "ready"})  # warm caches (content types, locales)
    with CaptureQueriesContext(connection) as one:
        response = client.get(url, {"status": "ready"})
    assert 'value="publish"' in response.content.decode()
    for number in range(3):
        with committed():
            more = make_resource(name=f"Line {number}")
        translate_every_string(task_for(more, locales["fr"]), fr_translator, committed)
    with CaptureQueriesContext(connection) as four:
        response = client.get(url, {"status": "ready"})
    assert response.context["page_obj"].paginator.count == 4
    assert len(four) == len(one)
