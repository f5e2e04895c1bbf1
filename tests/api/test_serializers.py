"""The resource serializer writes its fields out by hand for speed; it must say exactly what
DRF's generic field-by-field rendering of the declared fields would say."""

import time_machine
from django.utils import translation
from rest_framework import serializers

from api import selectors
from api.locales import ContentLocale
from api.serializers import ContactPointSerializer, ResourceSerializer
from tests.api.factories import translate
from tests.factories import make_organisation, make_resource, make_topic


def generic(serializer_class, instance, **context):
    """What DRF's own Serializer.to_representation renders for the declared fields."""
    serializer = serializer_class(context=context)
    return serializers.Serializer.to_representation(serializer, instance)


@time_machine.travel("2026-03-11 21:30:00+00:00", tick=False)
def test_hand_written_resource_output_equals_the_declared_fields(locales):
    topic = make_topic()
    full = make_resource(
        name="Samaritans",
        organisation=make_organisation(),
        topics=[topic],
        countries=("GB", "IE"),
        languages=("en", "cy"),
        hours="Mo-Fr 09:00-17:00",
        contact_points=(("phone", "116123", "GB"), ("sms", "85258", "GB", "24/7")),
        eligibility="Anyone in the UK and Ireland.",
        cost="free",
    )
    translate(full, "fr", {"Samaritans": "Les Samaritains"})
    bare = make_resource(
        name="Worldwide chat",
        kind="peer_support",
        worldwide=True,
        countries=(),
        hours="",
        contact_points=(("chat", "https://chat.example", ""),),
        last_verified=None,
    )
    for code in ("en", "fr"):
        content_locale = ContentLocale.resolve(code)
        resources = selectors.localize_resources(
            selectors.load_resources(
                selectors.resource_queryset(content_locale).filter(pk__in=[full.pk, bare.pk])
            ),
            content_locale,
        )
        assert len(resources) == 2
        with translation.override(code):
            for resource in resources:
                fast = ResourceSerializer(resource).data
                assert fast == generic(ResourceSerializer, resource), (code, resource.name)
                for point in selectors.contact_points_of(resource):
                    assert ContactPointSerializer(point).data == generic(
                        ContactPointSerializer, point
                    )
    assert {r.served_locale for r in resources} == {"fr", "en"}
