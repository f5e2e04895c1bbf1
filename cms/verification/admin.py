"""Wires the verification screens into Wagtail: URLs, a Reports menu entry, a "Verify"
button on each resource in the snippet listing, the "Directory reviews" panel on the admin home
page and the audit-log action of overdue reviews. Called once from ``cms/wagtail_hooks.py``.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter

from ..models import Resource
from . import views
from .services import REVIEW_OVERDUE

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
    hooks.register("construct_homepage_panels", _reviews_panel)
    hooks.register("register_log_actions", _log_actions)


def _verify_button(snippet, user, next_url=None):
    if isinstance(snippet, Resource) and user.has_perm(views.PERMISSION):
        url = reverse("roadcase_verification:verify", args=[snippet.pk])
        yield Button(_("Verify"), f"{url}?next={next_url or ''}", icon_name="tick", priority=50)


def _reviews_panel(request, panels):
    if request.user.has_perm(views.PERMISSION):
        panels.append(views.ReviewsPanel())


class ReviewOverdueFormatter(LogFormatter):
    """Entries of ``mark_overdue_reviews``, with the review date that passed."""

    label = _("Review overdue")

    def format_message(self, log_entry):
        due = log_entry.data.get("review_due")
        if due is None:
            return _("Review overdue: never verified")
        return _("Review was due on %(date)s") % {"date": due}


def _log_actions(actions):
    actions.register_action(REVIEW_OVERDUE)(ReviewOverdueFormatter)
