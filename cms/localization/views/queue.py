"""The translation queue: every (item, locale) that needs work, filtered, sorted and paged,
with bulk claim, machine first drafts and PO export."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from ...conf import roadcase_setting
from ...models import TaskStatus, TranslationTask
from .. import po, selectors, services
from .base import KIND_LABELS, TranslatorRequiredMixin, editor_url, safe_next

OPEN_STATUS_CHOICES = [(s.value, s.label) for s in TaskStatus if s != TaskStatus.DONE]


class QueueFilterForm(forms.Form):
    locale = forms.ModelChoiceField(
        label=_("Locale"),
        queryset=Locale.objects.none(),
        required=False,
        to_field_name="language_code",
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any")), *OPEN_STATUS_CHOICES], required=False
    )
    mine = forms.BooleanField(label=_("Assigned to me"), required=False)
    unassigned = forms.BooleanField(label=_("Unassigned"), required=False)
    q = forms.CharField(label=_("Search"), required=False)
    order = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("priority", _("Priority")),
            ("due", _("Due date")),
            ("age", _("Oldest first")),
            ("words", _("Most words")),
        ],
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        locales = selectors.translation_locales_for_user(user)
        queryset = Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code")
        if locales is not selectors.ALL_LOCALES:
            queryset = queryset.filter(pk__in=locales)
        self.fields["locale"].queryset = queryset
        self.fields["kind"].choices = [("", _("Any")), *list(KIND_LABELS.items())]


class QueueView(TranslatorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Translation queue")
    header_icon = "wagtail-localize-language"
    template_name = "cms/localization/queue.html"

    def get_filters(self):
        form = QueueFilterForm(self.request.GET or None, user=self.request.user)
        data = form.cleaned_data if form.is_valid() else {}
        return form, data

    def get_context_data(self, **kwargs):
        form, data = self.get_filters()
        user = self.request.user
        tasks = selectors.translation_queue(
            user=user,
            locale_id=data["locale"].pk if data.get("locale") else None,
            kind=data.get("kind") or None,
            status=data.get("status") or None,
            assigned_to_me=data.get("mine", False),
            unassigned=data.get("unassigned", False),
            search=data.get("q", ""),
            order=data.get("order") or "priority",
        )
        page = Paginator(tasks, roadcase_setting("TRANSLATION_QUEUE_PAGE_SIZE")).get_page(
            self.request.GET.get("p")
        )
        for task in page.object_list:
            task.editor_url = editor_url(task)
            task.kind_label = KIND_LABELS.get(task.kind, task.kind)
        query = self.request.GET.copy()
        query.pop("p", None)
        return super().get_context_data(
            form=form,
            page=page,
            query=query.urlencode(),
            can_assign=selectors.user_can_assign(user),
            selected_locale=data.get("locale"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        """Bulk actions on the ticked items."""
        ids = request.POST.getlist("ids")
        action = request.POST.get("action")
        allowed = selectors.translation_queue(user=request.user).values("pk")
        tasks = list(
            TranslationTask.objects.filter(pk__in=ids)
            .filter(pk__in=allowed)
            .select_related("target_locale")
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
        done = 0
        for task in tasks:
            try:
                if action == "claim":
                    services.translation_task_claim(task=task, user=request.user)
                elif action == "machine":
                    services.translation_task_machine_translate(task=task, user=request.user)
                else:
                    raise PermissionDenied
                done += 1
            except (ValidationError, PermissionDenied) as error:
                messages.error(
                    request,
                    f"{task.object_repr}: {' '.join(getattr(error, 'messages', [str(error)]))}",
                )
        if done:
            messages.success(request, _("%(count)d item(s) updated.") % {"count": done})
        return redirect(back)
