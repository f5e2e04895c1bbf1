"""Choices in the locale of the page or snippet being edited (topics, audiences, roles), for
the admin forms of resources and guides. Models are imported when a form is built, so model
modules can use these forms as their ``base_form_class``.
"""

from django.utils import translation
from wagtail.models import Locale


def content_locale(instance) -> Locale:
    """The locale of the page or snippet a form edits (set by Wagtail's create views too)."""
    locale_id = getattr(instance, "locale_id", None)
    return Locale.objects.get(pk=locale_id) if locale_id else Locale.get_default()


def django_language(locale: Locale) -> str:
    """The Django language of a content locale (pt-BR → pt-br)."""
    return locale.language_code.lower()


class LocaleAwareChoicesMixin:
    """Taxonomy choices in the locale of the object being edited.

    Topics: one checkbox per topic, never one per topic *and* locale. An object's topics are
    the default locale's rows (wagtail-localize copies a source's topics into its translations
    as they are), each labelled with its name in the object's locale where a translation
    exists, so an English guide cannot be tagged with an Arabic topic and a French one reads
    "Épuisement professionnel". Audiences (and a guide's roles) are labelled in that language.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = content_locale(self.instance)
        topics = self.fields.get("topics")
        if topics is not None:
            from .models import Topic

            default = Locale.get_default()
            topics.queryset = Topic.objects.filter(locale=default).order_by("name")
            names = dict(Topic.objects.filter(locale=locale).values_list("translation_key", "name"))
            topics.label_from_instance = lambda topic: names.get(topic.translation_key, topic.name)
        for name in ("audiences", "roles"):
            field = self.fields.get(name)
            if field is not None:
                field.label_from_instance = _label_in(django_language(locale))


def _label_in(language):
    def label(instance):
        with translation.override(language):
            return str(instance)

    return label
