"""Fixtures for short links: the hub home page at the site root, a guide in three languages,
and an editor who may manage short links."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache

from tests.api.factories import make_guide, translate
from tests.factories import hub_home


@pytest.fixture(autouse=True)
def _empty_cache():
    # Wagtail keeps the site's root paths in the cache; each test builds its own tree.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db, locales):
    """The hub home page in every content language."""
    home = hub_home()
    for code in locales:
        if code != "en":
            translate(home, code, {})
    return home


@pytest.fixture
def guide(home):
    """ "Mind The Music" in English (the source), Spanish and Arabic; no French translation."""
    guide = make_guide(title="Mind The Music", slug="mind-the-music")
    translate(guide, "es", {"Mind The Music": "La música en mente"})
    translate(guide, "ar", {"Mind The Music": "الموسيقى في البال"})
    return guide


@pytest.fixture
def link_editor(db, django_user_model):
    user = django_user_model.objects.create_user("links", "links@example.org", "pw")
    editors, _created = Group.objects.get_or_create(name="Link editors")
    editors.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__model="shortlink"),
    )
    user.groups.add(editors)
    return user


@pytest.fixture
def admin_user_without_links(db, django_user_model):
    user = django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user
