"""Writes that span several models: saving a resource with its contact points and relations,
and translating content through wagtail-localize. The demo loader, imports and tests all come
through here, so every write meets the same rules the admin enforces.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from .models import ContactPoint, Resource


@transaction.atomic
def resource_save(
    *,
    resource: Resource,
    contact_points: list[ContactPoint],
    countries,
    languages,
    topics=(),
    audiences=(),
    publish: bool = True,
    user=None,
) -> Resource:
    """Validate and save a resource with its contact points and relations, as a revision.

    Raises ValidationError naming the field (``contact_points[1].value`` for a child) and
    writes nothing when any part is invalid.
    """
    errors = {}
    try:
        resource.full_clean(exclude=["translation_key", "locale"])
    except ValidationError as error:
        errors.update(error.message_dict)
    for position, point in enumerate(contact_points):
        try:
            point.full_clean(exclude=["resource", "translation_key", "locale"])
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors[f"contact_points[{position}].{field}"] = messages
    try:
        resource.clean_related(
            contact_points=contact_points, countries=list(countries), languages=list(languages)
        )
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)

    for point in contact_points:
        point.locale_id = resource.locale_id
    resource.contact_points = contact_points
    resource.countries = list(countries)
    resource.languages = list(languages)
    resource.topics = list(topics)
    resource.audiences = list(audiences)
    if not publish:
        resource.live = False
    resource.save()
    revision = resource.save_revision(user=user)
    if publish:
        revision.publish(user=user)
    return resource


@transaction.atomic
def translation_apply(*, instance, locale: Locale, strings: dict[str, str], user=None):
    """Translate ``instance`` into ``locale`` through wagtail-localize and publish the result.

    ``strings`` maps source text to its translation; segments it does not cover fall back to the
    source text and stay open in wagtail-localize's editor for a translator. Returns the
    translated instance. Parent pages are copied into the locale first when they are missing.
    """
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = strings.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
    translated, _created = source.create_or_update_translation(
        locale,
        user=user,
        publish=True,
        copy_parent_pages=isinstance(instance, Page),
        fallback=True,
    )
    translated.refresh_from_db()  # publishing went through a revision, not this object
    return translated
