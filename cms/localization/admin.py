"""Wires the translation workflow into Wagtail: its screens' URLs, a "Translations" menu, the
per-locale permission hooks and the guarded wagtail-localize endpoints. Called once from
``cms/wagtail_hooks.py``.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import permissions, selectors
from .views import dashboard, po, queue, task
from .viewsets import translator_group_viewset

urlpatterns = [
    path("", queue.QueueView.as_view(), name="queue"),
    path("results/", queue.QueueView.as_view(results_only=True), name="queue_results"),
    path("dashboard/", dashboard.DashboardView.as_view(), name="dashboard"),
    path("item/<int:pk>/", task.TaskView.as_view(), name="task"),
    path("po/export/", po.ExportView.as_view(), name="po_export"),
    path("po/import/", po.ImportView.as_view(), name="po_import"),
]


class TranslatorMenuItem(MenuItem):
    def is_shown(self, request):
        return selectors.user_can_see_queue(request.user)


class TranslatorGroupsMenuItem(MenuItem):
    def is_shown(self, request):
        return translator_group_viewset.permission_policy.user_has_permission(
            request.user, "change"
        )


class TranslationsMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return selectors.user_can_see_queue(request.user)


def _menu():
    items = [
        TranslatorMenuItem(
            _("Queue"), reverse("roadcase_localization:queue"), icon_name="list-ul", order=10
        ),
        TranslatorMenuItem(
            _("Dashboard"), reverse("roadcase_localization:dashboard"), icon_name="table", order=20
        ),
        TranslatorMenuItem(
            _("Export PO"),
            reverse("roadcase_localization:po_export"),
            icon_name="download",
            order=30,
        ),
        TranslatorMenuItem(
            _("Import PO"), reverse("roadcase_localization:po_import"), icon_name="upload", order=40
        ),
        TranslatorGroupsMenuItem(
            _("Translator groups"),
            reverse(translator_group_viewset.get_url_name("index")),
            icon_name="group",
            order=50,
        ),
    ]
    return TranslationsMenuItem(
        _("Translations"), Menu(items=items), icon_name="wagtail-localize-language", order=230
    )


def register_admin():
    # Ahead of wagtail-localize's own hooks (order 0): its edit hooks render its editor, and
    # the first matching URL wins, so the guarded copies of its endpoints must come first.
    hooks.register(
        "register_admin_urls",
        lambda: [
            *permissions.guarded_localize_urls(),
            path(
                "roadcase/translations/",
                include((urlpatterns, "roadcase_localization"), namespace="roadcase_localization"),
            ),
        ],
        order=-100,
    )
    for name in permissions.EDIT_HOOKS:
        hooks.register(name, permissions.before_edit, order=-100)
    for name in permissions.REFUSING_HOOKS:
        hooks.register(name, permissions.refuse_translators, order=-100)
    hooks.register("insert_editor_js", permissions.hidden_editor_actions_css)
    hooks.register("register_admin_menu_item", _menu)
    hooks.register("register_admin_viewset", lambda: translator_group_viewset)
