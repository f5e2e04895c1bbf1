"""After ``migrate``: the concierge group exists, may enter the admin and holds the concierge
permissions (access itself is by membership, see ``selectors.is_concierge_member``).
"""


def ensure_concierge_group(**kwargs):
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    from ..conf import roadcase_setting

    # Wagtail's and our own post_migrate handlers may run after this one: create what we grant.
    create_permissions(apps.get_app_config("roadcase"), verbosity=0)
    create_permissions(apps.get_app_config("wagtailadmin"), verbosity=0)
    group, _created = Group.objects.get_or_create(name=roadcase_setting("CONCIERGE_GROUP"))
    permissions = Permission.objects.filter(
        content_type__app_label="roadcase", content_type__model="conciergerequest"
    ) | Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    group.permissions.add(*permissions)
