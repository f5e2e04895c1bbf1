"""Per-locale translator permissions, enforced on the server.

Wagtail's snippet permissions are per model and wagtail-localize checks only "can edit this
page / this snippet type", so a translator group given ``change`` on resources could edit the
English source or translate into any locale. The checks here close that, by object and by
action:

- Wagtail's ``before_edit_page`` / ``before_edit_snippet`` hooks (registered ahead of
  wagtail-localize's, which render its editor) let a translator open only a translation in
  their own locale that wagtail-localize manages, and only to read and translate: a POST
  (publish, restart, convert to alias) is refused, except publishing their own finished work
  where their locale trusts its translators to (``TranslatorGroup.may_publish``). The create,
  delete, copy, move, publish and unpublish hooks refuse them.
- Every view wagtail-localize registers in the admin is wrapped, whatever its URL: the wrapped
  copies are built from wagtail-localize's own ``register_admin_urls`` hook and resolve first.
  A translator may use the *translating* views (save a string or an override, PO files,
  machine translation, preview) on a translation into their own locale, and the *reading*
  views (its JavaScript catalog, its snippet API, its report); every other view (stopping a
  translation, converting to an alias, submitting or syncing translations, and anything a
  later release adds) is refused to them. ``tests/localization/test_permissions.py`` fails
  when an installed wagtail-localize has a view this module does not classify.
- Page edit rights come from Wagtail's page permissions: a translator group has ``change`` on
  its locale's root pages only (``services.translator_group_ensure``).

Refusals are admin pages saying why (``cms.permission_denied``), and actions a translator
cannot take are hidden from wagtail-localize's editor.
"""

from contextvars import ContextVar
from functools import wraps

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import URLPattern, URLResolver, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import Translation
from wagtail_localize.views import (
    convert,
    edit_translation,
    report,
    snippets_api,
    submit_translations,
    update_translations,
)

from ..permission_denied import permission_denied
from .selectors import is_restricted_translator, translator_locale_ids

# wagtail-localize's views, by what they do. A translator uses TRANSLATING views on a
# translation into their own locale and READING views freely; MANAGING views, and any view not
# listed here, are refused to them (with the reason given).
TRANSLATING_VIEWS = {
    edit_translation.edit_string_translation,
    edit_translation.edit_override,
    edit_translation.download_pofile,
    edit_translation.upload_pofile,
    edit_translation.machine_translate,
    edit_translation.preview_translation,
}
READING_VIEWS = {
    "javascript_catalog",  # Django's JavaScriptCatalog: the editor's UI strings
    snippets_api.SnippetViewSet,
    report.TranslationsReportView,
}


MANAGING_VIEWS = {
    edit_translation.stop_translation: gettext_lazy(
        "Only an editor can stop a synced translation: it turns the translation into a copy "
        "that is edited by hand. Ask an editor if this one should stop."
    ),
    convert.convert_to_alias: gettext_lazy(
        "Only an editor can turn a translated page back into an alias of its source."
    ),
    submit_translations.SubmitPageTranslationView: gettext_lazy(
        "Only an editor can send content for translation."
    ),
    submit_translations.SubmitSnippetTranslationView: gettext_lazy(
        "Only an editor can send content for translation."
    ),
    update_translations.UpdateTranslationsView: gettext_lazy(
        "Only an editor can sync translations with their source."
    ),
}


def view_key(callback):
    """What identifies a URL's view: the function itself for function views (DRF's
    ``@api_view`` ones included), the class for class-based views, whose ``as_view()`` makes a
    new function each time; Django's JavaScript catalog by name (wagtail-localize makes one for
    its own strings)."""
    if callback in TRANSLATING_VIEWS or callback in MANAGING_VIEWS:
        return callback
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    if view_class is not None and view_class.__name__ == "JavaScriptCatalog":
        return "javascript_catalog"
    return view_class or callback


# --- Who may do what ---------------------------------------------------------------------------


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


def _locale_names(locale_ids):
    from wagtail.models import Locale

    return ", ".join(
        locale.get_display_name() for locale in Locale.objects.filter(pk__in=locale_ids)
    )


def not_your_locale_message(user, locale):
    return _(
        "This is the %(locale)s translation; you translate into %(yours)s. Ask an editor to "
        "add you to the %(locale)s translators if you should work on it."
    ) % {"locale": locale.get_display_name(), "yours": _locale_names(translator_locale_ids(user))}


def translator_refusal(user, view, kwargs):
    """Why a restricted translator may not use one of wagtail-localize's views with these URL
    arguments, or None when they may."""
    key = view_key(view)
    if key in READING_VIEWS:
        return None
    if key in TRANSLATING_VIEWS:
        translation = (
            Translation.objects.filter(pk=kwargs.get("translation_id"))
            .select_related("target_locale")
            .first()
        )
        if translation is None:
            return None  # wagtail-localize answers 404
        if translation.target_locale_id not in translator_locale_ids(user):
            return not_your_locale_message(user, translation.target_locale)
        return None
    return str(MANAGING_VIEWS.get(key, _("Translators cannot use this action; an editor can.")))


# --- Wagtail's edit hooks ----------------------------------------------------------------------

# The actions of wagtail-localize's editor to hide while it renders for a translator.
_hidden_editor_actions: ContextVar[tuple[str, ...]] = ContextVar(
    "roadcase_hidden_editor_actions", default=()
)


def before_edit(request, instance, *args):
    user = request.user
    if not is_restricted_translator(user):
        return None
    instance = getattr(instance, "specific", instance)
    back = reverse("roadcase_localization:queue")
    if not isinstance(instance, TranslatableMixin) or instance.locale_id not in (
        translator_locale_ids(user)
    ):
        if isinstance(instance, TranslatableMixin) and not _is_source(instance):
            message = not_your_locale_message(user, instance.locale)
        else:
            message = _(
                "This is the source text; translators work on translations of it. Open the "
                "item from the translation queue."
            )
        return permission_denied(request, message, back_url=back, back_label=_("Back to the queue"))
    if not translator_may_edit(user, instance):
        return permission_denied(
            request,
            _(
                "This %(locale)s version is edited by hand, not translated from its source: "
                "ask an editor."
            )
            % {"locale": instance.locale.get_display_name()},
            back_url=back,
            back_label=_("Back to the queue"),
        )
    if request.method != "GET":
        return _translator_post(request, instance)
    return _render_editor_for_translator(request, instance)


def _is_source(instance):
    from wagtail.models import Locale

    return instance.locale_id == Locale.get_default().pk


def _translator_post(request, instance):
    """A translator's POST to the editor: only "publish", and only where they may publish."""
    from . import selectors, services

    task = selectors.task_for_target(instance)
    publishing = request.POST.get("action") == "publish" and task is not None
    if publishing and selectors.user_can_publish_task(request.user, task):
        services.translation_task_publish(task=task, user=request.user)
        messages.success(
            request,
            _("Published '%(item)s' in %(locale)s.")
            % {"item": task.object_repr, "locale": task.target_locale.get_display_name()},
        )
        return redirect(request.path)
    return permission_denied(
        request,
        _(
            "Translators translate; an editor reviews and publishes. When every string is "
            "translated, the item waits under 'Ready to publish' in the queue."
        ),
        back_url=request.path,
        back_label=_("Back to the translation"),
    )


def _render_editor_for_translator(request, instance):
    """wagtail-localize's editor, as its own ``before_edit`` hook renders it, without the
    actions translators cannot take (stopping the synced translation, converting to an alias).
    """
    translation = Translation.objects.get(
        source__object_id=instance.translation_key,
        target_locale_id=instance.locale_id,
        enabled=True,
    )
    hidden = [reverse("wagtail_localize:stop_translation", args=[translation.pk])]
    if isinstance(instance, Page):
        hidden.append(reverse("wagtail_localize:convert_to_alias", args=[instance.pk]))
    token = _hidden_editor_actions.set(tuple(hidden))
    try:
        return edit_translation.edit_translation(request, translation, instance)
    finally:
        _hidden_editor_actions.reset(token)


def hidden_editor_actions_css():
    """``insert_editor_js`` output: hides the buttons and links of the actions set aside by
    ``_render_editor_for_translator`` (empty for everyone else)."""
    urls = _hidden_editor_actions.get()
    if not urls:
        return ""
    rules = format_html_join(
        "",
        '[data-w-action-url-value="{}"], a[href^="{}"] {{ display: none !important; }}',
        ((url, url) for url in urls),
    )
    return format_html_join("", "<style>{}</style>", [(rules,)])


def refuse_translators(request, *args):
    if is_restricted_translator(request.user):
        return permission_denied(
            request,
            _(
                "Translators translate existing content into their locale; creating, deleting, "
                "moving, publishing and unpublishing are an editor's."
            ),
            back_url=reverse("roadcase_localization:queue"),
            back_label=_("Back to the queue"),
        )
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


# --- wagtail-localize's own URLs, guarded ------------------------------------------------------


def guard_view(view):
    """``view`` (one of wagtail-localize's), refused to restricted translators where
    ``translator_refusal`` says so; everyone else keeps wagtail-localize's own checks."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if is_restricted_translator(request.user):
            refusal = translator_refusal(request.user, view, kwargs)
            if refusal is not None:
                return permission_denied(
                    request,
                    refusal,
                    back_url=reverse("roadcase_localization:queue"),
                    back_label=_("Back to the queue"),
                )
        return view(request, *args, **kwargs)

    guarded.roadcase_guarded = True
    return guarded


def localize_url_hooks():
    """wagtail-localize's ``register_admin_urls`` hook functions."""
    return [
        fn
        for fn in hooks.get_hooks("register_admin_urls")
        if fn.__module__.split(".")[0] == "wagtail_localize"
    ]


def localize_url_patterns():
    """Every URL pattern wagtail-localize registers in the admin, as (route, view) pairs."""

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern), pattern.callback

    for fn in localize_url_hooks():
        yield from walk(fn(), "")


def guarded_localize_urls():
    """Copies of wagtail-localize's admin URLs (same routes, no names) whose views are wrapped
    by ``guard_view``; registered ahead of wagtail-localize's, so they resolve first."""

    def wrap(patterns):
        wrapped = []
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                wrapped.append(
                    URLResolver(pattern.pattern, wrap(pattern.url_patterns), pattern.default_kwargs)
                )
            else:
                wrapped.append(
                    URLPattern(pattern.pattern, guard_view(pattern.callback), pattern.default_args)
                )
        return wrapped

    return [url for fn in localize_url_hooks() for url in wrap(fn())]
