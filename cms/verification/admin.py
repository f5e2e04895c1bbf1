"""Wires the verification screens into Wagtail: URLs, a Reports menu entry and a "Verify"
button on each resource in the snippet listing. Called once from ``cms/wagtail_hooks.py``.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from ..models import Resource
from . import views

urlpatterns = [
    path("", views.ReportView.as_view(), name="report"),
    path("verify/<int:pk>/", views.VerifyView.as_view(), name="verify"),
]


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


def register_admin():
    hooks.register(
        "register_admin_urls",
        lambda: [
            path(
                "roadcase/verification/",
                include((urlpatterns, "roadcase_verification"), namespace="roadcase_verification"),
            )
        ],
    )
    hooks.register(
        "register_reports_menu_item",
        lambda: EditorMenuItem(
            _("Verification due"),
            reverse("roadcase_verification:report"),
            icon_name="tasks",
            order=50,
        ),
    )
    hooks.register("register_snippet_listing_buttons", _verify_button)


def _verify_button(snippet, user, next_url=None):
    if isinstance(snippet, Resource) and user.has_perm(views.PERMISSION):
        url = reverse("roadcase_verification:verify", args=[snippet.pk])
        yield Button(_("Verify"), f"{url}?next={next_url or ''}", icon_name="tick", priority=50)
