"""Wires short links into Wagtail's admin: the snippet screens (with the QR panel), the QR and
campaign-ZIP downloads, and the campaign report under Reports. Called once from
``cms/wagtail_hooks.py``."""

from django.db.models import Sum
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from ..models import ShortLink
from . import views

urlpatterns = [
    path("report/", views.ReportView.as_view(), name="report"),
    path("qr/<int:pk>.<str:kind>", views.qr_code, name="qr"),
    path("campaign.zip", views.campaign_qr_zip, name="campaign-zip"),
]


class ShortLinkViewSet(SnippetViewSet):
    model = ShortLink
    icon = "link"
    menu_label = _("Short links")
    menu_order = 410
    add_to_admin_menu = True
    list_display = [
        "code",
        "campaign",
        Column("target", label=_("Leads to"), accessor="get_target_display"),
        DateColumn("active_until", label=_("Active until")),
        Column("visits", label=_("Visits")),
    ]
    list_filter = ["campaign", "target"]
    search_fields = ["code", "campaign"]
    ordering = ["campaign", "code"]

    def get_queryset(self, request):
        return ShortLink.objects.annotate(visits=Sum("daily_counts__visits", default=0))


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


def register_admin():
    register_snippet(ShortLinkViewSet)
    hooks.register(
        "register_admin_urls",
        lambda: [
            path(
                "roadcase/short-links/",
                include((urlpatterns, "roadcase_shortlinks"), namespace="roadcase_shortlinks"),
            )
        ],
    )
    hooks.register(
        "register_reports_menu_item",
        lambda: EditorMenuItem(
            _("Campaign reach"),
            reverse("roadcase_shortlinks:report"),
            icon_name="link",
            order=60,
        ),
    )
