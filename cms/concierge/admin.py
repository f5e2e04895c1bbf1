"""Wires the concierge inbox into the Wagtail admin: its URLs, a menu item only the concierge
group sees, and the audit-log actions for export, erasure and the retention purge.
``cms/wagtail_hooks.py`` calls ``register_concierge_admin()`` once.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import selectors, views

urlpatterns = [
    path("", views.index, name="index"),
    path("results/", views.results, name="results"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/update/", views.update, name="update"),
    path("<int:pk>/note/", views.note, name="note"),
    path("<int:pk>/reply/", views.reply, name="reply"),
    path("<int:pk>/export/", views.export, name="export"),
    path("<int:pk>/erase/", views.erase, name="erase"),
]

LOG_ACTIONS = [
    ("roadcase.concierge.export", _("Concierge: export"), _("Exported on the requester's demand")),
    ("roadcase.concierge.erase", _("Concierge: erase"), _("Erased on the requester's demand")),
    ("roadcase.concierge.purge", _("Concierge: purge"), _("Deleted after the retention period")),
]


class ConciergeMenuItem(MenuItem):
    def is_shown(self, request):
        return selectors.is_concierge_member(request.user)


def admin_urls():
    return [path("concierge/", include((urlpatterns, "roadcase_concierge")))]


def menu_item():
    return ConciergeMenuItem(
        _("Concierge"), reverse("roadcase_concierge:index"), icon_name="mail", order=250
    )


def log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)


def register_concierge_admin():
    hooks.register("register_admin_urls", admin_urls)
    hooks.register("register_admin_menu_item", menu_item)
    hooks.register("register_log_actions", log_actions)
