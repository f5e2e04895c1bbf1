"""Assignment: translators claim items, editors assign them; one translator per item at a
time; the translator is emailed on assignment."""

import pytest
from django.core import mail
from django.urls import reverse

from cms.localization import services
from cms.localization.services import translator_group_ensure
from cms.models import Resource, TranslationTask
from tests.factories import make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(locales, committed):
    with committed():
        resource = make_resource(name="Samaritans")
    return TranslationTask.objects.get(
        object_id=resource.translation_key, target_locale=locales["fr"]
    )


@pytest.fixture
def second_fr_translator(locales, django_user_model):
    user = django_user_model.objects.create_user("bruno", "bruno@example.org", "pw")
    user.groups.add(translator_group_ensure(locale=locales["fr"]))
    return user


def test_a_translator_claims_an_unassigned_item(task, fr_translator):
    services.translation_task_claim(task=task, user=fr_translator)
    task.refresh_from_db()
    assert task.assignee == fr_translator
    assert task.assigned_by == fr_translator
    assert task.assigned_at is not None


def test_an_item_has_one_translator_at_a_time(task, fr_translator, second_fr_translator):
    services.translation_task_claim(task=task, user=fr_translator)
    stale_copy = TranslationTask.objects.get(pk=task.pk)
    stale_copy.assignee = None  # as if loaded before the first claim
    with pytest.raises(services.ValidationError):
        services.translation_task_claim(task=stale_copy, user=second_fr_translator)
    task.refresh_from_db()
    assert task.assignee == fr_translator


def test_an_editor_assigns_and_the_translator_is_emailed(
    task, committed, coordinator, fr_translator
):
    with committed():
        services.translation_task_assign(task=task, assignee=fr_translator, by=coordinator)
    task.refresh_from_db()
    assert (task.assignee, task.assigned_by) == (fr_translator, coordinator)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [fr_translator.email]
    assert "Samaritans" in message.subject
    assert reverse("roadcase_localization:task", args=[task.pk]) in message.body


def test_reassigning_replaces_the_translator(
    task, committed, coordinator, fr_translator, second_fr_translator
):
    with committed():
        services.translation_task_assign(task=task, assignee=fr_translator, by=coordinator)
        services.translation_task_assign(task=task, assignee=second_fr_translator, by=coordinator)
    task.refresh_from_db()
    assert task.assignee == second_fr_translator
    assert [m.to for m in mail.outbox] == [[fr_translator.email], [second_fr_translator.email]]


def test_work_goes_only_to_translators_of_the_items_locale(
    task, committed, coordinator, de_translator
):
    with committed(), pytest.raises(services.ValidationError):
        services.translation_task_assign(task=task, assignee=de_translator, by=coordinator)
    task.refresh_from_db()
    assert task.assignee is None
    assert mail.outbox == []


def test_the_assignee_or_an_editor_releases_an_item(
    task, coordinator, fr_translator, second_fr_translator
):
    services.translation_task_claim(task=task, user=fr_translator)
    with pytest.raises(services.PermissionDenied):
        services.translation_task_release(task=task, user=second_fr_translator)
    services.translation_task_release(task=task, user=fr_translator)
    assert task.assignee is None
    services.translation_task_claim(task=task, user=second_fr_translator)
    services.translation_task_release(task=task, user=coordinator)
    assert task.assignee is None


def test_claiming_and_assigning_from_the_item_screen(
    client, task, committed, coordinator, fr_translator, de_translator
):
    url = reverse("roadcase_localization:task", args=[task.pk])
    client.force_login(coordinator)
    form = client.get(url).context["assign_form"]
    assert list(form.fields["assignee"].queryset) == [fr_translator]  # not the German one
    with committed():
        client.post(url, {"action": "assign", "assignee": fr_translator.pk})
    task.refresh_from_db()
    assert task.assignee == fr_translator
    assert len(mail.outbox) == 1

    client.post(url, {"action": "release"})
    client.force_login(fr_translator)
    client.post(url, {"action": "claim"})
    task.refresh_from_db()
    assert task.assignee == fr_translator


def test_translate_starts_a_never_translated_item_as_a_draft_and_opens_the_editor(
    client, task, fr_translator
):
    client.force_login(fr_translator)
    response = client.post(
        reverse("roadcase_localization:task", args=[task.pk]), {"action": "start"}
    )
    task.refresh_from_db()
    assert task.target_object_id
    assert response.url == reverse(
        "wagtailsnippets_roadcase_resource:edit", args=[task.target_object_id]
    )
    assert client.get(response.url).status_code == 200
    assert not Resource.objects.get(pk=task.target_object_id).live
