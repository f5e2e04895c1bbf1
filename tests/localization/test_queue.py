"""The translation queue: every (item, locale) that needs work, with priority, words, progress,
due date and age; filtered and sorted in the admin; and the per-locale dashboard."""

import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cms.localization import selectors, services
from cms.models import Resource, TaskStatus, TranslationTask
from cms.services import translation_apply
from tests.factories import make_event, make_organisation, make_resource, make_topic
from tests.localization.conftest import refused

pytestmark = pytest.mark.django_db


def task_for(instance, locale):
    return TranslationTask.objects.get(object_id=instance.translation_key, target_locale=locale)


def test_publishing_a_source_puts_it_in_every_other_locales_queue(locales, committed):
    with committed():
        resource = make_resource(name="Samaritans", summary="Talk to us any time")

    tasks = TranslationTask.objects.filter(object_id=resource.translation_key)
    assert sorted(t.target_locale.language_code for t in tasks) == sorted(
        code for code in locales if code != "en"
    )
    task = task_for(resource, locales["fr"])
    assert task.status == TaskStatus.NEW
    assert task.object_repr == "Samaritans"
    assert task.kind == "crisis_line"
    assert task.words_total == task.words_untranslated == 6  # name (1) + summary (5)
    assert task.percent == 0


def test_drafts_never_published_are_not_queued(locales, committed):
    with committed():
        make_resource(publish=False)
    assert not TranslationTask.objects.exists()


def test_crisis_lines_for_countries_speaking_the_language_come_first(locales, committed):
    with committed():
        japan_line = make_resource(
            name="TELL Lifeline",
            countries=("JP",),
            contact_points=(("phone", "+81357740992", ""),),
            time_zone="Asia/Tokyo",
        )
        uk_line = make_resource(name="Samaritans", countries=("GB",))
        therapy = make_resource(name="Music Minds Matter", kind="therapy", hours="")
        topic = make_topic(name="Burnout", slug="burnout")
        event = make_event(title="Breather tent")

    ja_queue = list(selectors.translation_queue(user=_superuser(), locale_id=locales["ja"].pk))
    assert [t.object_id for t in ja_queue] == [
        japan_line.translation_key,
        uk_line.translation_key,
        therapy.translation_key,
        topic.translation_key,
        event.translation_key,
    ]
    # In French the Japanese line is an ordinary crisis line.
    assert task_for(japan_line, locales["fr"]).priority == task_for(uk_line, locales["fr"]).priority


def test_an_editor_raises_an_item_above_everything_else(locales, committed, coordinator):
    with committed():
        make_resource(name="Samaritans")
        event = make_event(title="Breather tent")
    task = task_for(event, locales["fr"])
    services.translation_task_raise(task=task, user=coordinator)

    queue = selectors.translation_queue(user=coordinator, locale_id=locales["fr"].pk)
    assert queue.first().pk == task.pk
    assert task.is_raised


def test_translating_strings_updates_progress_and_status(locales, committed):
    with committed():
        resource = make_resource(name="Samaritans", summary="Talk to us any time")
    with committed():
        translation_apply(
            instance=resource, locale=locales["fr"], strings={"Talk to us any time": "Parlez-nous"}
        )
    task = task_for(resource, locales["fr"])
    assert task.status == TaskStatus.IN_PROGRESS
    assert (task.segments_translated, task.segments_total) == (1, 2)
    assert task.percent == 50
    assert task.words_untranslated == 1  # "Samaritans"
    assert task.target_object_id

    with committed():
        translation_apply(
            instance=resource, locale=locales["fr"], strings={"Samaritans": "Samaritains"}
        )
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE
    assert task.percent == 100
    assert task not in selectors.translation_queue(user=_superuser())


def test_an_events_due_date_is_its_start_unless_an_editor_sets_one(locales, committed, coordinator):
    with committed():
        event = make_event(starts_in=timedelta(days=20))
    task = task_for(event, locales["es"])
    assert task.due_date == timezone.localdate(event.starts_at)

    services.translation_task_set_due(
        task=task, user=coordinator, due_date=timezone.localdate() + timedelta(days=3)
    )
    assert task.due_date == timezone.localdate() + timedelta(days=3)
    services.translation_task_set_due(task=task, user=coordinator, due_date=None)
    assert task.due_date == timezone.localdate(event.starts_at)


def test_topics_and_organisations_are_queued_when_saved(locales, committed):
    with committed():
        topic = make_topic(name="Grief", slug="grief")
        organisation = make_organisation()
    assert task_for(topic, locales["de"]).kind == "topic"
    assert task_for(organisation, locales["de"]).kind == "organisation"


# --- The admin screens ---------------------------------------------------------------------


def test_the_queue_filters_sorts_and_links_to_wagtail_localizes_editor(
    client, locales, committed, coordinator, fr_translator
):
    with committed():
        started = make_resource(name="Samaritans", summary="Talk to us")
        make_resource(name="Music Minds Matter", kind="therapy", hours="")
        make_event(title="Breather tent", starts_in=timedelta(days=2))
        translation_apply(instance=started, locale=locales["fr"], strings={"Talk to us": "Parlez"})
    client.force_login(coordinator)
    url = reverse("roadcase_localization:queue")

    response = client.get(url, {"locale": "fr"})
    assert response.status_code == 200
    rows = list(response.context["page_obj"].object_list)
    assert [t.object_repr for t in rows] == ["Samaritans", "Music Minds Matter", "Breather tent"]
    french = Resource.objects.get(translation_key=started.translation_key, locale=locales["fr"])
    editor_link = reverse("wagtailsnippets_roadcase_resource:edit", args=[french.pk])
    assert rows[0].editor_url == editor_link
    assert editor_link in response.content.decode()

    by_due = client.get(url, {"locale": "fr", "ordering": "due"}).context["page_obj"].object_list
    assert by_due[0].object_repr == "Breather tent"
    kind = client.get(url, {"kind": "therapy"}).context["page_obj"].object_list
    assert {t.object_repr for t in kind} == {"Music Minds Matter"}
    assert len(kind) == 7
    in_progress = client.get(url, {"status": "in_progress"}).context["page_obj"].object_list
    assert [(t.object_repr, t.target_locale.language_code) for t in in_progress] == [
        ("Samaritans", "fr")
    ]

    client.force_login(fr_translator)
    editor = client.get(editor_link)
    assert editor.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in editor.templates]


def test_assigned_to_me_shows_only_my_items(client, locales, committed, fr_translator):
    with committed():
        mine = make_resource(name="Samaritans")
        make_resource(name="Shout", contact_points=(("sms", "85258", "GB"),))
    services.translation_task_claim(task=task_for(mine, locales["fr"]), user=fr_translator)
    client.force_login(fr_translator)
    response = client.get(reverse("roadcase_localization:queue"), {"assigned": "me"})
    assert [t.object_repr for t in response.context["page_obj"].object_list] == ["Samaritans"]


def test_a_translator_sees_only_their_locales_items(client, locales, committed, fr_translator):
    with committed():
        make_resource()
    client.force_login(fr_translator)
    response = client.get(reverse("roadcase_localization:queue"))
    rows = response.context["page_obj"].object_list
    assert {t.target_locale.language_code for t in rows} == {"fr"}
    assert (
        client.get(reverse("roadcase_localization:queue"), {"locale": "de"})
        .context["page_obj"]
        .paginator.count
        == 1
    )  # an unknown choice is ignored, not widened


def test_people_who_do_not_translate_cannot_see_the_queue(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("visitor", "v@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for name in ("queue", "dashboard", "po_export", "po_import"):
        assert refused(client.get(reverse(f"roadcase_localization:{name}")))


def test_the_queue_page_costs_the_same_queries_for_3_or_30_items(
    client, locales, committed, coordinator
):
    client.force_login(coordinator)
    url = reverse("roadcase_localization:queue")
    with committed():
        make_resource(name="First")
    client.get(url)  # warm caches (content types, locales)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    with committed():
        for number in range(4):
            make_topic(name=f"Topic {number}", slug=f"topic-{number}")
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).context["page_obj"].paginator.count == 35
    assert len(many) == len(few)


def test_the_dashboard_shows_progress_words_and_stale_items_per_locale(
    client, locales, committed, coordinator
):
    with committed():
        resource = make_resource(name="Samaritans", summary="Talk to us any time")
        topic = make_topic(name="Grief", slug="grief")
    with committed():
        translation_apply(
            instance=resource,
            locale=locales["fr"],
            strings={"Samaritans": "Samaritains", "Talk to us any time": "Parlez-nous"},
        )
    topic_words = task_for(topic, locales["fr"]).words_total
    client.force_login(coordinator)
    rows = {
        row["locale"].language_code: row
        for row in client.get(reverse("roadcase_localization:dashboard")).context["rows"]
    }
    assert rows["fr"]["items"] == 2
    assert rows["fr"]["done"] == 1
    assert rows["fr"]["percent_items"] == 50
    assert rows["fr"]["words_remaining"] == topic_words
    assert rows["fr"]["percent_words"] == round(100 * 6 / (6 + topic_words))
    assert rows["de"]["words_remaining"] == 6 + topic_words
    assert rows["de"]["stale"] == 0


def _superuser():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get_or_create(
        username="root", defaults={"is_superuser": True, "is_staff": True}
    )[0]


def test_content_published_before_the_queue_existed_joins_it(locales, committed):
    from django.core.management import call_command

    with committed():
        resource = make_resource(name="Samaritans")
        event = make_event(title="Breather tent")
    TranslationTask.objects.all().delete()
    call_command("sync_translation_queue", stdout=io.StringIO())
    assert task_for(resource, locales["ja"]).status == TaskStatus.NEW
    assert task_for(event, locales["ja"]).kind == "event"
    count = TranslationTask.objects.count()
    assert count == 3 * 7  # the resource, the event and the events index page
    call_command("sync_translation_queue", stdout=io.StringIO())  # idempotent
    assert TranslationTask.objects.count() == count


def test_unpublishing_or_deleting_a_source_takes_its_untouched_items_away(locales, committed):
    with committed():
        resource = make_resource(name="Samaritans")
        topic = make_topic(name="Grief", slug="grief")
        translation_apply(instance=resource, locale=locales["fr"], strings={"Samaritans": "S"})
    resource.unpublish()
    remaining = TranslationTask.objects.filter(object_id=resource.translation_key)
    assert [t.target_locale.language_code for t in remaining] == ["fr"]  # work had started

    with committed():
        topic.delete()
    assert not TranslationTask.objects.filter(object_id=topic.translation_key).exists()


def test_deleting_a_translation_puts_its_item_back_in_the_queue(locales, committed):
    with committed():
        topic = make_topic(name="Grief", slug="grief")
        translation_apply(
            instance=topic, locale=locales["fr"], strings={"Grief": "Deuil", "grief": "deuil"}
        )
    assert task_for(topic, locales["fr"]).status == TaskStatus.DONE
    with committed():
        type(topic).objects.get(
            translation_key=topic.translation_key, locale=locales["fr"]
        ).delete()
    assert task_for(topic, locales["fr"]).status == TaskStatus.NEW
