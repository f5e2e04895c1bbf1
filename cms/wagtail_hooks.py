"""Wires Roadcase's admin screens into Wagtail: menus for the directory, guides, events and
partners, the verification workflow and the directory import. The screens themselves live in
viewsets.py, verification/ and imports/.
"""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from . import create_once
from .concierge.admin import register_concierge_admin
from .imports.admin import register_admin as register_import_admin
from .localization.admin import register_admin as register_localization_admin
from .scheduling.admin import register_admin as register_scheduling_admin
from .shortlinks.admin import register_admin as register_shortlinks_admin
from .verification.admin import register_admin as register_verification_admin
from .viewsets import DirectoryGroup, PartnerViewSet

register_snippet(DirectoryGroup)
hooks.register("before_create_snippet", create_once.before_create)
hooks.register("after_create_snippet", create_once.after_create)
register_snippet(PartnerViewSet)
register_verification_admin()
register_import_admin()
register_localization_admin()
register_scheduling_admin()
register_shortlinks_admin()


class IndexPageMenuItem(MenuItem):
    """A menu entry that opens the page explorer at the first page of a given type."""

    def __init__(self, label, page_model_name, **kwargs):
        self.page_model_name = page_model_name
        super().__init__(label, reverse("wagtailadmin_explore_root"), **kwargs)

    def render_component(self, request):
        from . import models

        index = getattr(models, self.page_model_name).objects.first()
        if index is not None:
            self.url = reverse("wagtailadmin_explore", args=[index.pk])
        return super().render_component(request)


@hooks.register("insert_global_admin_css")
def roadcase_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("roadcase/admin.css"))


@hooks.register("register_admin_menu_item")
def register_guides_menu_item():
    return IndexPageMenuItem(_("Guides"), "GuideIndexPage", icon_name="doc-full", order=210)


@hooks.register("register_admin_menu_item")
def register_stories_menu_item():
    return IndexPageMenuItem(_("Stories"), "StoryIndexPage", icon_name="openquote", order=225)


@hooks.register("register_admin_menu_item")
def register_events_menu_item():
    return IndexPageMenuItem(_("Events"), "EventIndexPage", icon_name="date", order=220)


register_concierge_admin()
