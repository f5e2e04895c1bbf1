"""Staleness you can see: publishing a source with changes marks its translations stale, shows
exactly which strings changed, syncs them as drafts (configurably) without touching what is
live, applies changed facts (a phone number) to every locale at once, and tells the people
who translated it."""

from urllib.parse import urlencode

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from wagtail_localize.models import StringSegment, Translation

from cms.models import EventPage, Resource, TaskStatus, TranslationTask
from cms.services import translation_apply
from tests.factories import make_event, make_resource

pytestmark = pytest.mark.django_db

FRENCH = {"Samaritans": "Samaritains", "Talk to us any time": "Parlez-nous à tout moment"}


@pytest.fixture
def resource(locales, committed):
    """A crisis line fully translated into French."""
    with committed():
        source = make_resource(name="Samaritans", summary="Talk to us any time")
        translation_apply(instance=source, locale=locales["fr"], strings=FRENCH)
    return Resource.objects.get(pk=source.pk)


def french_of(instance, locales):
    return type(instance).objects.get(
        translation_key=instance.translation_key, locale=locales["fr"]
    )


def task_of(instance, locale):
    return TranslationTask.objects.get(object_id=instance.translation_key, target_locale=locale)


def publish(instance, **changes):
    for name, value in changes.items():
        setattr(instance, name, value)
    instance.save_revision().publish()


def test_a_changed_source_marks_its_translation_stale_with_the_changed_strings(
    client, locales, committed, resource, coordinator
):
    assert task_of(resource, locales["fr"]).status == TaskStatus.DONE
    with committed():
        publish(resource, summary="Talk to us, day or night")

    task = task_of(resource, locales["fr"])
    assert task.status == TaskStatus.STALE
    assert task.changed_strings == [
        {"path": "summary", "before": "Talk to us any time", "after": "Talk to us, day or night"}
    ]
    assert task.words_untranslated == 6  # "Talk to us, day or night"
    # Locales nobody started are simply "never translated", not stale.
    assert task_of(resource, locales["de"]).status == TaskStatus.NEW

    client.force_login(coordinator)
    queue = client.get(reverse("roadcase_localization:queue"), {"status": "stale"})
    assert [t.pk for t in queue.context["page_obj"].object_list] == [task.pk]
    assert "1 string changed" in queue.content.decode()
    detail = client.get(reverse("roadcase_localization:task", args=[task.pk])).content.decode()
    assert "Talk to us any time" in detail and "Talk to us, day or night" in detail


def test_changed_strings_are_synced_as_a_draft_and_what_is_live_stays(locales, committed, resource):
    with committed():
        publish(resource, summary="Talk to us, day or night")

    french = french_of(resource, locales)
    assert french.live
    assert french.summary == "Parlez-nous à tout moment"  # live text untouched
    assert french.has_unpublished_changes
    draft = french.latest_revision.as_object()
    assert draft.summary == "Talk to us, day or night"  # to translate, in the draft only
    assert draft.name == "Samaritains"


@override_settings(ROADCASE={"SYNC_TRANSLATIONS_AS_DRAFTS": False})
def test_without_drafts_the_sync_publishes_with_the_source_text(locales, committed, resource):
    with committed():
        publish(resource, summary="Talk to us, day or night")
    french = french_of(resource, locales)
    assert french.live
    assert french.summary == "Talk to us, day or night"
    assert task_of(resource, locales["fr"]).status == TaskStatus.STALE


@override_settings(ROADCASE={"SYNC_TRANSLATIONS_ON_PUBLISH": False})
def test_sync_can_be_left_to_editors(locales, committed, resource):
    with committed():
        publish(resource, summary="Talk to us, day or night")
    french = french_of(resource, locales)
    assert not french.has_unpublished_changes
    assert task_of(resource, locales["fr"]).status == TaskStatus.STALE


def test_republishing_an_unchanged_source_leaves_its_translations_alone(
    locales, committed, resource
):
    revisions = french_of(resource, locales).revisions.count()
    with committed():
        publish(resource)
    assert french_of(resource, locales).revisions.count() == revisions
    task = task_of(resource, locales["fr"])
    assert task.status == TaskStatus.DONE and task.changed_strings == []


def test_a_changed_phone_number_reaches_live_translations_at_once(locales, committed, resource):
    with committed():
        points = list(resource.contact_points.all())
        points[0].value = "+441234567890"
        resource.contact_points = points
        resource.save_revision().publish()

    french = french_of(resource, locales)
    assert [p.value for p in french.contact_points.all()] == ["+441234567890"]
    assert french.summary == "Parlez-nous à tout moment"
    task = task_of(resource, locales["fr"])
    assert task.status == TaskStatus.DONE
    assert task.changed_strings == []


def test_translating_the_changed_strings_clears_staleness(locales, committed, resource):
    with committed():
        publish(resource, summary="Talk to us, day or night")
    with committed():
        translation_apply(
            instance=resource,
            locale=locales["fr"],
            strings={"Talk to us, day or night": "Parlez-nous, jour et nuit"},
        )
    task = task_of(resource, locales["fr"])
    assert task.status == TaskStatus.DONE
    assert task.changed_strings == []


def test_the_translators_are_emailed_when_their_source_changes(
    client, locales, committed, resource, fr_translator, de_translator
):
    # Amélie translated a string through wagtail-localize's editor.
    translation = Translation.objects.get(
        source__object_id=resource.translation_key, target_locale=locales["fr"]
    )
    segment = StringSegment.objects.get(source=translation.source, context__path="name")
    client.force_login(fr_translator)
    with committed():
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": "Les Samaritains"}),
            content_type="application/x-www-form-urlencoded",
        )
    assert response.status_code == 200
    mail.outbox.clear()

    with committed():
        publish(resource, summary="Talk to us, day or night")

    assert [message.to for message in mail.outbox] == [[fr_translator.email]]
    message = mail.outbox[0]
    assert "Samaritans" in message.subject
    assert "Talk to us any time → Talk to us, day or night" in message.body


def test_a_changed_page_is_stale_and_its_live_translation_stays(locales, committed):
    with committed():
        event = make_event(title="Breather tent", summary="A calm space.")
        translation_apply(
            instance=event,
            locale=locales["fr"],
            strings={"Breather tent": "Tente de répit", "A calm space.": "Un espace calme."},
        )
    with committed():
        event = EventPage.objects.get(pk=event.pk)
        publish(event, summary="A quiet space.")

    task = task_of(event, locales["fr"])
    assert task.status == TaskStatus.STALE
    assert task.changed_strings[0]["after"] == "A quiet space."
    french = french_of(event, locales)
    assert french.live and french.summary == "Un espace calme."
    assert french.latest_revision.as_object().summary == "A quiet space."
