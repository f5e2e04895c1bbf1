"""What every translation screen shares: who may see it, and links into wagtail-localize."""

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ...models import Kind, TranslationTask
from ...permission_denied import permission_denied
from .. import selectors

KIND_LABELS = {
    **dict(Kind.choices),
    "topic": _("Topic"),
    "organisation": _("Organisation"),
    "guide": _("Guide"),
    "event": _("Event"),
    "page": _("Page"),
}


class TranslatorRequiredMixin:
    """Only people who translate (or assign translation work) see these screens."""

    def dispatch(self, request, *args, **kwargs):
        if not selectors.user_can_see_queue(request.user):
            return permission_denied(
                request,
                gettext(
                    "The translation screens are for translators and for the editors who "
                    "assign their work. Ask an administrator to add you to a translator group."
                ),
            )
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied as error:
            return permission_denied(
                request,
                str(error) or gettext("You cannot do that."),
                back_url=reverse("roadcase_localization:queue"),
                back_label=gettext("Back to the queue"),
            )


def get_task_for(user, pk) -> TranslationTask:
    task = get_object_or_404(
        TranslationTask.objects.select_related("target_locale", "content_type"), pk=pk
    )
    if not (
        selectors.user_can_translate_into(user, task.target_locale_id)
        or selectors.user_can_assign(user)
    ):
        raise PermissionDenied(
            gettext("This item is to be translated into %(locale)s, which you don't translate.")
            % {"locale": task.target_locale.get_display_name()}
        )
    return task


def editor_url(task):
    """wagtail-localize's editor for the item (the translated object's edit view), or None
    before a translation exists. Content types come from Django's cache: no query per row."""
    if not task.target_object_id or task.translation_id is None:
        return None
    model = ContentType.objects.get_for_id(task.content_type_id).model_class()
    if issubclass(model, Page):
        return reverse("wagtailadmin_pages:edit", args=[task.target_object_id])
    meta = model._meta
    return reverse(
        f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit",
        args=[quote(task.target_object_id)],
    )


def safe_next(request, default):
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        return next_url
    return default
