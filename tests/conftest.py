"""Fixtures shared by the whole suite."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale


@pytest.fixture
def locales(db):
    """Every content locale as a Locale row, by language code."""
    from django.conf import settings

    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


@pytest.fixture
def editor(db, django_user_model):
    """A member of Wagtail's Editors group: admin access, no superuser powers."""
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editors, _created = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
    return user
