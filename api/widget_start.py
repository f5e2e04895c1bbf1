"""``GET widget/start/`` and ``GET widget/{partner}/start/``: everything the widget's first screen
needs in one cacheable request (issue 22): the widget's configuration, the hub's locales, and the
country's emergency numbers and crisis lines in the requested locale.

It is on the crisis path, so it never refuses what a partner's embed code says: an unknown
partner, country or locale still gets a 200 with the crisis data, and ``warnings`` telling the
page's developer what is wrong and how to fix it (the widget prints them with console.warn).
Warnings are written in English for developers, whatever the locale.
"""

from django.utils import translation
from rest_framework import serializers

from cms.codes import country_codes
from cms.conf import roadcase_setting

from . import selectors
from .base import described
from .locales import ContentLocale, locale_from_accept_language, match_locale_code
from .serializers import (
    CountrySerializer,
    CrisisLineSerializer,
    LocaleSerializer,
    WidgetConfigSerializer,
    locale_list,
)
from .throttling import CrisisPathThrottle
from .views import (
    ERROR_RESPONSES,
    ContentView,
    crisis_lines_body,
    serve_last_good_on_database_error,
    widget_config_body,
)

# Country codes people write that are not ISO 3166-1 alpha-2, and the code they mean: the UK's
# own ccTLD and the EU's code for Greece. Anything else must be an ISO code (in any case).
COUNTRY_ALIASES = {"UK": "GB", "EL": "GR"}


class StartParams(serializers.Serializer):
    """The start's parameters. Declared for the schema and the response cache's key only: they
    are read leniently (``read_start_params``), since a bad value must warn, never refuse."""

    country = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="ISO 3166-1 alpha-2 code in any case, or an alias (UK). Unknown or absent: "
        "the partner's default country, else none (crisis is null; the widget guesses).",
    )
    locale = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Content locale. Unknown: Accept-Language decides (with a warning); absent: "
        "Accept-Language, else the partner's default locale.",
    )

    @classmethod
    def parse(cls, request, **context):
        """``ContentView`` renders within the locale ``parse`` names: the visitor's choice
        (the partner's default is applied in ``build``, where the partner is known)."""
        locale = match_locale_code(request.query_params.get("locale")) or (
            locale_from_accept_language(request.headers.get("Accept-Language"))
        )
        return {"locale": locale}


def warning(code, field, message):
    return {"code": code, "field": field, "message": message}


def resolve_country(value):
    """The ISO code ``value`` names (any case, aliases), or None."""
    code = (value or "").strip().upper()
    code = COUNTRY_ALIASES.get(code, code)
    return code if code in country_codes() else None


def origin_registered(request, partner):
    """Whether the request's Origin may use the rest of the API: one of ``partner``'s origins,
    or without a partner any active partner's. Same-origin and Origin-less requests are."""
    origin = (request.headers.get("Origin") or "").rstrip("/").lower()
    if not origin or origin == f"{request.scheme}://{request.get_host()}".lower():
        return True
    if partner is not None:
        return origin in {o.rstrip("/").lower() for o in partner.origins}
    from .cors import allowed_origins

    return origin in allowed_origins()


def widget_start(request, *, partner_slug):
    """The start body for ``request`` (see the module's docstring and docs/api.md)."""
    query = request.query_params
    warnings = []
    partner = None
    if partner_slug is not None:
        # No embed id holds a NUL, and PostgreSQL refuses one in a query: unknown, not a 500.
        partner = None if "\x00" in partner_slug else selectors.partner_get(partner_slug)
        if partner is None:
            warnings.append(
                warning(
                    "unknown_partner",
                    "partner",
                    f'No active partner has the embed id "{partner_slug}". Copy the embed code '
                    "from the Partner's page in the hub's admin (Snippets > Partners), or ask "
                    "the hub to create or reactivate the partner. Crisis lines are shown anyway; "
                    "search and the rest of the finder need a registered partner.",
                )
            )
    if not origin_registered(request, partner):
        origin = request.headers["Origin"]
        where = (
            f'the Partner "{partner.slug}"'
            if partner is not None
            else "a Partner (Snippets > Partners)"
        )
        warnings.append(
            warning(
                "origin_not_registered",
                "partner",
                f"This page's origin {origin} is not registered: add it to the allowed origins "
                f"of {where} in the hub's admin. Until then the browser blocks everything but "
                "the crisis lines and emergency numbers.",
            )
        )

    # An empty attribute is no attribute.
    raw_locale = query.get("locale", "").strip()
    asked = match_locale_code(raw_locale)
    if raw_locale and asked is None:
        warnings.append(
            warning(
                "unknown_locale",
                "locale",
                f'"{raw_locale}" is not one of the hub\'s languages '
                f"({', '.join(item['code'] for item in locale_list())}): set the locale "
                "attribute to one of them, or leave it out to follow the visitor's browser.",
            )
        )
    locale = asked or locale_from_accept_language(request.headers.get("Accept-Language"))
    if asked is None and "Accept-Language" not in request.headers:
        locale = (partner and match_locale_code(partner.default_locale)) or locale

    raw_country = query.get("country", "").strip()
    country = resolve_country(raw_country)
    if raw_country and country is None:
        warnings.append(
            warning(
                "unknown_country",
                "country",
                f'"{raw_country}" is not an ISO 3166-1 alpha-2 country code: set the country '
                "attribute to one such as GB, US or DE, or leave it out to use the partner's "
                "default country or the visitor's own.",
            )
        )
    if country is None and partner is not None:
        country = partner.default_country_id

    crisis = None
    if country is not None:
        with translation.override(locale):
            crisis = crisis_lines_body(
                request,
                country_code=country,
                locale=locale,
                content_locale=ContentLocale.resolve(locale),
            )
    return {
        **widget_config_body(partner=partner, locale=locale),
        "locales": locale_list(),
        "crisis": crisis,
        "warnings": warnings,
        "quick_exit_url": quick_exit_url(partner),
    }


def quick_exit_url(partner):
    """Where the quick exit leaves to: the partner's address, else ``QUICK_EXIT_URL``."""
    return (partner and partner.quick_exit_url) or roadcase_setting("QUICK_EXIT_URL")


class WarningSerializer(serializers.Serializer):
    code = serializers.ChoiceField(
        choices=["unknown_partner", "origin_not_registered", "unknown_country", "unknown_locale"]
    )
    field = serializers.ChoiceField(choices=["partner", "country", "locale"])
    message = serializers.CharField(help_text="What is wrong and how to fix it, in English.")


class StartCrisisSerializer(serializers.Serializer):
    country = CountrySerializer()
    locale = serializers.CharField()
    national_line_listed = serializers.BooleanField()
    results = CrisisLineSerializer(many=True)


class WidgetStartSerializer(WidgetConfigSerializer):
    locales = LocaleSerializer(many=True, help_text="As GET locales/ lists them.")
    crisis = StartCrisisSerializer(
        allow_null=True,
        help_text="As GET crisis-lines/?country=&locale= answers; null when no country could be "
        "determined (no valid country and no partner default).",
    )
    warnings = WarningSerializer(many=True)
    quick_exit_url = serializers.URLField()


class WidgetStartView(ContentView):
    """Everything the widget's first screen needs, in one request that is never refused for
    what the embed code says: the widget's configuration (as ``widget/{partner}/``), the hub's
    locales, the country's emergency numbers and crisis lines (as ``crisis-lines/``), the
    quick-exit address and ``warnings`` for the page's developer. Readable from any origin.
    """

    params_class = StartParams
    # Open now, in the crisis lines.
    time_sensitive = True
    keep_last_good = True
    # The origin_not_registered warning depends on the Origin header.
    vary_origin = True
    throttle_classes = [CrisisPathThrottle]
    throttle_cache_hits = False
    public_cors = True

    def cache_control(self):
        return (
            f"public, max-age={roadcase_setting('API_START_MAX_AGE')}, "
            f"stale-while-revalidate={roadcase_setting('API_START_STALE_WHILE_REVALIDATE')}, "
            f"stale-if-error={roadcase_setting('API_START_STALE_IF_ERROR')}"
        )

    @described(
        parameters=[StartParams],
        responses={200: WidgetStartSerializer, 429: ERROR_RESPONSES[429]},
        summary="The widget's first screen in one request, never refused",
        operation_id="widget_start",
    )
    def get(self, request, **kwargs):
        return serve_last_good_on_database_error(self, request, **kwargs)

    def build(self, request, params, partner=None):
        return widget_start(request, partner_slug=partner)


class PartnerWidgetStartView(WidgetStartView):
    @described(
        parameters=[StartParams],
        responses={200: WidgetStartSerializer, 429: ERROR_RESPONSES[429]},
        summary="A partner's widget: its first screen in one request, never refused",
        operation_id="widget_partner_start",
    )
    def get(self, request, **kwargs):
        return serve_last_good_on_database_error(self, request, **kwargs)
