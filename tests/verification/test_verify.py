"""The "verify" action: it records who checked a resource, how and when, moves the review date
on by the kind's period in every locale, and survives publishing an older draft.
"""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from cms.models import Resource, Verification
from cms.services import translation_apply
from cms.verification.services import resource_verify
from tests.factories import make_resource

pytestmark = pytest.mark.django_db
TODAY = "2026-05-20 12:00:00+00:00"


@pytest.fixture
def crisis_line(locales):
    with time_machine.travel("2025-01-15 12:00:00+00:00", tick=False):
        return make_resource(last_verified=date(2025, 1, 10))


@time_machine.travel(TODAY, tick=False)
def test_verify_records_who_how_when_and_sets_the_next_review(crisis_line, admin_user):
    admin_user.first_name, admin_user.last_name = "Ada", "Lovelace"
    verification = resource_verify(
        resource=crisis_line, method="called", user=admin_user, note="Answered in 2 rings"
    )
    crisis_line.refresh_from_db()
    assert crisis_line.last_verified == date(2026, 5, 20)
    assert crisis_line.verified_by == "Ada Lovelace"
    assert crisis_line.verification_method == "called"
    assert crisis_line.review_due == date(2026, 11, 20)
    assert (
        crisis_line.verification_summary()
        == "Verified by the hub on May 20, 2026 (Called the line)"
    )
    assert (verification.method, verification.user, verification.verified_on) == (
        "called",
        admin_user,
        date(2026, 5, 20),
    )


@time_machine.travel(TODAY, tick=False)
def test_verify_reaches_translations_and_the_latest_revision(crisis_line, admin_user, locales):
    french = translation_apply(instance=crisis_line, locale=locales["fr"], strings={})
    resource_verify(resource=french, method="website", user=admin_user)
    for row in Resource.objects.filter(translation_key=crisis_line.translation_key):
        assert (row.last_verified, row.verification_method) == (date(2026, 5, 20), "website")
    # Publishing the latest revision again must not bring back the old date.
    crisis_line.refresh_from_db()
    crisis_line.latest_revision.publish()
    crisis_line.refresh_from_db()
    assert crisis_line.last_verified == date(2026, 5, 20)
    assert Verification.objects.get().resource == crisis_line  # recorded on the source


@time_machine.travel(TODAY, tick=False)
def test_verify_refuses_unknown_methods_and_future_dates(crisis_line, admin_user):
    with pytest.raises(ValidationError) as error:
        resource_verify(resource=crisis_line, method="guessed", user=admin_user)
    assert "method" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        resource_verify(
            resource=crisis_line, method="called", user=admin_user, on=date(2026, 5, 21)
        )
    assert "verified_on" in error.value.message_dict
    crisis_line.refresh_from_db()
    assert crisis_line.last_verified == date(2025, 1, 10)
    assert not Verification.objects.exists()


@time_machine.travel(TODAY, tick=False)
def test_the_admin_report_lists_overdue_items_and_the_verify_form_records_a_check(
    client, crisis_line, admin_user
):
    client.force_login(admin_user)
    report = client.get(reverse("roadcase_verification:report"))
    assert report.status_code == 200
    assert [i.resource for i in report.context["report"].items] == [crisis_line]
    assert "Samaritans" in report.content.decode()

    url = reverse("roadcase_verification:verify", args=[crisis_line.pk])
    response = client.post(url, {"method": "organisation", "verified_on": "2026-05-19"})
    assert response.status_code == 302
    crisis_line.refresh_from_db()
    assert crisis_line.last_verified == date(2026, 5, 19)
    assert Verification.objects.get().get_method_display() == "Confirmed by the organisation"
    after = client.get(reverse("roadcase_verification:report"))
    assert after.context["report"].items == []


def test_admin_users_without_resource_permissions_cannot_verify(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for url in (
        reverse("roadcase_verification:report"),
        reverse("roadcase_verification:verify", args=[1]),
    ):
        response = client.get(url, HTTP_ACCEPT="text/html")
        assert response.status_code == 403
        assert "is for its editors" in response.content.decode()


def test_editors_can_open_the_report(client, editor):
    client.force_login(editor)
    assert client.get(reverse("roadcase_verification:report")).status_code == 200


def test_the_resources_listing_offers_verify(client, crisis_line, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailsnippets_roadcase_resource:list"))
    assert (
        reverse("roadcase_verification:verify", args=[crisis_line.pk]) in response.content.decode()
    )


def test_a_listed_line_says_it_is_not_verified_until_someone_checks_it(locales, admin_user):
    line = make_resource(last_verified=None, source_read_on=date(2025, 12, 1))
    assert line.verification_summary() == (
        "Listed from its source (read Dec. 1, 2025), not verified by the hub"
    )
    assert make_resource(name="Unsourced", last_verified=None).verification_summary() == (
        "Not verified by the hub"
    )
    resource_verify(resource=line, method="organisation", user=admin_user)
    line.refresh_from_db()
    assert line.verification_summary().startswith("Verified by the hub on ")
    assert line.verification_summary().endswith("(Confirmed by the organisation)")
