"""The filter terms PostgreSQL keeps for each resource follow every change to its relations,
whatever makes it: saving in the admin, publishing a revision, a translation, a raw delete."""

import pytest
from django.db import connection

from cms.models import ContactPoint, Country, Resource
from tests.api.factories import translate
from tests.factories import make_resource, make_topic

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="filter terms are PostgreSQL's"
)


def terms(resource):
    with connection.cursor() as cursor:
        cursor.execute("SELECT filter_terms FROM roadcase_resource WHERE id = %s", [resource.pk])
        return cursor.fetchone()[0]


def test_a_saved_resource_carries_a_term_for_each_relation(db, locales):
    topic = make_topic()
    resource = make_resource(
        countries=("GB", "IE"),
        languages=("en", "cy"),
        topics=[topic],
        audiences=("crew",),
        contact_points=(("phone", "116123", "GB"), ("chat", "https://example.org/chat", "")),
    )
    assert terms(resource) == sorted(
        [
            "audience:crew",
            "country:GB",
            "country:IE",
            "language:cy",
            "language:en",
            "method:chat",
            "method:phone",
            f"topic:{topic.pk}",
        ]
    )


def test_terms_follow_relations_as_they_change(db, locales):
    resource = make_resource(countries=("GB",))
    resource.countries = list(Country.objects.filter(code__in=["FR"]))
    resource.worldwide = True
    resource.save()
    assert "country:FR" in terms(resource) and "country:GB" not in terms(resource)
    assert "country:*" in terms(resource)

    ContactPoint.objects.filter(resource=resource).delete()
    assert not any(term.startswith("method:") for term in terms(resource))

    Resource.objects.filter(pk=resource.pk).update(worldwide=False)
    assert "country:*" not in terms(resource)


def test_a_translation_keeps_its_own_terms(db, locales):
    resource = make_resource(countries=("GB",), languages=("en",))
    translated = translate(resource, "fr", {})
    assert terms(translated) == terms(resource)


def test_listing_filters_read_the_terms(api):
    make_resource(name="Kept", countries=("GB",))
    hidden = make_resource(name="Hidden", countries=("GB",))
    with connection.cursor() as cursor:
        # Terms out of step with the relation rows show which of the two the filter reads.
        cursor.execute(
            "UPDATE roadcase_resource SET filter_terms = '{country:FR}' WHERE id = %s",
            [hidden.pk],
        )
    names = [r["name"] for r in api.get("/api/v1/resources/?country=GB").json()["results"]]
    assert names == ["Kept"]
