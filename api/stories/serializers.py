"""The shapes of a story in the API (docs/api.md). A story's content notes come before its
text, and its detail carries the visitor's emergency numbers and crisis lines."""

from babel.lists import format_list
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.codes import babel_locale
from cms.models import ContentNote, TellerRole

from ..serializers import (
    CountryRefSerializer,
    CountrySerializer,
    CrisisLineSerializer,
    ResourceSerializer,
    TopicRefSerializer,
    page_url,
)


class ContentNoteSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=ContentNote.values)
    label = serializers.CharField()


class TellerSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=TellerRole.values)
    role_label = serializers.CharField()
    country = CountryRefSerializer()
    pseudonym = serializers.CharField(help_text="Empty when the teller gave no pseudonym.")


class PortraitSerializer(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    alt = serializers.CharField()


def content_note_text(labels, locale):
    """ "Content note: Suicide and Substance use." in the reader's language, or ""."""
    if not labels:
        return ""
    notes = format_list([str(label) for label in labels], locale=babel_locale(locale))
    return _("Content note: %(notes)s.") % {"notes": notes}


class StorySummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    illustrative = serializers.BooleanField(
        source="is_illustrative",
        help_text="Written for a demo or training, not a real person's account: say so.",
    )
    content_notes = serializers.SerializerMethodField(
        help_text="Show these before the story's text (safe-messaging)."
    )
    content_note = serializers.SerializerMethodField(
        help_text="The content notes as one sentence in the locale; empty when there are none."
    )
    standfirst = serializers.CharField()
    teller = serializers.SerializerMethodField()
    portrait = serializers.SerializerMethodField()
    topics = TopicRefSerializer(many=True, source="topics.all")
    url = serializers.SerializerMethodField()
    first_published_at = serializers.DateTimeField(allow_null=True)
    locale = serializers.CharField(source="served_locale")

    @extend_schema_field(ContentNoteSerializer(many=True))
    def get_content_notes(self, story):
        labels = dict(ContentNote.choices)
        chosen = set(story.content_notes or [])
        return [
            {"code": code, "label": str(labels[code])}
            for code in ContentNote.values
            if code in chosen
        ]

    def get_content_note(self, story) -> str:
        return content_note_text(story.content_note_labels, self.context["locale"])

    @extend_schema_field(TellerSerializer())
    def get_teller(self, story):
        return {
            "role": story.teller_role,
            "role_label": str(story.get_teller_role_display()),
            "country": {
                "code": story.teller_country_id,
                "name": story.teller_country.name(self.context["locale"]),
            },
            "pseudonym": story.pseudonym,
        }

    @extend_schema_field(PortraitSerializer(allow_null=True))
    def get_portrait(self, story):
        if not story.portrait_id:
            return None
        rendition = story.portrait.get_rendition("max-800x800")
        request = self.context.get("request")
        url = request.build_absolute_uri(rendition.url) if request else rendition.url
        return {
            "url": url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": story.portrait_alt,
        }

    def get_url(self, story) -> str | None:
        return page_url(story.served_page, self.context.get("request"))


class CrisisSerializer(serializers.Serializer):
    country = CountrySerializer(allow_null=True)
    national_line_listed = serializers.BooleanField()
    results = CrisisLineSerializer(many=True)


class StorySerializer(StorySummarySerializer):
    body = serializers.SerializerMethodField(
        help_text="Typed blocks (text and callouts as sanitized HTML, quotes)."
    )
    resources = serializers.SerializerMethodField(help_text="Related live resources.")
    crisis = serializers.SerializerMethodField(
        help_text="The visitor's emergency numbers and crisis lines (?country=), or the "
        "worldwide lines: show them with every story."
    )

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_body(self, story):
        return self.context["body"]

    @extend_schema_field(ResourceSerializer(many=True))
    def get_resources(self, story):
        return ResourceSerializer(self.context["resources"], many=True, context=self.context).data

    @extend_schema_field(CrisisSerializer())
    def get_crisis(self, story):
        country = self.context["crisis_country"]
        found = self.context["crisis_lines"]
        return {
            "country": CountrySerializer(country, context=self.context).data if country else None,
            "national_line_listed": found.national_line_listed,
            "results": CrisisLineSerializer(found.lines, many=True, context=self.context).data,
        }
