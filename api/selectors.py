"""Reads behind the API: querysets with the joins and prefetches they need, and the step that
lays the requested locale over the source objects. Views call these and nothing else.

Only live content is ever returned: resources that are published and not past their expiry,
pages that are live and public. Filtering happens on the default-locale (source) objects.
"""

from dataclasses import dataclass
from datetime import UTC

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import (
    BooleanField,
    Case,
    ExpressionWrapper,
    F,
    IntegerField,
    Q,
    Value,
    When,
)
from django.utils import timezone

from cms.conf import roadcase_setting
from cms.hours import is_open, next_opening, parse_hours
from cms.languages import default_language_code
from cms.models import (
    ContactPoint,
    Country,
    EventKind,
    EventPage,
    EventStatus,
    GuidePage,
    Kind,
    Language,
    Organisation,
    Partner,
    Resource,
    Topic,
)
from cms.models.resources import URGENT_KINDS
from cms.verification.report import review_visibility_q

from .filter_terms import RELATIONS, WORLDWIDE, related_to_any, stored_terms, values_of
from .locales import overlay, translations_of
from .search import Found, search_resources

RESOURCE_FIELDS = ("name", "summary", "description", "hours_note", "eligibility", "confidentiality")
# What a resource's organisation, topics and contact points show in another locale.
NAME_FIELDS = ("name",)
CONTACT_POINT_FIELDS = ("label",)
CRISIS_PRIORITY = Case(
    When(kind=Kind.CRISIS_LINE, then=Value(0)),
    When(kind=Kind.HELPLINE, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def _live_resources():
    now = timezone.now()
    return (
        Resource.objects.filter(live=True)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        # ROADCASE["HIDE_OVERDUE_AFTER_DAYS"]: long-unverified resources are withheld.
        .filter(review_visibility_q())
    )


def resource_queryset(content_locale):
    """Live default-locale resources, to filter; ``load_resources`` loads what each shows."""
    return _live_resources().filter(locale_id=content_locale.default_locale_id)


def load_resources(queryset):
    """The resources of ``queryset`` with everything a resource object shows, in three
    queries: each with its organisation and stored terms, and its topics (by name) and
    contact points (in order) as plain lists (``topics_of``, ``contact_points_of``).

    Plain lists rather than Django's prefetch: building a related manager for every resource
    and every access cost more than the queries behind them (docs/performance.md, item 25).
    """
    resources = list(queryset.select_related("organisation").annotate(**stored_terms()).order_by())
    topics = {resource.pk: [] for resource in resources}
    points = {resource.pk: [] for resource in resources}
    if resources:
        ids = list(topics)
        listed = Topic.objects.filter(resources__in=ids).annotate(listed_for=F("resources"))
        for topic in listed.order_by("name", "pk"):
            topics[topic.listed_for].append(topic)
        for point in ContactPoint.objects.filter(resource_id__in=ids).order_by("sort_order", "pk"):
            points[point.resource_id].append(point)
    for resource in resources:
        resource.shown_topics = topics[resource.pk]
        resource.shown_contact_points = points[resource.pk]
    return resources


def topics_of(resource):
    """A resource's topics by name."""
    return _attached_or_related(resource, "shown_topics", "topics")


def contact_points_of(resource):
    """A resource's contact points in order."""
    return _attached_or_related(resource, "shown_contact_points", "contact_points")


def _attached_or_related(resource, attribute, relation):
    """The list ``load_resources`` attached as ``attribute``, else (a draft in a preview,
    which never went through it) the resource's in-memory ``relation``."""
    attached = getattr(resource, attribute, None)
    return list(getattr(resource, relation).all()) if attached is None else attached


def _language_codes(tags):
    """The Language codes ``tags`` match (``en`` matches ``en-GB``; ``pt-BR`` matches ``pt``),
    listed first, so the filter itself compares exact codes (the filter terms hold them).
    """
    condition = Q()
    for tag in tags:
        base = tag.split("-")[0]
        condition |= Q(code__iexact=tag) | Q(code__istartswith=f"{tag}-")
        if base != tag:
            condition |= Q(code__iexact=base)
    return list(Language.objects.filter(condition).values_list("code", flat=True))


# The list parameters that narrow a search beyond the country (which the search index
# applies itself; see api.search.SearchBackend).
NARROWING_FILTERS = ("language", "kind", "topic", "audience", "contact", "free", "open_now")


def resource_filters(*, params, at=None):
    """Default-locale resources allowed by the validated list parameters' filters (all but
    ``q``), unordered."""
    content_locale = params["content_locale"]
    queryset = resource_queryset(content_locale)
    if params.get("country"):
        queryset = queryset.filter(related_to_any("country", [params["country"], WORLDWIDE]))
    if params.get("language"):
        queryset = queryset.filter(related_to_any("language", _language_codes(params["language"])))
    if params.get("kind"):
        queryset = queryset.filter(kind__in=params["kind"])
    if params.get("topic"):
        topic_ids = Topic.objects.filter(
            slug__in=params["topic"], locale_id=content_locale.default_locale_id
        ).values_list("pk", flat=True)
        queryset = queryset.filter(related_to_any("topic", topic_ids))
    if params.get("audience"):
        queryset = queryset.filter(related_to_any("audience", [*params["audience"], "any"]))
    if params.get("contact"):
        queryset = queryset.filter(related_to_any("method", params["contact"]))
    if params.get("free") is not None:
        free = Q(cost="free")
        queryset = queryset.filter(free if params["free"] else ~free)
    if params.get("open_now") is not None:
        open_ids = _open_resource_ids(queryset, at or timezone.now())
        if params["open_now"]:
            queryset = queryset.filter(pk__in=open_ids)
        else:
            queryset = queryset.exclude(pk__in=open_ids)
    return queryset


def resource_listing(*, params, at=None):
    """The filtered resources in listing order: crisis lines, helplines, then the rest, by
    name."""
    return (
        resource_filters(params=params, at=at)
        .annotate(crisis_priority=CRISIS_PRIORITY)
        .order_by("crisis_priority", "name", "pk")
    )


def resource_page(*, params, offset, size):
    """One page of resources as a ``search.Found``: a search (``q``) through the search
    backend, best first, counted exactly up to a bound; otherwise the listing, counted."""
    text = params.get("q", "").strip()
    if text:
        return search_resources(
            text=text,
            resources=resource_filters(params=params),
            filtered=any(params.get(name) is not None for name in NARROWING_FILTERS)
            or bool(review_visibility_q()),
            content_locale=params["content_locale"],
            country=params.get("country"),
            offset=offset,
            size=size,
        )
    # Ordering by crisis priority visits every row: counted in the same pass.
    ids, count = page_ids(resource_listing(params=params), offset, size, count_in_window=True)
    return Found(ids, count, count_is_estimate=False, crisis_intent=False)


def page_ids(queryset, offset, size, *, count_in_window=False):
    """``(ids, count)``: the ids of one page of the ordered ``queryset`` (selected on narrow
    rows: no joins for the full objects before the sort; they are loaded afterwards by id) and
    the number of all its rows.

    ``count_in_window`` counts in the same query (``COUNT(*) OVER ()``): right when ordering
    must visit every match anyway (ranking a search, sorting by crisis priority), wrong when an
    index lets the page stop early (a listing in index order), where a separate count is
    cheaper. ``queryset`` must be ordered by field or annotation names.
    """
    narrow = queryset.select_related(None).prefetch_related(None)
    if not count_in_window:
        ids = list(narrow.values_list("pk", flat=True)[offset : offset + size])
        count = queryset.count() if ids or offset else 0
        return ids, count
    ordering = list(queryset.query.order_by)
    names = [name.removeprefix("-") for name in ordering]
    if "pk" not in names:
        names.append("pk")
    try:
        sql, params = narrow.order_by().values_list(*names).query.sql_with_params()
    except EmptyResultSet:  # a filter no row can meet (e.g. a language no resource has)
        return [], 0
    connection = connections[queryset.db]
    # The window counts the rows of a subquery of narrow columns, computed first; without
    # the OFFSET 0 fence PostgreSQL merges the two and drags every matching row's whole
    # search vector through the window, spilling it to disk (docs/performance.md).
    fence = " OFFSET 0" if connection.vendor == "postgresql" else ""
    order = ", ".join(
        f"{position}{' DESC' if name.startswith('-') else ''}"
        for position, name in enumerate(ordering, start=1)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT *, COUNT(*) OVER () FROM ({sql}{fence}) page "
            f"ORDER BY {order} LIMIT %s OFFSET %s",
            [*params, size, offset],
        )
        rows = cursor.fetchall()
    if rows:
        pk_at = names.index("pk")
        return [row[pk_at] for row in rows], rows[0][-1]
    # Past the end (or nothing matches): the count needs a query of its own.
    return [], queryset.count() if offset else 0


def narrowed(queryset):
    """``load(ids)`` for ``page_ids``: ``queryset`` restricted to those ids, unordered."""
    return lambda ids: queryset.filter(pk__in=ids).order_by()


def load_resources_by_id(ids):
    """The resources with these ids, as ``load_resources`` loads them, by id alone: for ids a
    query has just chosen through every filter (a page of ``resource_page``, the crisis lines
    shown)."""
    return load_resources(Resource.objects.filter(pk__in=ids))


def _open_resource_ids(queryset, at):
    """Ids of the resources in ``queryset`` open at ``at``, by the same rule as ``open_now``
    on each object (two queries, whatever the number of resources).
    """
    return _open_ids(queryset.order_by().values_list("pk", "hours", "time_zone"), at)


def _open_ids(rows, at):
    """Of ``(pk, hours, time_zone)`` rows, the pks open at ``at``: by their own hours, else by
    any of their contact points' hours (one query for those).
    """
    rows = list(rows)
    # Many rows share one hours text and zone: each pair is worked out once.
    opened = {}

    def open_at(hours, zone):
        if (hours, zone) not in opened:
            opened[hours, zone] = is_open(parse_hours(hours), zone, at)
        return opened[hours, zone]

    open_ids = {pk for pk, hours, zone in rows if hours and open_at(hours, zone)}
    zones_without_hours = {pk: zone for pk, hours, zone in rows if not hours}
    if not zones_without_hours:
        return open_ids
    points = ContactPoint.objects.filter(resource_id__in=list(zones_without_hours)).exclude(
        hours=""
    )
    for resource_id, hours in points.values_list("resource_id", "hours"):
        if open_at(hours, zones_without_hours[resource_id]):
            open_ids.add(resource_id)
    return open_ids


def resource_get(*, pk, content_locale):
    """One live default-locale resource by id (a translation's id finds its source), or None."""
    queryset = resource_queryset(content_locale)
    found = load_resources(queryset.filter(pk=pk))
    if not found:
        key = Resource.objects.filter(pk=pk).values_list("translation_key", flat=True).first()
        if key is not None:
            found = load_resources(queryset.filter(translation_key=key))
    return found[0] if found else None


def localize_resources(resources, content_locale, *, at=None):
    """Lay the requested locale over ``resources`` and compute their hours state at ``at``.

    A fixed number of queries whatever the number of resources: one per translated model.
    """
    resources = list(resources)
    at = at or timezone.now()
    translated = translations_of(Resource, resources, content_locale, fields=RESOURCE_FIELDS)
    points = [point for resource in resources for point in contact_points_of(resource)]
    translated_points = translations_of(
        ContactPoint, points, content_locale, live_only=False, fields=CONTACT_POINT_FIELDS
    )
    organisations = [r.organisation for r in resources if r.organisation]
    translated_orgs = translations_of(
        Organisation, organisations, content_locale, fields=NAME_FIELDS
    )
    topics = {t.pk: t for r in resources for t in topics_of(r)}.values()
    translated_topics = translations_of(Topic, list(topics), content_locale, fields=NAME_FIELDS)

    for topic in topics:
        overlay(topic, translated_topics.get(topic.translation_key), NAME_FIELDS, content_locale)
    for organisation in organisations:
        overlay(
            organisation,
            translated_orgs.get(organisation.translation_key),
            NAME_FIELDS,
            content_locale,
        )
    _attach_codes(resources)
    for resource in resources:
        translation = translated.get(resource.translation_key)
        overlay(resource, translation, RESOURCE_FIELDS, content_locale)
        for point in contact_points_of(resource):
            overlay(
                point,
                translated_points.get(point.translation_key) if translation else None,
                CONTACT_POINT_FIELDS,
                content_locale,
            )
        set_hours_state(resource, at)
    return resources


# attribute -> the term (``filter_terms.RELATIONS``) whose values it lists
CODE_RELATIONS = {
    "country_codes": "country",
    "language_codes": "language",
    "audience_slugs": "audience",
}


def _attach_codes(resources):
    """Set ``country_codes``, ``language_codes`` and ``audience_slugs`` (sorted) on each
    resource: from the filter terms loaded with it (PostgreSQL), else from the relation tables
    alone (the API shows only the codes; prefetching the related rows costs more in Python).
    """
    if all(hasattr(resource, "filter_terms") for resource in resources):
        for resource in resources:
            for attribute, term in CODE_RELATIONS.items():
                setattr(resource, attribute, values_of(resource.filter_terms, term))
        return
    by_pk = {resource.pk: resource for resource in resources}
    for attribute, term in CODE_RELATIONS.items():
        field, column = RELATIONS[term]
        codes = {pk: [] for pk in by_pk}
        through = Resource._meta.get_field(field).remote_field.through
        rows = through.objects.filter(resource_id__in=list(by_pk)).values_list(
            "resource_id", column
        )
        for resource_id, code in rows:
            codes[resource_id].append(code)
        for pk, resource in by_pk.items():
            setattr(resource, attribute, sorted(codes[pk]))


def set_hours_state(resource, at):
    """``open_now`` and ``next_opening``: from the resource's own hours when it has them, else
    from its contact points' hours (open when any is open); None when nothing has hours.
    """
    zone = resource.time_zone
    schedule = parse_hours(resource.hours)
    points = contact_points_of(resource)
    for point in points:
        point_schedule = parse_hours(point.hours)
        point.open_now = None if point_schedule is None else is_open(point_schedule, zone, at)
    if schedule is not None:
        resource.open_now = is_open(schedule, zone, at)
        resource.next_opening = next_opening(schedule, zone, at)
        return
    schedules = [parse_hours(p.hours) for p in points if p.hours]
    if not schedules:
        resource.open_now = resource.next_opening = None
        return
    resource.open_now = any(is_open(s, zone, at) for s in schedules)
    openings = [next_opening(s, zone, at) for s in schedules]
    openings = [o for o in openings if o is not None]
    resource.next_opening = None if resource.open_now or not openings else min(openings)


# The groups of the crisis-lines answer, in the order they are shown.
NATIONAL_CRISIS_LINE, NATIONAL_HELPLINE, WORLDWIDE_SERVICE = (
    "national_crisis_line",
    "national_helpline",
    "worldwide",
)
CRISIS_GROUPS = (NATIONAL_CRISIS_LINE, NATIONAL_HELPLINE, WORLDWIDE_SERVICE)


@dataclass
class CrisisLines:
    lines: list
    # Whether the directory lists any national crisis line or helpline for the country, shown
    # now or not (a helpline closed at this hour is still listed).
    national_line_listed: bool


def crisis_lines(*, country_code, content_locale, at=None) -> CrisisLines:
    """The lines a person in ``country_code`` can reach now, localized, each with its
    ``crisis_group``: national crisis lines, then national helplines open 24/7 or open now, then
    worldwide services (crisis lines, and helplines open 24/7 or now). Within a group: open now,
    then 24/7, then answering in the requested language, then by name.

    The order is worked out on narrow rows first, so only the lines shown (at most
    ``API_MAX_CRISIS_LINES``) are loaded with their relations and localized: a country can be
    served by hundreds of lines. A fixed number of queries.
    """
    at = at or timezone.now()
    queryset = resource_queryset(content_locale).filter(kind__in=URGENT_KINDS)
    queryset = queryset.filter(related_to_any("country", [country_code, WORLDWIDE]))
    base = content_locale.code.split("-")[0]
    speaks = ExpressionWrapper(
        related_to_any("language", _language_codes([base])), output_field=BooleanField()
    )
    rows = list(
        queryset.order_by()
        .annotate(speaks=speaks)
        .values_list("pk", "name", "kind", "hours", "worldwide", "time_zone", "speaks")
    )
    open_ids = _open_ids([(pk, hours, zone) for pk, _n, _k, hours, _w, zone, _s in rows], at)
    always_open_ids = _always_open_ids(rows)

    def group(row):
        pk, _name, kind, _hours, worldwide, _zone, _speaks = row
        reachable = pk in open_ids or pk in always_open_ids
        if worldwide:
            return WORLDWIDE_SERVICE if kind == Kind.CRISIS_LINE or reachable else None
        if kind == Kind.CRISIS_LINE:
            return NATIONAL_CRISIS_LINE
        return NATIONAL_HELPLINE if reachable else None

    grouped = [(group(row), row) for row in rows]

    def order(item):
        group_name, (pk, name, _kind, _hours, _world, _zone, speaks) = item
        return (
            CRISIS_GROUPS.index(group_name),
            pk not in open_ids,
            pk not in always_open_ids,
            not speaks,
            name,
            pk,
        )

    shown = sorted((item for item in grouped if item[0]), key=order)
    shown = shown[: roadcase_setting("API_MAX_CRISIS_LINES")]
    groups = {row[0]: group_name for group_name, row in shown}
    position = {pk: index for index, pk in enumerate(groups)}
    # Loaded by id alone: the filters above already chose them.
    resources = localize_resources(load_resources_by_id(list(groups)), content_locale, at=at)
    for resource in resources:
        resource.crisis_group = groups[resource.pk]
    return CrisisLines(
        lines=sorted(resources, key=lambda resource: position[resource.pk]),
        national_line_listed=any(not row[4] for row in rows),
    )


def _always_open_ids(rows):
    """Of the crisis-line rows, the pks open 24/7 by their own hours (or, with no hours of their
    own, by every contact point's: one query for those)."""
    always = set()
    without_hours = []
    for pk, _name, _kind, hours, _world, _zone, _speaks in rows:
        if hours:
            schedule = parse_hours(hours)
            if schedule and schedule.always_open:
                always.add(pk)
        else:
            without_hours.append(pk)
    if without_hours:
        point_hours = {}
        points = ContactPoint.objects.filter(resource_id__in=without_hours).exclude(hours="")
        for resource_id, hours in points.values_list("resource_id", "hours"):
            schedule = parse_hours(hours)
            point_hours.setdefault(resource_id, []).append(bool(schedule and schedule.always_open))
        always.update(pk for pk, flags in point_hours.items() if any(flags))
    return always


def country_get(code):
    """The Country row with its emergency numbers (an unsaved one if reference data lacks it)."""
    country = Country.objects.prefetch_related("emergency_numbers").filter(code=code).first()
    return country or Country(code=code)


def country_list():
    return list(Country.objects.prefetch_related("emergency_numbers"))


def topic_slugs():
    """Slugs of the default locale's topics: the values ``?topic=`` accepts."""
    return sorted(
        Topic.objects.filter(locale__language_code=default_language_code()).values_list(
            "slug", flat=True
        )
    )


def topic_list(content_locale):
    topics = list(Topic.objects.filter(locale_id=content_locale.default_locale_id))
    translated = translations_of(Topic, topics, content_locale)
    for topic in topics:
        overlay(
            topic, translated.get(topic.translation_key), ("name", "description"), content_locale
        )
    return topics


def partner_get(slug):
    return Partner.objects.select_related("default_country").filter(slug=slug, active=True).first()


def active_partner_origins():
    origins = set()
    for text in Partner.objects.filter(active=True).values_list("allowed_origins", flat=True):
        origins.update(line.strip().rstrip("/").lower() for line in text.splitlines() if line)
    return origins


# Pages -------------------------------------------------------------------------------------


def _live_public(queryset):
    """Live pages without view restrictions (private pages are never served), and none past
    its expiry: the periodic job unpublishes those, but until it runs they are already gone."""
    now = timezone.now()
    not_expired = Q(expire_at__isnull=True) | Q(expire_at__gt=now)
    return queryset.live().public().filter(not_expired)


GUIDE_FIELDS = ("title", "intro", "chapters")


def guide_queryset(content_locale):
    return (
        _live_public(GuidePage.objects.filter(locale_id=content_locale.default_locale_id))
        .prefetch_related("roles", "topics")
        .order_by("path")
    )


def guide_get(*, slug, content_locale):
    """A live guide by its slug in any locale, as its default-locale source."""
    queryset = guide_queryset(content_locale)
    guide = queryset.filter(slug=slug).first()
    if guide is None:
        keys = GuidePage.objects.filter(slug=slug).values("translation_key")
        guide = queryset.filter(translation_key__in=keys).first()
    return guide


def localize_pages(pages, model, fields, content_locale):
    """Lay the requested locale over ``pages`` of ``model`` (``fields``) and their topics'
    names; each gets ``served_page``, the page to link to (its live translation, else itself)."""
    pages = list(pages)
    translated = translations_of(model, pages, content_locale)
    topics = {t.pk: t for page in pages for t in page.topics.all()}.values()
    translated_topics = translations_of(Topic, list(topics), content_locale, fields=NAME_FIELDS)
    for topic in topics:
        overlay(topic, translated_topics.get(topic.translation_key), NAME_FIELDS, content_locale)
    for page in pages:
        translation = translated.get(page.translation_key)
        overlay(page, translation, fields, content_locale)
        page.served_page = translation or page
    return pages


def localize_guides(guides, content_locale):
    return localize_pages(guides, GuidePage, GUIDE_FIELDS, content_locale)


def resources_by_key(keys, content_locale):
    """Live resources (localized) by translation key, for resources referenced from guides."""
    resources = load_resources(resource_queryset(content_locale).filter(translation_key__in=keys))
    return {r.translation_key: r for r in localize_resources(resources, content_locale)}


EVENT_FIELDS = ("title", "summary", "description", "venue", "city", "accessibility_notes")


def event_search(*, params, now=None):
    """Live default-locale events matching the validated parameters, soonest first; upcoming
    (not yet ended) unless ``from`` or ``to`` says otherwise.
    """
    from datetime import datetime, time, timedelta

    content_locale = params["content_locale"]
    queryset = _live_public(
        EventPage.objects.filter(locale_id=content_locale.default_locale_id)
    ).select_related("country")
    start, end = params.get("from"), params.get("to")
    if start:
        queryset = queryset.filter(ends_at__gte=datetime.combine(start, time.min, tzinfo=UTC))
    if end:
        queryset = queryset.filter(
            starts_at__lt=datetime.combine(end + timedelta(days=1), time.min, tzinfo=UTC)
        )
    if not start and not end:
        queryset = queryset.filter(ends_at__gte=now or timezone.now())
    if params.get("country"):
        queryset = queryset.filter(country_id=params["country"])
    if params.get("city"):
        queryset = queryset.filter(city__iexact=params["city"].strip())
    if params.get("kind"):
        queryset = queryset.filter(kind__in=params["kind"])
    if params.get("online") is not None:
        online = Q(kind=EventKind.ONLINE_SESSION) | Q(status=EventStatus.MOVED_ONLINE)
        queryset = queryset.filter(online if params["online"] else ~online)
    return queryset.order_by("starts_at", "pk")


def localize_events(events, content_locale):
    events = list(events)
    translated = translations_of(EventPage, events, content_locale)
    for event in events:
        translation = translated.get(event.translation_key)
        overlay(event, translation, EVENT_FIELDS, content_locale)
        event.served_page = translation or event
    return events
