"""Output serializers: the shapes the API promises (see docs/api.md). They read objects the
selectors have already localized; labels are translated because views render inside
``translation.override(locale)``.
"""

from functools import lru_cache

from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.hours import parse_hours
from cms.languages import content_languages
from cms.models import ContactMethod, Cost, EventStatus, Kind, VerificationMethod

from .locales import direction
from .selectors import CRISIS_GROUPS, contact_points_of, topics_of


def page_url(page, request):
    url = page.get_url(request=request)
    return request.build_absolute_uri(url) if request and url else url


class LocalDateTimeField(serializers.DateTimeField):
    """An ISO 8601 datetime kept in the zone it was computed in (a resource's or an event's),
    with its UTC offset, rather than converted to the server's zone.
    """

    def to_representation(self, value):
        return value.isoformat() if value else None


def _clock(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class SpanSerializer(serializers.Serializer):
    weekday = serializers.IntegerField(min_value=0, max_value=6, help_text="0 = Monday.")
    opens = serializers.CharField(help_text="HH:MM, local time.")
    closes = serializers.CharField(help_text="HH:MM, local time; 24:00 is midnight at day end.")


class ScheduleSerializer(serializers.Serializer):
    always_open = serializers.BooleanField()
    spans = SpanSerializer(many=True)


def schedule_data(hours):
    schedule = parse_hours(hours)
    if schedule is None:
        return None
    return {
        "always_open": schedule.always_open,
        "spans": [
            {"weekday": s.weekday, "opens": _clock(s.opens), "closes": _clock(s.closes)}
            for s in schedule.spans
        ],
    }


class ContactPointSerializer(serializers.Serializer):
    method = serializers.CharField()
    method_label = serializers.CharField(source="get_method_display")
    value = serializers.CharField(
        help_text="As dialled: E.164 (+448081640123), or national digits dialled in `region` "
        "(116123, 131114); an address for the other methods."
    )
    region = serializers.CharField(help_text="ISO country a phone number is dialled in.")
    display = serializers.CharField(
        source="shown_as",
        help_text="As people in `region` write it (116 123, 0808 164 0123, 13 11 14); the "
        "address itself for the other methods.",
    )
    label = serializers.CharField()
    href = serializers.CharField(help_text="tel:, sms:, https://wa.me/, mailto: or the URL.")
    hours = serializers.CharField(help_text="Empty: the resource's hours apply.")
    schedule = serializers.SerializerMethodField()
    open_now = serializers.BooleanField(allow_null=True, help_text="Null: no hours of its own.")

    @extend_schema_field(ScheduleSerializer(allow_null=True))
    def get_schedule(self, point):
        return schedule_data(point.hours)

    def to_representation(self, point):
        # The declared fields, written out: this runs for every contact point of every resource
        # in every list, and DRF's field-by-field walk costs more than the query behind it.
        # tests/api/test_serializers.py checks both give the same output.
        return {
            "method": _text(point.method),
            "method_label": _label(ContactMethod, point.method),
            "value": _text(point.value),
            "region": _text(point.region),
            "display": _text(point.shown_as),
            "label": _text(point.label),
            "href": _text(point.href),
            "hours": _text(point.hours),
            "schedule": schedule_data(point.hours),
            "open_now": point.open_now,
        }


def _text(value):
    """What a DRF CharField renders."""
    return None if value is None else str(value)


def _label(choices, value):
    """What ``get_FOO_display()`` renders (translated in the active language), without
    rebuilding the field's choices or looking the translation up on every call."""
    return _translated_label(translation.get_language(), choices, value)


@lru_cache(maxsize=1024)
def _translated_label(language, choices, value):
    # Called with ``language`` active: the argument only keys the cache by it.
    return str(_CHOICE_LABELS[choices].get(value, value))


_CHOICE_LABELS = {
    choices: dict(choices.choices) for choices in (Kind, Cost, ContactMethod, VerificationMethod)
}


def _codes(resource, attached, relation, field):
    """The sorted codes of one of a resource's relations: the list `selectors` attached, or, for
    a preview draft that never went through it, read from the relation itself."""
    codes = getattr(resource, attached, None)
    if codes is None:
        codes = sorted(getattr(item, field) for item in getattr(resource, relation).all())
    return codes


class OrganisationRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class TopicRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class VerificationSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=["verified", "listed"],
        help_text="verified: the hub's staff checked the facts themselves on `verified_on`; "
        "listed: the facts were taken from `source_url` (read on `source_read_on`) and nobody "
        "at the hub has checked them yet.",
    )
    verified_on = serializers.DateField(allow_null=True)
    method = serializers.ChoiceField(
        choices=VerificationMethod.values, allow_null=True, help_text="How it was verified."
    )
    method_label = serializers.CharField(allow_null=True)
    source_url = serializers.CharField(help_text="Where the facts came from; may be empty.")
    source_read_on = serializers.DateField(allow_null=True)
    second_source_url = serializers.CharField(help_text="An independent source; may be empty.")


def verification_data(resource):
    method = resource.verification_method or None
    return {
        "status": "verified" if resource.last_verified else "listed",
        "verified_on": _iso(resource.last_verified),
        "method": method,
        "method_label": _label(VerificationMethod, method) if method else None,
        "source_url": _text(resource.source_url),
        "source_read_on": _iso(resource.source_read_on),
        "second_source_url": _text(resource.second_source_url),
    }


def _iso(day):
    return day.isoformat() if day else None


class ResourceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    local_name = serializers.CharField(help_text="Its name in its own language, when different.")
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    organisation = OrganisationRefSerializer(allow_null=True)
    summary = serializers.CharField()
    description = serializers.CharField()
    topics = serializers.SerializerMethodField()
    audiences = serializers.SerializerMethodField()
    worldwide = serializers.BooleanField()
    countries = serializers.SerializerMethodField()
    languages = serializers.SerializerMethodField()
    time_zone = serializers.CharField()
    hours = serializers.CharField(help_text='"24/7", "Mo-Fr 09:00-17:00", or empty.')
    hours_note = serializers.CharField()
    schedule = serializers.SerializerMethodField()
    open_now = serializers.BooleanField(allow_null=True, help_text="Null when it has no hours.")
    next_opening = LocalDateTimeField(allow_null=True, help_text="In the resource's time zone.")
    contact_points = serializers.SerializerMethodField()
    cost = serializers.CharField()
    cost_label = serializers.CharField(source="get_cost_display")
    eligibility = serializers.CharField()
    confidentiality = serializers.CharField()
    last_verified = serializers.DateField(
        allow_null=True, help_text="When the hub's staff last verified it (see verification)."
    )
    source_url = serializers.CharField()
    verification = serializers.SerializerMethodField()
    is_demo = serializers.BooleanField(help_text="Illustrative demo data, not for real use.")
    locale = serializers.CharField(source="served_locale", help_text="Locale served.")

    # The API's selectors attach the topics, contact points and code lists
    # (selectors.load_resources, localize_resources); a draft in a preview has only its
    # in-memory relations.

    @extend_schema_field(TopicRefSerializer(many=True))
    def get_topics(self, resource):
        return TopicRefSerializer(topics_of(resource), many=True).data

    @extend_schema_field(ContactPointSerializer(many=True))
    def get_contact_points(self, resource):
        return ContactPointSerializer(contact_points_of(resource), many=True).data

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_audiences(self, resource):
        return _codes(resource, "audience_slugs", "audiences", "slug")

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_countries(self, resource):
        return _codes(resource, "country_codes", "countries", "code")

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_languages(self, resource):
        return _codes(resource, "language_codes", "languages", "code")

    @extend_schema_field(ScheduleSerializer(allow_null=True))
    def get_schedule(self, resource):
        return schedule_data(resource.hours)

    @extend_schema_field(VerificationSerializer)
    def get_verification(self, resource):
        return verification_data(resource)

    def to_representation(self, resource):
        # The declared fields, written out, as for contact points (the API's hottest path).
        organisation = resource.organisation
        points = ContactPointSerializer()
        return {
            "id": resource.id,
            "name": _text(resource.name),
            "local_name": _text(resource.local_name),
            "kind": _text(resource.kind),
            "kind_label": _label(Kind, resource.kind),
            "organisation": None
            if organisation is None
            else {"id": organisation.id, "name": _text(organisation.name)},
            "summary": _text(resource.summary),
            "description": _text(resource.description),
            "topics": [{"slug": _text(t.slug), "name": _text(t.name)} for t in topics_of(resource)],
            "audiences": self.get_audiences(resource),
            "worldwide": bool(resource.worldwide),
            "countries": self.get_countries(resource),
            "languages": self.get_languages(resource),
            "time_zone": _text(resource.time_zone),
            "hours": _text(resource.hours),
            "hours_note": _text(resource.hours_note),
            "schedule": schedule_data(resource.hours),
            "open_now": resource.open_now,
            "next_opening": resource.next_opening.isoformat() if resource.next_opening else None,
            "contact_points": [
                points.to_representation(point) for point in contact_points_of(resource)
            ],
            "cost": _text(resource.cost),
            "cost_label": _label(Cost, resource.cost),
            "eligibility": _text(resource.eligibility),
            "confidentiality": _text(resource.confidentiality),
            "last_verified": _iso(resource.last_verified),
            "source_url": _text(resource.source_url),
            "verification": verification_data(resource),
            "is_demo": bool(resource.is_demo),
            "locale": _text(resource.served_locale),
        }


class CrisisLineSerializer(ResourceSerializer):
    group = serializers.ChoiceField(
        choices=CRISIS_GROUPS,
        source="crisis_group",
        help_text="national_crisis_line, national_helpline (open 24/7 or now) or worldwide.",
    )

    def to_representation(self, resource):
        return {**super().to_representation(resource), "group": resource.crisis_group}


class EmergencyNumberSerializer(serializers.Serializer):
    number = serializers.CharField()
    services = serializers.ListField(child=serializers.CharField(), source="service_list")
    label = serializers.CharField(
        help_text='What it is for, translated: "All emergencies", "Ambulance", "Police"…'
    )


class CountrySerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.SerializerMethodField()
    emergency_numbers = serializers.SerializerMethodField()

    def get_name(self, country) -> str:
        return country.name(self.context["locale"])

    @extend_schema_field(EmergencyNumberSerializer(many=True))
    def get_emergency_numbers(self, country):
        return EmergencyNumberSerializer(country.ordered_emergency_numbers(), many=True).data


class TopicSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    locale = serializers.CharField(source="served_locale")


class LocaleSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    direction = serializers.ChoiceField(choices=["ltr", "rtl"])


def locale_list():
    return [
        {"code": code, "name": name, "direction": direction(code)}
        for code, name in content_languages().items()
    ]


class ChoiceSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()


class PartnerSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    default_locale = serializers.CharField()
    default_country = serializers.CharField(source="default_country_id", allow_null=True)
    default_kinds = serializers.ListField(child=serializers.CharField(), source="kinds")
    theme = serializers.CharField()
    accent_colour = serializers.CharField()
    quick_exit_url = serializers.CharField()


class WidgetConfigSerializer(serializers.Serializer):
    partner = PartnerSerializer(allow_null=True)
    locale = serializers.CharField()
    direction = serializers.ChoiceField(choices=["ltr", "rtl"])
    strings = serializers.DictField(child=serializers.CharField())
    kinds = ChoiceSerializer(many=True)
    contact_methods = ChoiceSerializer(many=True)
    concierge_available = serializers.BooleanField(
        help_text="Whether the hub's concierge takes requests (the widget shows its form)."
    )


# Guides -------------------------------------------------------------------------------------


class GuideSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    intro = serializers.CharField()
    roles = serializers.SerializerMethodField()
    topics = TopicRefSerializer(many=True, source="topics.all")
    reading_time_minutes = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    last_published_at = serializers.DateTimeField(allow_null=True)
    locale = serializers.CharField(source="served_locale")

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_roles(self, guide):
        return [role.slug for role in guide.roles.all()]

    def get_url(self, guide) -> str | None:
        return page_url(guide.served_page, self.context.get("request"))


class GuideBlockSerializer(serializers.Serializer):
    """One block of a chapter, as ``guides.guide_chapters`` builds it: ``type`` says which of
    the other fields it carries. Describes the schema; the data is built, not serialized."""

    type = serializers.CharField(help_text="text, callout, tool, quote or resources.")
    html = serializers.CharField(required=False, help_text="text, callout: sanitized HTML.")
    tone = serializers.CharField(required=False, help_text="callout.")
    title = serializers.CharField(
        required=False, allow_blank=True, help_text="callout, tool, resources."
    )
    duration_minutes = serializers.IntegerField(required=False, allow_null=True, help_text="tool.")
    intro = serializers.CharField(required=False, allow_blank=True, help_text="tool.")
    steps = serializers.ListField(child=serializers.CharField(), required=False, help_text="tool.")
    text = serializers.CharField(required=False, help_text="quote.")
    attribution = serializers.CharField(required=False, allow_blank=True, help_text="quote.")
    resources = ResourceSerializer(many=True, required=False, help_text="resources.")


class GuideChapterSerializer(serializers.Serializer):
    title = serializers.CharField()
    blocks = GuideBlockSerializer(many=True)


class GuideSerializer(GuideSummarySerializer):
    chapters = serializers.SerializerMethodField(
        help_text="Chapters, each with a title and a list of typed blocks "
        "(text, callout, tool, quote, resources); rich text is sanitized HTML."
    )

    @extend_schema_field(GuideChapterSerializer(many=True))
    def get_chapters(self, guide):
        return self.context["chapters"]


# Events -------------------------------------------------------------------------------------


class CountryRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class EventSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    status = serializers.ChoiceField(choices=EventStatus.values)
    status_label = serializers.CharField(source="get_status_display")
    summary = serializers.CharField()
    description = serializers.SerializerMethodField(
        help_text="Sanitized HTML: links expanded to absolute URLs."
    )
    starts_at = LocalDateTimeField(source="local_start", help_text="In the event's time zone.")
    ends_at = LocalDateTimeField(source="local_end", help_text="In the event's time zone.")
    time_zone = serializers.CharField()
    venue = serializers.CharField()
    festival = serializers.CharField()
    city = serializers.CharField()
    country = serializers.SerializerMethodField()
    online = serializers.BooleanField(source="is_online")
    online_url = serializers.CharField()
    registration_url = serializers.CharField()
    capacity = serializers.IntegerField(allow_null=True)
    partners = serializers.ListField(child=serializers.CharField(), source="partner_list")
    accessibility_notes = serializers.CharField()
    url = serializers.SerializerMethodField()
    json_ld = serializers.SerializerMethodField(help_text="schema.org Event, as JSON-LD.")
    locale = serializers.CharField(source="served_locale")

    def get_description(self, event) -> str:
        from .rich_text import clean_rich_text

        request = self.context.get("request")
        base_url = request.build_absolute_uri("/") if request else ""
        return clean_rich_text(event.description, base_url=base_url)

    @extend_schema_field(CountryRefSerializer(allow_null=True))
    def get_country(self, event):
        if not event.country_id:
            return None
        return {"code": event.country_id, "name": event.country.name(self.context["locale"])}

    def get_url(self, event) -> str | None:
        return page_url(event.served_page, self.context.get("request"))

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_json_ld(self, event):
        from .events import event_json_ld

        return event_json_ld(event, url=self.get_url(event), locale=self.context["locale"])
