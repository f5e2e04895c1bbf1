"""Content translation through wagtail-localize: a translated resource, topic, organisation,
guide or event appears in the target locale, with synchronised facts kept from the source."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from cms.models import Resource
from cms.services import translation_apply
from tests.factories import make_event, make_organisation, make_resource, make_topic

pytestmark = pytest.mark.django_db


def test_an_editor_submits_a_resource_for_translation_from_the_admin(client, editor, locales):
    resource = make_resource(
        contact_points=(("phone", "116123", "GB"),), organisation=make_organisation()
    )
    client.force_login(editor)
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["roadcase", "resource", resource.pk]
    )
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [locales["ar"].pk]})
    assert response.status_code == 302

    translation = Translation.objects.get(
        target_locale=locales["ar"], source__object_id=resource.translation_key
    )
    copy = Resource.objects.get(translation_key=resource.translation_key, locale=locales["ar"])
    edit_url = reverse("wagtailsnippets_roadcase_resource:edit", args=[copy.pk])
    assert client.get(edit_url).status_code == 200  # wagtail-localize's translation editor
    assert translation.source.get_source_instance() == resource


def test_a_translated_resource_appears_in_the_target_locale(locales):
    resource = make_resource(summary="Free, confidential support, day or night.")
    point = resource.contact_points.first()
    point.label = "Call free"
    point.save()
    resource.save_revision().publish()

    french = translation_apply(
        instance=Resource.objects.get(pk=resource.pk),
        locale=locales["fr"],
        strings={
            "Free, confidential support, day or night.": "Soutien gratuit et confidentiel.",
            "Call free": "Appel gratuit",
        },
    )
    assert french.locale == locales["fr"]
    assert french.live
    assert french.summary == "Soutien gratuit et confidentiel."
    assert french.name == "Samaritans"  # untranslated segments fall back to the source
    assert [(p.label, p.value) for p in french.contact_points.all()] == [
        ("Appel gratuit", "116123")
    ]
    assert list(french.countries.values_list("code", flat=True)) == ["GB"]
    assert french.hours == "24/7"


def test_topics_organisations_and_events_translate(locales, django_capture_on_commit_callbacks):
    topic = make_topic(name="Anxiety")
    organisation = make_organisation()
    organisation.description = "Listening, day and night."
    organisation.save()
    event = make_event(title="Breather tent", summary="A calm space.")

    arabic = Locale.objects.get(language_code="ar")
    assert translation_apply(instance=topic, locale=arabic, strings={"Anxiety": "القلق"}).name == (
        "القلق"
    )
    assert (
        translation_apply(
            instance=organisation,
            locale=arabic,
            strings={"Listening, day and night.": "نستمع إليك ليلاً ونهاراً."},
        ).description
        == "نستمع إليك ليلاً ونهاراً."
    )
    # wagtail-localize publishes translated pages once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translated_event = translation_apply(
            instance=event, locale=arabic, strings={"A calm space.": "مساحة هادئة."}
        )
    translated_event.refresh_from_db()
    assert translated_event.summary == "مساحة هادئة."
    assert translated_event.live
    assert translated_event.starts_at == event.starts_at
    assert translated_event.get_parent().locale == arabic
