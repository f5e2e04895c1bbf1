"""API views: parse parameters, call a selector, render with an output serializer. Every GET goes
through ``ContentView``, which resolves the locale, caches the rendered body and answers
conditional requests (see caching.py).
"""

import logging
from urllib.parse import urlencode

from django.db import DatabaseError
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.utils.urls import remove_query_param, replace_query_param

from cms.concierge.fields import concierge_key_problem
from cms.conf import roadcase_setting
from cms.models import ContactMethod, Kind

from . import selectors
from .base import PublicAPIView, described
from .caching import cached_body, cached_response, conditional_response, last_good_response
from .cors import allow_any_origin
from .events import event_calendar
from .guides import guide_chapters
from .locales import direction, match_locale_code, request_locale
from .params import (
    CrisisLineParams,
    EventFeedParams,
    EventListParams,
    GuideListParams,
    Params,
    ResourceListParams,
    declared_query,
)
from .serializers import (
    CountrySerializer,
    CrisisLineSerializer,
    EventSerializer,
    GuideSerializer,
    GuideSummarySerializer,
    LocaleSerializer,
    ResourceSerializer,
    TopicSerializer,
    WidgetConfigSerializer,
    locale_list,
    page_url,
)
from .throttling import CrisisPathThrottle, ReadThrottle, WriteThrottle

logger = logging.getLogger(__name__)

ERROR_RESPONSES = {
    400: OpenApiResponse(OpenApiTypes.OBJECT, description="A parameter is not valid."),
    404: OpenApiResponse(OpenApiTypes.OBJECT, description="Not found."),
    429: OpenApiResponse(OpenApiTypes.OBJECT, description="Too many requests."),
}


class ContentView(PublicAPIView):
    """A cached, conditional, locale-aware GET. Subclasses implement ``build``."""

    params_class = Params
    throttle_classes = [ReadThrottle, WriteThrottle]
    # Responses holding "open now" change with the clock: cache them per minute.
    time_sensitive = False
    # Keep the last answer to each request for ``last_good_response`` (the crisis path).
    keep_last_good = False
    # Whether the body depends on the Origin header (it is then keyed and varied on it).
    vary_origin = False
    # Whether an answer from the response cache counts against the throttles. The crisis path
    # says no: a hit costs no query, and thousands of phones behind one festival Wi-Fi address
    # must all get the numbers; only misses (which reach the database) are counted.
    throttle_cache_hits = True
    # Public safety data: readable from any origin (api/cors.py).
    public_cors = False

    def cache_control(self):
        """The Cache-Control of this view's answers; None: the API's default."""
        return None

    def dispatch(self, request, *args, **kwargs):
        response = self.dispatch_cached(request, *args, **kwargs)
        return allow_any_origin(response) if self.public_cors else response

    def dispatch_cached(self, request, *args, **kwargs):
        # A cache hit is answered before DRF wraps, negotiates and validates the request: it
        # needs none of that, and most of the API's traffic is hits. Throttles still apply.
        if request.method == "GET":
            response = cached_response(
                request,
                params_class=self.params_class,
                time_sensitive=self.time_sensitive,
                vary_origin=self.vary_origin,
                cache_control=self.cache_control(),
            )
            if response is not None and (
                not self.throttle_cache_hits or self.throttles_allow(request)
            ):
                return response
        return super().dispatch(request, *args, **kwargs)

    def throttles_allow(self, request):
        """Whether the throttles let ``request`` through (and count it). When one refuses, the
        full path answers, with DRF's 429 and its Retry-After."""
        throttles = self.get_throttles()
        if not throttles:
            return True
        drf_request = Request(request)
        return all(throttle.allow_request(drf_request, self) for throttle in throttles)

    def get(self, request, **kwargs):
        def render():
            params = self.params_class.parse(request)
            with translation.override(params["locale"]):
                data = self.build(request, params, **kwargs)
            return JSONRenderer().render(data), "application/json"

        entry, last_modified = cached_body(
            request,
            render,
            params_class=self.params_class,
            time_sensitive=self.time_sensitive,
            keep_last_good=self.keep_last_good,
            vary_origin=self.vary_origin,
        )
        return conditional_response(
            request,
            entry,
            last_modified,
            cache_control=self.cache_control(),
            vary_origin=self.vary_origin,
        )

    def build(self, request, params, **kwargs):
        raise NotImplementedError


def not_found(request, *args, **kwargs):
    with translation.override(request_locale(request)):
        return JsonResponse({"detail": str(_("Not found."))}, status=404)


def paginate(request, params, *, params_class, select, load):
    """``(items, envelope)``: one page and the list envelope without results. A page past the
    end is empty rather than an error. ``select(offset, size)`` gives the page's ids in order
    and the count of all (``selectors.page_ids``), and may add whether that count is only a
    lower bound (a search's); ``load(ids)`` fetches their objects, in any order. Links to other
    pages carry the parameters ``params_class`` declares, no others.
    """
    size = min(
        params.get("page_size") or roadcase_setting("API_PAGE_SIZE"),
        roadcase_setting("API_MAX_PAGE_SIZE"),
    )
    page = params.get("page") or 1
    offset = (page - 1) * size
    ids, count, *estimate = select(offset, size)
    loaded = {item.pk: item for item in load(ids)}
    items = [loaded[pk] for pk in ids if pk in loaded]
    query = urlencode(declared_query(params_class, request))
    url = request.build_absolute_uri(request.path) + (f"?{query}" if query else "")
    # Beyond an estimated count there may be more: a full page links the next one.
    more = offset + size < count or (any(estimate) and len(ids) == size)
    envelope = {
        "count": count,
        "next": replace_query_param(url, "page", page + 1) if more else None,
        "previous": None,
        "locale": params["locale"],
    }
    if page > 1:
        previous = min(page - 1, max(1, -(-count // size)))
        envelope["previous"] = (
            remove_query_param(url, "page")
            if previous == 1
            else replace_query_param(url, "page", previous)
        )
    return items, envelope


def list_envelope(name, item_serializer, **extra):
    return inline_serializer(
        name=name,
        fields={
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "locale": serializers.CharField(),
            **extra,
            "results": item_serializer(many=True),
        },
    )


def locale_envelope(name, item_serializer, **extra):
    return inline_serializer(
        name=name,
        fields={"locale": serializers.CharField(), "results": item_serializer(many=True), **extra},
    )


class ResourceListView(ContentView):
    """Search and filter the directory. Filters combine with AND; comma-separated values
    within one filter with OR. A country matches resources serving it and worldwide ones.
    A search (``q``) is ordered by relevance, its count is exact up to a bound
    (``count_is_estimate`` beyond it), and a query that signals a crisis puts crisis lines
    first (``crisis_intent``). Without ``q``: crisis lines and helplines first, then by name.
    """

    params_class = ResourceListParams
    time_sensitive = True

    @described(
        parameters=[ResourceListParams],
        responses={
            200: list_envelope(
                "ResourceList",
                ResourceSerializer,
                count_is_estimate=serializers.BooleanField(
                    help_text="True when count is a lower bound: a search counts its matches "
                    "exactly only up to a limit (1,000 by default). Pages go on past it."
                ),
                crisis_intent=serializers.BooleanField(
                    help_text="True when the search words signal someone may be at risk: "
                    "crisis lines come first; show the emergency number prominently."
                ),
            ),
            **ERROR_RESPONSES,
        },
        summary="Search the directory",
        operation_id="resources_list",
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request, params):
        content_locale = params["content_locale"]
        found = {}

        def select(offset, size):
            page = found["page"] = selectors.resource_page(params=params, offset=offset, size=size)
            return page.ids, page.count, page.count_is_estimate

        items, envelope = paginate(
            request,
            params,
            params_class=self.params_class,
            select=select,
            load=selectors.load_resources_by_id,
        )
        envelope["count_is_estimate"] = found["page"].count_is_estimate
        envelope["crisis_intent"] = found["page"].crisis_intent
        resources = selectors.localize_resources(items, content_locale)
        context = {"request": request, "locale": params["locale"]}
        envelope["results"] = ResourceSerializer(resources, many=True, context=context).data
        return envelope


class ResourceDetailView(ContentView):
    """One live resource by id (the id of any of its translations finds it too)."""

    time_sensitive = True

    @described(
        parameters=[Params],
        responses={200: ResourceSerializer, **ERROR_RESPONSES},
        summary="One resource",
        operation_id="resources_retrieve",
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request, params, pk):
        resource = selectors.resource_get(pk=pk, content_locale=params["content_locale"])
        if resource is None:
            raise NotFound(_("No live resource has this id."))
        [resource] = selectors.localize_resources([resource], params["content_locale"])
        return ResourceSerializer(resource, context={"request": request}).data


class CrisisLinesView(ContentView):
    """What a person in a country can reach now: its emergency numbers (labelled, a number for
    every service first), then, each marked with its group, the national crisis lines, the
    national helplines open 24/7 or open now, and worldwide services. Answers for every valid
    country; ``national_line_listed`` is false when the hub lists no national line for it yet,
    so a client can say so rather than imply the worldwide services are local.
    """

    params_class = CrisisLineParams
    time_sensitive = True
    keep_last_good = True
    throttle_classes = [CrisisPathThrottle]
    throttle_cache_hits = False
    public_cors = True

    @described(
        parameters=[CrisisLineParams],
        responses={
            200: locale_envelope(
                "CrisisLines",
                CrisisLineSerializer,
                country=CountrySerializer(),
                national_line_listed=serializers.BooleanField(
                    help_text="Whether any national crisis line or helpline is listed."
                ),
            ),
            **ERROR_RESPONSES,
        },
        summary="Emergency numbers and crisis lines for a country",
        operation_id="crisis_lines",
    )
    def get(self, request, **kwargs):
        # While the database cannot answer (a restart, a failover), the last answer to this
        # very request in the past day is better than an error to someone in crisis.
        return serve_last_good_on_database_error(self, request, **kwargs)

    def build(self, request, params):
        return crisis_lines_body(
            request,
            country_code=params["country"],
            locale=params["locale"],
            content_locale=params["content_locale"],
        )


def serve_last_good_on_database_error(view, request, **kwargs):
    """``ContentView.get`` for the crisis path: while the database cannot answer (a restart, a
    failover), the last answer to this very request in the past day is better than an error to
    someone in crisis."""
    try:
        return ContentView.get(view, request, **kwargs)
    except DatabaseError:
        stale = last_good_response(
            request, params_class=view.params_class, vary_origin=view.vary_origin
        )
        if stale is None:
            raise
        logger.warning("%s served from the last good copy: database unavailable", request.path)
        return stale


def crisis_lines_body(request, *, country_code, locale, content_locale):
    """The body of ``GET crisis-lines/?country=&locale=`` (also the widget start's ``crisis``)."""
    country = selectors.country_get(country_code)
    found = selectors.crisis_lines(country_code=country_code, content_locale=content_locale)
    context = {"request": request, "locale": locale}
    return {
        "country": CountrySerializer(country, context=context).data,
        "locale": locale,
        "national_line_listed": found.national_line_listed,
        "results": CrisisLineSerializer(found.lines, many=True, context=context).data,
    }


class TopicListView(ContentView):
    """Every topic, named in the requested locale."""

    @described(
        parameters=[Params],
        responses={200: locale_envelope("TopicList", TopicSerializer), **ERROR_RESPONSES},
        summary="Topics",
        operation_id="topics_list",
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request, params):
        topics = selectors.topic_list(params["content_locale"])
        return {"locale": params["locale"], "results": TopicSerializer(topics, many=True).data}


class CountryListView(ContentView):
    """Every ISO 3166-1 country with its name in the requested locale and its emergency
    numbers, sorted by name.
    """

    @described(
        parameters=[Params],
        responses={200: locale_envelope("CountryList", CountrySerializer), **ERROR_RESPONSES},
        summary="Countries with their names in the locale and emergency numbers",
        operation_id="countries_list",
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request, params):
        context = {"locale": params["locale"]}
        results = CountrySerializer(selectors.country_list(), many=True, context=context).data
        results = sorted(results, key=lambda c: c["name"].casefold())
        return {"locale": params["locale"], "results": results}


class LocaleListView(ContentView):
    """The hub's content locales with their own names and writing direction."""

    @described(
        parameters=[Params],
        responses={200: locale_envelope("LocaleList", LocaleSerializer), **ERROR_RESPONSES},
        summary="The hub's content locales",
        operation_id="locales_list",
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request, params):
        return {"locale": params["locale"], "results": locale_list()}


def widget_strings():
    """The widget's UI catalog (widget/strings.py), rendered in the active language."""
    from widget.strings import WIDGET_STRINGS

    return {key: str(text) for key, text in WIDGET_STRINGS.items()}


class WidgetConfigView(ContentView):
    """What the widget needs to start: the partner's defaults (if any), the UI strings in the
    locale, and the kinds and contact methods with their labels. Without ``?locale=`` or
    Accept-Language, a partner's default locale is used.
    """

    @described(
        parameters=[Params],
        responses={200: WidgetConfigSerializer, **ERROR_RESPONSES},
        summary="The widget's UI strings and choices, with no partner",
        operation_id="widget_config",
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request, params, partner=None):
        found = None
        if partner is not None:
            found = selectors.partner_get(partner)
            if found is None:
                raise NotFound(_("No active partner has this embed id."))
        locale = params["locale"]
        asked = "locale" in request.query_params or "Accept-Language" in request.headers
        if found and not asked and match_locale_code(found.default_locale):
            locale = match_locale_code(found.default_locale)
        return widget_config_body(partner=found, locale=locale)


def widget_config_body(*, partner, locale):
    """The body of ``GET widget/{partner}/`` (also the first fields of the widget start's)."""
    with translation.override(locale):
        data = {
            "partner": partner,
            "locale": locale,
            "direction": direction(locale),
            "strings": widget_strings(),
            "kinds": [{"value": v, "label": str(label)} for v, label in Kind.choices],
            "contact_methods": [
                {"value": v, "label": str(label)} for v, label in ContactMethod.choices
            ],
            "concierge_available": concierge_key_problem() is None,
        }
    return WidgetConfigSerializer(data).data


class PartnerWidgetConfigView(WidgetConfigView):
    @described(
        parameters=[Params],
        responses={200: WidgetConfigSerializer, **ERROR_RESPONSES},
        summary="A partner's widget defaults, the widget's UI strings and choices",
        operation_id="widget_partner_config",
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)


class GuideListView(ContentView):
    """Live guides, without their chapters."""

    params_class = GuideListParams

    @described(
        parameters=[GuideListParams],
        responses={200: list_envelope("GuideList", GuideSummarySerializer), **ERROR_RESPONSES},
        summary="Guides",
        operation_id="guides_list",
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request, params):
        content_locale = params["content_locale"]
        guides = selectors.guide_queryset(content_locale)
        items, envelope = paginate(
            request,
            params,
            params_class=self.params_class,
            select=lambda offset, size: selectors.page_ids(guides, offset, size),
            load=selectors.narrowed(guides),
        )
        guides = selectors.localize_guides(items, content_locale)
        context = {"request": request}
        envelope["results"] = GuideSummarySerializer(guides, many=True, context=context).data
        return envelope


class GuideDetailView(ContentView):
    """One guide with its chapters as typed blocks: text and callouts as sanitized HTML
    (links expanded to absolute URLs), tools with steps, quotes, and lists of live
    resources.
    """

    # A guide's resource blocks show "open now".
    time_sensitive = True

    @described(
        parameters=[Params],
        responses={200: GuideSerializer, **ERROR_RESPONSES},
        summary="One guide, its chapters as structured blocks",
        operation_id="guides_retrieve",
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request, params, slug):
        content_locale = params["content_locale"]
        # No slug holds a NUL, and PostgreSQL refuses one in a query: not found, not a 500.
        guide = (
            None
            if "\x00" in slug
            else selectors.guide_get(slug=slug, content_locale=content_locale)
        )
        if guide is None:
            raise NotFound(_("No live guide has this slug."))
        [guide] = selectors.localize_guides([guide], content_locale)
        chapters = guide_chapters(guide, content_locale=content_locale, request=request)
        context = {"request": request, "chapters": chapters}
        return GuideSerializer(guide, context=context).data


class EventListView(ContentView):
    """Events soonest first: upcoming (not yet ended) by default, or those overlapping
    from/to. Each carries its schema.org Event as JSON-LD.
    """

    params_class = EventListParams
    time_sensitive = True

    @described(
        parameters=[EventListParams],
        responses={200: list_envelope("EventList", EventSerializer), **ERROR_RESPONSES},
        summary="Events (upcoming unless from/to say otherwise)",
        operation_id="events_list",
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request, params):
        content_locale = params["content_locale"]
        events = selectors.event_search(params=params)
        items, envelope = paginate(
            request,
            params,
            params_class=self.params_class,
            select=lambda offset, size: selectors.page_ids(events, offset, size),
            load=selectors.narrowed(events),
        )
        events = selectors.localize_events(items, content_locale)
        context = {"request": request, "locale": params["locale"]}
        envelope["results"] = EventSerializer(events, many=True, context=context).data
        return envelope


class EventFeedView(ContentView):
    """The same events as an RFC 5545 iCalendar feed: times in each event's own zone with
    VTIMEZONE, stable UIDs, cancelled events as STATUS:CANCELLED.
    """

    params_class = EventFeedParams
    time_sensitive = True

    @described(
        parameters=[EventFeedParams],
        responses={
            (200, "text/calendar"): OpenApiResponse(OpenApiTypes.STR, description="iCalendar"),
            **ERROR_RESPONSES,
        },
        summary="Events as an iCalendar feed (same filters as the list)",
        operation_id="events_feed",
    )
    def get(self, request, **kwargs):
        def render():
            params = self.params_class.parse(request)
            content_locale = params["content_locale"]
            with translation.override(params["locale"]):
                events = selectors.localize_events(
                    selectors.event_search(params=params)[:500], content_locale
                )
                body = event_calendar(
                    events,
                    host=request.get_host().split(":")[0],
                    locale=params["locale"],
                    url_for=lambda e: page_url(e.served_page, request),
                )
            return body, "text/calendar; charset=utf-8"

        entry, last_modified = cached_body(
            request, render, params_class=self.params_class, time_sensitive=True
        )
        return conditional_response(request, entry, last_modified)
