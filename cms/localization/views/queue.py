"""The translation queue: every (item, locale) that is not live yet in its translation,
filtered in Wagtail's filter drawer, sorted by column and paged, with bulk claim, machine first
drafts, PO export and publishing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView
from wagtail_localize.machine_translators import get_machine_translator

from ...admin_screens import ScreenMixin
from ...conf import roadcase_setting
from ...models import TranslationTask
from .. import po, selectors, services
from ..filters import TranslationQueueFilterSet
from .base import KIND_LABELS, TranslatorRequiredMixin, editor_url, safe_next


class TemplateColumn(Column):
    """A column whose cells (and, optionally, header) have a template of their own."""

    def __init__(self, name, *, cell_template, header_template=None, **kwargs):
        super().__init__(name, **kwargs)
        self.cell_template_name = cell_template
        if header_template:
            self.header_template_name = header_template


def _cells(name):
    return f"cms/localization/cells/{name}.html"


class QueueView(TranslatorRequiredMixin, ScreenMixin, BaseListingView):
    page_title = _("Translation queue")
    header_icon = "wagtail-localize-language"
    template_name = "cms/localization/queue.html"
    results_template_name = "cms/localization/queue_results.html"
    index_url_name = "roadcase_localization:queue"
    index_results_url_name = "roadcase_localization:queue_results"
    filterset_class = TranslationQueueFilterSet
    is_searchable = True
    default_ordering = "priority"
    verbose_name_plural = _("items")
    columns = [
        TemplateColumn(
            "select",
            label=_("Select"),
            cell_template=_cells("select"),
            header_template=_cells("select_header"),
            width="1%",
        ),
        TitleColumn(
            "object_repr",
            label=_("Item"),
            url_name="roadcase_localization:task",
            sort_key="item",
        ),
        Column("kind", label=_("Kind"), accessor="kind_label"),
        Column("locale", label=_("Locale"), accessor="target_locale.get_display_name"),
        TemplateColumn("status", label=_("Status"), cell_template=_cells("status")),
        TemplateColumn(
            "priority", label=_("Priority"), cell_template=_cells("priority"), sort_key="priority"
        ),
        Column(
            "words_untranslated",
            label=_("Words to translate"),
            sort_key="words",
        ),
        TemplateColumn("percent", label=_("Done"), cell_template=_cells("percent")),
        Column("assignee", label=_("Assignee")),
        TemplateColumn("due_date", label=_("Due"), cell_template=_cells("due"), sort_key="due"),
        TemplateColumn(
            "needs_work_since", label=_("Waiting"), cell_template=_cells("waiting"), sort_key="age"
        ),
        TemplateColumn("actions", label=_("Actions"), cell_template=_cells("actions")),
    ]

    def get_paginate_by(self, queryset):
        return roadcase_setting("TRANSLATION_QUEUE_PAGE_SIZE")

    def get_valid_orderings(self):
        return [*selectors.ORDERINGS, *(f"-{key}" for key in selectors.ORDERINGS)]

    def get_base_queryset(self):
        data = self.filters.form.cleaned_data if self.filters.is_valid() else {}
        return selectors.translation_queue(
            user=self.request.user,
            locale_code=data.get("locale") or None,
            kind=data.get("kind") or None,
            status=data.get("status") or None,
            assigned_to_me=data.get("assigned") == "me",
            unassigned=data.get("assigned") == "nobody",
            search=self.search_query,
            order=self.ordering,
        )

    # The selector filters, searches and orders (one query); Wagtail's steps have nothing left.
    def order_queryset(self, queryset):
        return queryset

    def filter_queryset(self, queryset):
        return queryset

    def search_queryset(self, queryset):
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        can_translate = {}
        publishable = selectors.publishable_task_ids(user, context["object_list"])
        for task in context["object_list"]:
            task.editor_url = editor_url(task)
            task.kind_label = KIND_LABELS.get(task.kind, task.kind)
            if task.target_locale_id not in can_translate:
                can_translate[task.target_locale_id] = selectors.user_can_translate_into(
                    user, task.target_locale_id
                )
            task.can_translate = can_translate[task.target_locale_id]
            task.can_publish = task.pk in publishable
        # Back to the full queue page with the same filters (also from the results fragment
        # that Wagtail's filter drawer fetches).
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        context.update(
            offer_publish=bool(publishable),
            machine_translator=get_machine_translator(),
            next_url=f"{self.index_url}?{query.urlencode()}" if query else self.index_url,
        )
        return context

    def post(self, request, *args, **kwargs):
        """Bulk actions on the ticked items."""
        ids = request.POST.getlist("ids")
        action = request.POST.get("action")
        allowed = selectors.translation_queue(user=request.user).values("pk")
        tasks = list(
            TranslationTask.objects.filter(pk__in=ids)
            .filter(pk__in=allowed)
            .select_related("target_locale", "content_type")
        )
        back = safe_next(request, request.get_full_path())
        if not tasks:
            messages.warning(request, _("Tick the items first."))
            return redirect(back)
        if action in ("export_po", "export_zip"):
            locales = {task.target_locale for task in tasks}
            if len(locales) != 1:
                messages.error(request, _("Export one locale at a time."))
                return redirect(back)
            name, content, content_type = po.po_export(
                tasks=tasks, locale=locales.pop(), as_zip=action == "export_zip"
            )
            response = HttpResponse(content, content_type=content_type)
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        actions = {
            "claim": services.translation_task_claim,
            "machine": services.translation_task_machine_translate,
            "publish": services.translation_task_publish,
        }
        if action not in actions:
            messages.error(request, _("Choose an action."))
            return redirect(back)
        done = 0
        for task in tasks:
            try:
                actions[action](task=task, user=request.user)
                done += 1
            except (ValidationError, PermissionDenied) as error:
                messages.error(
                    request,
                    f"{task.object_repr} ({task.target_locale.get_display_name()}): "
                    f"{' '.join(getattr(error, 'messages', [str(error)]))}",
                )
        if done and action == "publish":
            messages.success(
                request,
                ngettext(
                    "%(count)d translation published.", "%(count)d translations published.", done
                )
                % {"count": done},
            )
        elif done:
            messages.success(
                request,
                ngettext("%(count)d item updated.", "%(count)d items updated.", done)
                % {"count": done},
            )
        return redirect(back)
