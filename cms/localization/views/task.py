"""One queue item: what changed in its source, its progress, and its workflow actions
(start, machine first draft, claim, release, assign, raise, due date)."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail_localize.machine_translators import get_machine_translator

from ...admin_screens import ScreenMixin
from ...models import TaskStatus
from .. import selectors, services
from .base import KIND_LABELS, TranslatorRequiredMixin, editor_url, get_task_for, safe_next


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Translator"), queryset=get_user_model().objects.none()
    )

    def __init__(self, *args, task, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = selectors.translators_for_locale(task.target_locale_id)


class DueForm(forms.Form):
    due_date = forms.DateField(
        label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class TaskView(TranslatorRequiredMixin, ScreenMixin, TemplateView):
    page_title = _("Translation")
    header_icon = "wagtail-localize-language"
    template_name = "cms/localization/task.html"

    def setup(self, request, *args, pk, **kwargs):
        super().setup(request, *args, **kwargs)
        self.pk = pk

    def get(self, request, *args, **kwargs):
        self.task = get_task_for(request.user, self.pk)
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        return f"{self.task.object_repr} → {self.task.target_locale.get_display_name()}"

    def get_parent_crumbs(self):
        return [(_("Translation queue"), reverse("roadcase_localization:queue"))]

    def get_context_data(self, **kwargs):
        task = self.task
        user = self.request.user
        can_assign = selectors.user_can_assign(user)
        return super().get_context_data(
            task=task,
            kind_label=KIND_LABELS.get(task.kind, task.kind),
            editor_url=editor_url(task),
            can_translate=selectors.user_can_translate_into(user, task.target_locale_id),
            can_publish=selectors.user_can_publish_task(user, task),
            is_ready=task.status == TaskStatus.READY,
            machine_translator=get_machine_translator(),
            can_assign=can_assign,
            assign_form=AssignForm(task=task, initial={"assignee": task.assignee_id})
            if can_assign
            else None,
            due_form=DueForm(initial={"due_date": task.due_date_override}),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        self.task = get_task_for(request.user, self.pk)
        task, user = self.task, request.user
        action = request.POST.get("action")
        back = safe_next(request, reverse("roadcase_localization:task", args=[task.pk]))
        try:
            if action == "start":
                services.translation_task_start(task=task, user=user)
                return redirect(editor_url(task) or back)
            if action == "machine":
                if services.translation_task_machine_translate(task=task, user=user):
                    messages.success(
                        request, _("Machine first draft added: review it before publishing.")
                    )
                else:
                    messages.warning(request, _("There isn't anything left to translate."))
            elif action == "publish":
                services.translation_task_publish(task=task, user=user)
                messages.success(
                    request,
                    _("Published '%(item)s' in %(locale)s.")
                    % {"item": task.object_repr, "locale": task.target_locale.get_display_name()},
                )
            elif action == "claim":
                services.translation_task_claim(task=task, user=user)
                messages.success(request, _("It's yours."))
            elif action == "release":
                services.translation_task_release(task=task, user=user)
            elif action == "assign":
                form = AssignForm(request.POST, task=task)
                if not form.is_valid():
                    raise ValidationError(_("Choose a translator of this locale."))
                services.translation_task_assign(
                    task=task, assignee=form.cleaned_data["assignee"], by=user
                )
                messages.success(request, _("Assigned; the translator has been emailed."))
            elif action in ("raise", "lower"):
                services.translation_task_raise(task=task, user=user, raised=action == "raise")
            elif action == "due":
                form = DueForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(_("Enter a date."))
                services.translation_task_set_due(
                    task=task, user=user, due_date=form.cleaned_data["due_date"]
                )
            else:
                raise PermissionDenied
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(back)
