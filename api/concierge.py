"""POST /api/v1/concierge-requests/: a person asks the concierge team for help finding care.

Only a browser on an active partner's origin may post (checked before the body is even read);
a honeypot field and two throttles per client (``API_THROTTLE_WRITE`` and the hourly
``CONCIERGE_THROTTLE``) keep robots out, and limits per recipient address and for the whole hub
(counted in the database by ``cms.concierge.services``) keep the hub from being made to mail
anyone without end. Errors name each field, in the requester's language. Every answer,
success, limit reached or not-stored honeypot alike, carries the country's emergency numbers
and crisis lines and says that the concierge is not an emergency service.
"""

import phonenumbers
from django.core.exceptions import RequestDataTooBig
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema_field, inline_serializer
from rest_framework import parsers, serializers, status
from rest_framework.exceptions import ParseError
from rest_framework.response import Response

from cms.concierge import services
from cms.concierge.fields import concierge_key_problem
from cms.concierge.selectors import partner_for_origin
from cms.models.concierge import ROLE_CHOICES
from cms.public.services import hub_partner_for_own_origin

from . import selectors
from .base import PublicAPIView, described
from .locales import ContentLocale, locale_from_accept_language, match_locale_code
from .params import CountryField, LocaleField
from .parsers import JSONParser
from .serializers import CountrySerializer, CrisisLineSerializer
from .throttling import WriteThrottle


class ConciergeThrottle(WriteThrottle):
    """An hourly cap per client IP on concierge requests, on top of the per-minute one."""

    scope = "roadcase_concierge"
    setting = "CONCIERGE_THROTTLE"


@extend_schema_field({"type": "boolean", "enum": [True]})
class ConsentField(serializers.BooleanField):
    """A boolean that only ``true`` satisfies (the schema says so too)."""


class ConciergeRequestInput(serializers.Serializer):
    email = serializers.EmailField(max_length=254, help_text="Where the team replies.")
    phone = serializers.CharField(
        required=False, allow_blank=True, max_length=32, help_text="Optional."
    )
    country = CountryField(help_text="Where the person is (ISO 3166-1 alpha-2).")
    language = LocaleField(help_text="The language they want replies in (a content locale).")
    role = serializers.ChoiceField(
        choices=ROLE_CHOICES, required=False, allow_blank=True, help_text="Optional."
    )
    message = serializers.CharField(max_length=4000, help_text="What they need.")
    consent = ConsentField(help_text="Must be true: consent to be contacted.")
    website = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=500,
        help_text="Leave empty (a field people do not see; robots fill it in).",
    )

    def validate_consent(self, value):
        if value is not True:
            raise serializers.ValidationError(
                gettext_lazy("Tick this box so that we may reply to you.")
            )
        return value

    def validate_phone(self, value):
        value = value.strip()
        if not value:
            return ""
        region = str(self.initial_data.get("country", "")).strip().upper() or None
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise serializers.ValidationError(
                gettext_lazy("Enter a phone number with its country code, e.g. +44 20 7946 0000.")
            )
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class ConciergeError(serializers.ValidationError):
    """A 400 naming each invalid field: ``{"detail", "errors": {field: {"message", ...}}}``."""

    def __init__(self, errors, allowed):
        described = {}
        for name, messages in errors.items():
            entry = {"message": " ".join(str(m) for m in messages)}
            if name in allowed:
                entry["allowed"] = allowed[name]
            described[name] = entry
        super().__init__({"detail": _("Some fields are not valid."), "errors": described})


def safety_information(request, *, country_code, locale):
    """The emergency numbers and crisis lines for the country, and what the concierge is not."""
    data = {
        "locale": locale,
        "not_an_emergency_service": _(
            "The concierge is not an emergency service. If you are in danger now, call your "
            "local emergency number or one of the crisis lines below."
        ),
        "country": None,
        "crisis_lines": [],
    }
    if country_code:
        context = {"request": request, "locale": locale}
        country = selectors.country_get(country_code)
        found = selectors.crisis_lines(
            country_code=country_code, content_locale=ContentLocale.resolve(locale)
        )
        data["country"] = CountrySerializer(country, context=context).data
        data["crisis_lines"] = CrisisLineSerializer(found.lines, many=True, context=context).data
    return data


def not_set_up(request, data, locale):
    """The 503 of a hub whose concierge cannot store requests (no encryption key): nothing is
    stored, and the person still gets the emergency numbers and crisis lines of their country
    when they gave a valid one."""
    country = CountryField()
    try:
        country_code = country.run_validation(data.get("country", ""))
    except serializers.ValidationError:
        country_code = None
    body = {
        "detail": _("The concierge cannot take requests on this hub yet."),
        "code": "concierge_not_set_up",
        **safety_information(request, country_code=country_code, locale=locale),
    }
    return Response(body, status=status.HTTP_503_SERVICE_UNAVAILABLE)


LIMIT_MESSAGES = {
    "address": gettext_lazy(
        "We have already received several requests for this email address. The team will "
        "reply to them: there is no need to write again."
    ),
    "hub": gettext_lazy(
        "The concierge team is receiving more requests than it can answer right now. "
        "Please try again later."
    ),
}


class ConciergeRequestCreateView(PublicAPIView):
    throttle_classes = [WriteThrottle, ConciergeThrottle]
    parser_classes = [JSONParser, parsers.FormParser]

    @described(
        request=ConciergeRequestInput,
        responses={
            201: inline_serializer(
                name="ConciergeReceived",
                fields={
                    "received": serializers.BooleanField(),
                    "message": serializers.CharField(),
                    "locale": serializers.CharField(),
                    "not_an_emergency_service": serializers.CharField(),
                    "country": CountrySerializer(allow_null=True),
                    "crisis_lines": CrisisLineSerializer(many=True),
                },
            ),
            400: OpenApiResponse(description="A field is not valid; errors name each one."),
            403: OpenApiResponse(description="Not sent from an active partner's site."),
            413: OpenApiResponse(description="The body is larger than the hub accepts."),
            429: OpenApiResponse(
                description="Too many requests from this client, for this email address or "
                "to the hub this hour; Retry-After says when to try again. Carries the same "
                "safety information as a 201 (country and crisis lines) when the body was valid."
            ),
            503: OpenApiResponse(
                description="The hub's concierge is not set up (no encryption key); the "
                "answer still carries the country's emergency numbers and crisis lines."
            ),
        },
        summary="Ask the concierge team for help finding care",
        operation_id="concierge_requests_create",
    )
    def post(self, request):
        # Who may post is settled before the body is read: a refusal costs no parsing.
        asked = locale_from_accept_language(request.headers.get("Accept-Language"))
        with translation.override(asked):
            # The hub's own pages embed the finder too, as the hub's partner, from whatever
            # origin the hub is reached by.
            partner = partner_for_origin(
                request.headers.get("Origin")
            ) or hub_partner_for_own_origin(request)
            if partner is None:
                return Response(
                    {"detail": _("Requests are accepted from partner sites only.")},
                    status=status.HTTP_403_FORBIDDEN,
                )
            try:
                data = request.data
            except ParseError as error:
                raise ConciergeError({"body": [error.detail]}, {}) from None
            except RequestDataTooBig:
                return Response(
                    {
                        "detail": _("Some fields are not valid."),
                        "errors": {"body": {"message": _("The request is too large.")}},
                    },
                    status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
                )
        data = data if hasattr(data, "get") else {}
        locale = match_locale_code(str(data.get("language", ""))) or asked
        with translation.override(locale):
            if concierge_key_problem():
                return not_set_up(request, data, locale)
            serializer = ConciergeRequestInput(data=data)
            if not serializer.is_valid():
                allowed = {
                    "language": list(serializer.fields["language"].choices),
                    "role": list(serializer.fields["role"].choices),
                }
                raise ConciergeError(serializer.errors, allowed)
            fields = serializer.validated_data

            def safety():
                return safety_information(
                    request, country_code=fields["country"], locale=fields["language"]
                )

            # A filled honeypot gets the same answer, and nothing is stored or sent.
            if not fields.get("website"):
                try:
                    services.concierge_request_create(
                        email=fields["email"],
                        phone=fields.get("phone", ""),
                        country=fields["country"],
                        locale=fields["language"],
                        role=fields.get("role", ""),
                        message=fields["message"],
                        consent=fields["consent"],
                        partner=partner,
                    )
                except services.ConciergeLimitReached as limit:
                    return Response(
                        {"detail": str(LIMIT_MESSAGES[limit.limit]), **safety()},
                        status=status.HTTP_429_TOO_MANY_REQUESTS,
                        headers={"Retry-After": str(limit.retry_after)},
                    )
            body = {
                "received": True,
                "message": _("Thank you. A member of the concierge team will reply by email."),
                **safety(),
            }
        return Response(body, status=status.HTTP_201_CREATED)
