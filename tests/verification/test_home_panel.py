"""The "Directory reviews" panel on the admin home page: how many resources are overdue and soon
due, linking to the verification report, for those who can change resources only.
"""

from datetime import date

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.factories import make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(locales):
    """On 2026-02-01: two overdue (one never verified), one soon due, one current."""
    with time_machine.travel("2026-01-01 12:00:00+00:00", tick=False):
        make_resource(name="Overdue", last_verified=date(2025, 6, 1))  # due 2025-12-01
        make_resource(name="Never checked", last_verified=None)
        make_resource(name="Soon due", last_verified=date(2025, 8, 15))  # due 2026-02-15
        make_resource(name="Current", last_verified=date(2026, 1, 1))  # due 2026-07-01


@time_machine.travel("2026-02-01 12:00:00+00:00", tick=False)
def test_editors_see_the_counts_and_a_link_to_the_report(directory, client, editor):
    client.force_login(editor)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Directory reviews" in page
    assert "2 resources overdue for review or never verified" in page
    assert "1 resource due for review within 30 days" in page
    assert f'href="{reverse("roadcase_verification:report")}"' in page


def test_admin_users_who_cannot_change_resources_do_not_see_it(
    directory, client, django_user_model
):
    user = django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "Directory reviews" not in response.content.decode()
