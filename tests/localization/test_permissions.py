"""Per-locale translator permissions, enforced on the server: a translator group for a locale
translates into that locale only (pages and snippets), and cannot publish, manage
translations or edit source content. Every refusal below would succeed without Roadcase's
checks (the translator group holds Wagtail's change permissions)."""

import io
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from cms.localization import services
from cms.models import EventPage, Resource, TranslationTask
from cms.services import translation_apply
from tests.factories import make_event, make_resource
from tests.localization.conftest import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def resource(locales, committed):
    """A crisis line translated (in part) into French and German."""
    with committed():
        source = make_resource(name="Samaritans", summary="Talk to us any time")
        for code in ("fr", "de"):
            translation_apply(instance=source, locale=locales[code], strings={"Samaritans": "S"})
    return source


@pytest.fixture
def event(locales, committed):
    with committed():
        source = make_event(title="Breather tent", summary="A calm space.")
        for code in ("fr", "de"):
            translation_apply(instance=source, locale=locales[code], strings={})
    return source


def copy_of(instance, locale):
    return type(instance).objects.get(translation_key=instance.translation_key, locale=locale)


def translation_of(instance, locale):
    return Translation.objects.get(source__object_id=instance.translation_key, target_locale=locale)


def snippet_edit(instance):
    return reverse("wagtailsnippets_roadcase_resource:edit", args=[instance.pk])


# --- Snippets ---------------------------------------------------------------------------------


def test_a_translator_opens_their_locales_translation_in_wagtail_localizes_editor(
    client, locales, resource, fr_translator
):
    client.force_login(fr_translator)
    response = client.get(snippet_edit(copy_of(resource, locales["fr"])))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]


def test_a_translator_cannot_edit_the_source(client, resource, fr_translator):
    client.force_login(fr_translator)
    assert refused(client.get(snippet_edit(resource)))
    assert refused(client.post(snippet_edit(resource), {"name": "Changed"}))
    resource.refresh_from_db()
    assert resource.name == "Samaritans"


def test_a_translator_cannot_open_another_locales_translation(
    client, locales, resource, fr_translator
):
    client.force_login(fr_translator)
    assert refused(client.get(snippet_edit(copy_of(resource, locales["de"]))))


def test_a_translator_cannot_publish_a_translation(client, locales, resource, fr_translator):
    french = copy_of(resource, locales["fr"])
    live_revision = french.live_revision_id
    client.force_login(fr_translator)
    assert refused(client.post(snippet_edit(french), {"action": "publish"}))
    french.refresh_from_db()
    assert french.live_revision_id == live_revision


def test_a_translator_cannot_create_or_delete_snippets(client, resource, fr_translator):
    client.force_login(fr_translator)
    assert refused(client.get(reverse("wagtailsnippets_roadcase_resource:add")))
    delete = reverse("wagtailsnippets_roadcase_resource:delete", args=[resource.pk])
    assert refused(client.post(delete))
    assert Resource.objects.filter(pk=resource.pk).exists()


def _put_string(client, instance, locale, value):
    translation = translation_of(instance, locale)
    segment = StringSegment.objects.filter(source=translation.source).first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )


def test_a_translator_saves_strings_in_their_locale_only(client, locales, resource, fr_translator):
    client.force_login(fr_translator)
    assert _put_string(client, resource, locales["fr"], "Samaritains").status_code == 200
    assert StringTranslation.objects.filter(locale=locales["fr"], data="Samaritains").exists()

    assert _put_string(client, resource, locales["de"], "Samariter").status_code == 403
    assert not StringTranslation.objects.filter(data="Samariter").exists()


def test_a_translator_cannot_use_another_locales_translation_tools(
    client, locales, resource, fr_translator
):
    german = translation_of(resource, locales["de"])
    client.force_login(fr_translator)
    for name in ("download_pofile", "machine_translate", "upload_pofile"):
        method = client.get if name == "download_pofile" else client.post
        assert refused(method(reverse(f"wagtail_localize:{name}", args=[german.pk]))), name
    assert not StringTranslation.objects.filter(
        locale=locales["de"], translation_type="machine"
    ).exists()


def test_a_translator_cannot_stop_or_submit_translations(client, locales, resource, fr_translator):
    french = translation_of(resource, locales["fr"])
    client.force_login(fr_translator)
    assert refused(client.post(reverse("wagtail_localize:stop_translation", args=[french.pk])))
    french.refresh_from_db()
    assert french.enabled
    submit = reverse(
        "wagtail_localize:submit_snippet_translation", args=["roadcase", "resource", resource.pk]
    )
    assert refused(client.post(submit, {"locales": [locales["sv"].pk]}))
    assert refused(
        client.get(reverse("wagtail_localize:update_translations", args=[french.source_id]))
    )


def test_editors_keep_wagtail_localizes_tools(admin_client, locales, resource):
    german = translation_of(resource, locales["de"])
    response = admin_client.get(reverse("wagtail_localize:download_pofile", args=[german.pk]))
    assert response.status_code == 200
    assert b"Samaritans" in response.content


# --- Pages ------------------------------------------------------------------------------------


def page_edit(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_a_translator_translates_pages_in_their_locale_only(client, locales, event, fr_translator):
    client.force_login(fr_translator)
    response = client.get(page_edit(copy_of(event, locales["fr"])))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]

    assert refused(client.get(page_edit(copy_of(event, locales["de"]))))
    assert refused(client.get(page_edit(EventPage.objects.get(pk=event.pk))))


def test_a_translator_cannot_publish_a_page(client, locales, event, fr_translator):
    french = copy_of(event, locales["fr"])
    client.force_login(fr_translator)
    assert refused(client.post(page_edit(french), {"action": "publish"}))
    assert refused(client.post(reverse("wagtailadmin_pages:unpublish", args=[french.pk])))
    french.refresh_from_db()
    assert french.live


# --- The queue --------------------------------------------------------------------------------


def test_a_translator_cannot_take_or_start_work_in_another_locale(
    client, locales, resource, fr_translator
):
    german_task = TranslationTask.objects.get(
        object_id=resource.translation_key, target_locale=locales["de"]
    )
    with pytest.raises(services.PermissionDenied):
        services.translation_task_claim(task=german_task, user=fr_translator)
    client.force_login(fr_translator)
    url = reverse("roadcase_localization:task", args=[german_task.pk])
    assert refused(client.get(url))
    for action in ("claim", "start", "machine"):
        assert refused(client.post(url, {"action": action}))
    german_task.refresh_from_db()
    assert german_task.assignee is None


def test_a_translator_cannot_assign_raise_or_reschedule(client, locales, resource, fr_translator):
    task = TranslationTask.objects.get(
        object_id=resource.translation_key, target_locale=locales["fr"]
    )
    for change in (
        lambda: services.translation_task_assign(
            task=task, assignee=fr_translator, by=fr_translator
        ),
        lambda: services.translation_task_raise(task=task, user=fr_translator),
        lambda: services.translation_task_set_due(task=task, user=fr_translator, due_date=None),
    ):
        with pytest.raises(services.PermissionDenied):
            change()
    client.force_login(fr_translator)
    url = reverse("roadcase_localization:task", args=[task.pk])
    client.post(url, {"action": "raise"})
    task.refresh_from_db()
    assert not task.is_raised


def test_every_locale_gets_a_translator_group_with_only_translating_permissions(locales):
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    call_command("ensure_translator_groups", stdout=io.StringIO())
    call_command("ensure_translator_groups", stdout=io.StringIO())  # idempotent
    french = Group.objects.get(translator_role__locale=locales["fr"])
    assert french.name == "Translators: Français"
    assert Group.objects.filter(translator_role__isnull=False).count() == len(locales) - 1
    codenames = set(french.permissions.values_list("codename", flat=True))
    assert {"change_resource", "change_topic", "change_organisation", "access_admin"} <= codenames
    assert not {c for c in codenames if c.startswith(("add_", "delete_", "publish_"))}
    assert "submit_translation" not in codenames


# --- Coverage of wagtail-localize's admin views ---------------------------------------------


def test_every_wagtail_localize_admin_view_is_classified_by_the_guard():
    """Fails the day an installed wagtail-localize adds an admin view the guard has not been
    told about: translators are refused it until someone decides what it is."""
    from cms.localization import permissions

    known = {
        *permissions.TRANSLATING_VIEWS,
        *permissions.MANAGING_VIEWS,
        *permissions.READING_VIEWS,
    }
    routes = list(permissions.localize_url_patterns())
    assert len(routes) >= 15
    unclassified = [route for route, view in routes if permissions.view_key(view) not in known]
    assert unclassified == []


def test_every_wagtail_localize_admin_url_resolves_to_the_guard_first():
    """Each of wagtail-localize's routes, as Django resolves it under /admin/, runs the guard
    (its copy is registered ahead of wagtail-localize's own)."""
    import re

    from django.urls import resolve

    from cms.localization import permissions

    def guarded(func):
        while func is not None:
            if getattr(func, "roadcase_guarded", False):
                return True
            func = getattr(func, "__wrapped__", None)
        return False

    for route, _view in permissions.localize_url_patterns():
        path = "/admin/" + re.sub(r"<int:\w+>", "1", re.sub(r"<(str|slug):\w+>", "x", route))
        assert guarded(resolve(path).func), route


def test_a_translators_refusal_says_why_in_the_admin(client, locales, resource, fr_translator):
    french = translation_of(resource, locales["fr"])
    client.force_login(fr_translator)
    response = client.post(
        reverse("wagtail_localize:stop_translation", args=[french.pk]), HTTP_ACCEPT="text/html"
    )
    assert response.status_code == 403
    assert "cms/permission_denied.html" in [t.name for t in response.templates]
    assert "Only an editor can stop a synced translation" in response.content.decode()
    german = translation_of(resource, locales["de"])
    response = client.get(
        reverse("wagtail_localize:download_pofile", args=[german.pk]), HTTP_ACCEPT="text/html"
    )
    assert "This is the Deutsch translation; you translate into Français." in (
        response.content.decode()
    )


def test_a_view_a_later_wagtail_localize_adds_is_refused_to_translators_and_flagged(
    rf, fr_translator
):
    """What the coverage test above guards against: a new wagtail-localize route appears."""
    from django.http import HttpResponse
    from django.urls import path
    from wagtail import hooks

    from cms.localization import permissions

    def bulk_publish(request, translation_id):
        return HttpResponse("published")

    def future_urls():
        return [path("localize/translate/<int:translation_id>/bulk_publish/", bulk_publish)]

    future_urls.__module__ = "wagtail_localize.wagtail_hooks"
    with hooks.register_temporarily("register_admin_urls", future_urls):
        routes = dict(permissions.localize_url_patterns())
        known = {
            *permissions.TRANSLATING_VIEWS,
            *permissions.MANAGING_VIEWS,
            *permissions.READING_VIEWS,
        }
        assert permissions.view_key(routes["localize/translate/<int:translation_id>/bulk_publish/"])
        assert bulk_publish not in known  # the coverage test would list this route
    request = rf.post("/", HTTP_ACCEPT="text/html")
    request.user = fr_translator
    request._messages = None
    response = permissions.guard_view(bulk_publish)(request, translation_id=1)
    assert response.status_code == 403
