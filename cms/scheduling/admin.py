"""Admin wiring for scheduling: the editorial calendar's URL and menu entry."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import calendar_view


def register_admin():
    @hooks.register("register_admin_urls")
    def calendar_urls():
        return [path("roadcase/calendar/", calendar_view, name="roadcase_calendar")]

    @hooks.register("register_admin_menu_item")
    def calendar_menu_item():
        return MenuItem(
            _("Calendar"), reverse("roadcase_calendar"), icon_name="calendar-alt", order=230
        )
