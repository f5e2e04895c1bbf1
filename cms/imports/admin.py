"""Wires the import screen into Wagtail (URL and a menu entry). Called from wagtail_hooks.py."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import PERMISSIONS, ImportView


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perms(PERMISSIONS)


def register_admin():
    hooks.register(
        "register_admin_urls",
        lambda: [
            path("roadcase/import/", ImportView.as_view(), name="roadcase_import"),
        ],
    )
    hooks.register(
        "register_admin_menu_item",
        lambda: ImportMenuItem(
            _("Import resources"), reverse("roadcase_import"), icon_name="upload", order=230
        ),
    )
