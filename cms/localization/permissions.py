"""Per-locale translator permissions, enforced on the server.

Wagtail's snippet permissions are per model and wagtail-localize checks only "can edit this
page / this snippet type", so a translator group given ``change`` on resources could edit the
English source or translate into any locale. The checks here close that:

- Wagtail's ``before_edit_page`` / ``before_edit_snippet`` hooks (registered ahead of
  wagtail-localize's, which render its editor) let a translator open only a translation in
  their own locale, and only to read and translate: any POST (publish, restart, convert to
  alias) is refused. The create, delete, copy, move, publish and unpublish hooks refuse them.
- wagtail-localize's per-translation endpoints (saving a string, overrides, PO upload and
  download, machine translation, preview, stopping a translation) are shadowed by guarded
  copies of the same URLs, resolved first, that check the translation's target locale and
  then call wagtail-localize's view.
- Page edit rights come from Wagtail's page permissions: a translator group has ``change`` on
  its locale's root pages only (``services.translator_group_ensure``).
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext as _
from wagtail.models import TranslatableMixin
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation

from .selectors import is_restricted_translator, translator_locale_ids


def translator_may_edit(user, instance) -> bool:
    """May a restricted translator open ``instance`` (a translation in their locale that
    wagtail-localize manages)?"""
    return (
        isinstance(instance, TranslatableMixin)
        and instance.locale_id in translator_locale_ids(user)
        and Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        ).exists()
    )


def before_edit(request, instance, *args):
    user = request.user
    if not is_restricted_translator(user):
        return None
    instance = getattr(instance, "specific", instance)
    if not translator_may_edit(user, instance):
        raise PermissionDenied(_("Translators can only translate into their own locale."))
    if request.method != "GET":
        raise PermissionDenied(_("Translators cannot publish; an editor reviews and publishes."))
    return None


def refuse_translators(request, *args):
    if is_restricted_translator(request.user):
        raise PermissionDenied(_("Translators can only translate."))
    return None


EDIT_HOOKS = ("before_edit_page", "before_edit_snippet")
REFUSING_HOOKS = (
    "before_create_page",
    "before_delete_page",
    "before_copy_page",
    "before_move_page",
    "before_publish_page",
    "before_unpublish_page",
    "before_convert_alias_page",
    "before_create_snippet",
    "before_delete_snippet",
)


def _guard(view, *, translators_allowed=True):
    """Wrap a wagtail-localize view taking ``translation_id``: a translator must translate into
    that translation's locale, and may not use management actions. Everyone else keeps what
    wagtail-localize's own checks allow."""

    @wraps(view)
    def guarded(request, translation_id, *args, **kwargs):
        user = request.user
        if is_restricted_translator(user):
            translation = get_object_or_404(Translation, id=translation_id)
            if not translators_allowed or translation.target_locale_id not in (
                translator_locale_ids(user)
            ):
                # A plain 403: the editor's JavaScript calls these, and expects no redirect.
                return HttpResponseForbidden(_("Translators can only translate into their locale."))
        return view(request, translation_id, *args, **kwargs)

    return guarded


# The same routes as wagtail_localize/wagtail_hooks.py, under the same "localize/" prefix.
GUARDED_ROUTES = [
    (
        "translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
        edit_translation.edit_string_translation,
        True,
    ),
    (
        "translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
        edit_translation.edit_override,
        True,
    ),
    ("translate/<int:translation_id>/pofile/download/", edit_translation.download_pofile, True),
    ("translate/<int:translation_id>/pofile/upload/", edit_translation.upload_pofile, True),
    ("translate/<int:translation_id>/machine_translate/", edit_translation.machine_translate, True),
    ("translate/<int:translation_id>/preview/", edit_translation.preview_translation, True),
    (
        "translate/<int:translation_id>/preview/<str:mode>/",
        edit_translation.preview_translation,
        True,
    ),
    ("translate/<int:translation_id>/disable/", edit_translation.stop_translation, False),
]


def guarded_localize_urls():
    return [
        path(f"localize/{route}", _guard(view, translators_allowed=allowed))
        for route, view, allowed in GUARDED_ROUTES
    ]
