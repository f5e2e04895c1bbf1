"""The translator groups screen (Translations > Translator groups): which locales trust their
translators to publish their own finished work. Groups themselves are made by
``manage.py ensure_translator_groups``, and their members are managed in Settings > Users.
https://docs.wagtail.org/en/stable/reference/viewsets.html#modelviewset
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from ..models import TranslatorGroup

try:  # Wagtail 8.0+: the registry every admin view asks
    from wagtail.permissions import register_permission_policy
except ImportError:  # Wagtail 7.4 LTS: the viewset's own policy (below)
    register_permission_policy = None


class TranslatorGroupPermissionPolicy(ModelPermissionPolicy):
    """Change only: a translator group is created with its locale, and goes with its group."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)


translator_group_policy = TranslatorGroupPermissionPolicy(TranslatorGroup)


class TranslatorGroupViewSet(ModelViewSet):
    model = TranslatorGroup
    icon = "group"
    menu_label = _("Translator groups")
    add_to_admin_menu = False
    form_fields = ["may_publish"]
    list_display = [
        Column("group", label=_("Group")),
        Column("locale", label=_("Locale"), accessor="locale.get_display_name"),
        BooleanColumn("may_publish", label=_("Publish their own work")),
    ]

    if register_permission_policy is None:  # Wagtail 7.4 LTS asks the viewset
        permission_policy = translator_group_policy

    def get_queryset(self, request):
        return TranslatorGroup.objects.select_related("group", "locale").order_by("group__name")


if register_permission_policy is not None:
    register_permission_policy(TranslatorGroup, translator_group_policy)
translator_group_viewset = TranslatorGroupViewSet("roadcase_translator_groups")
