"""Reads behind the HSDS API: the live default-locale directory, filtered as HSDS asks."""

import uuid
from types import SimpleNamespace

from django.db.models import Q
from wagtail.models import Locale

from api.selectors import _live_resources
from cms.hsds.export import exported_resources
from cms.hsds.mapping import (
    TAXONOMIES,
    audience_term,
    kind_term,
    service_id,
    stable_id,
    static_terms,
    taxonomy,
    topic_term,
)
from cms.models import Audience, Kind, Organisation, Resource, Topic


def service_queryset():
    """Live default-locale resources as the public API shows them (same visibility rules)."""
    return exported_resources().filter(pk__in=_live_resources().values("pk"))


def service_search(*, params):
    queryset = service_queryset()
    text = (params.get("search") or "").strip()
    if text:
        queryset = queryset.filter(
            Q(name__icontains=text) | Q(summary__icontains=text) | Q(description__icontains=text)
        )
    if params.get("organization_id"):
        queryset = queryset.filter(organisation__translation_key=params["organization_id"])
    if params.get("modified_after"):
        queryset = queryset.filter(updated_at__gte=params["modified_after"])
    # Conditions across many-to-many relations select ids, so no service is listed twice.
    if params.get("taxonomy_term_id"):
        condition = _term_condition(str(params["taxonomy_term_id"]))
        queryset = queryset.filter(pk__in=Resource.objects.filter(condition).values("pk"))
    if params.get("taxonomy_id"):
        condition = _taxonomy_condition(str(params["taxonomy_id"]))
        queryset = queryset.filter(pk__in=Resource.objects.filter(condition).values("pk"))
    return queryset.order_by("name", "pk")


def _term_condition(term_id):
    kinds = [kind for kind in Kind.values if kind_term(kind)["id"] == term_id]
    audiences = [slug for slug in Audience.CHOICES if audience_term(slug)["id"] == term_id]
    condition = Q(topics__translation_key=term_id)
    if kinds:
        condition |= Q(kind__in=kinds)
    if audiences:
        condition |= Q(audiences__slug__in=audiences)
    return condition


def _taxonomy_condition(taxonomy_id):
    if taxonomy_id == stable_id("taxonomy", "kind"):
        return Q()
    if taxonomy_id == stable_id("taxonomy", "topic"):
        return Q(topics__isnull=False)
    if taxonomy_id == stable_id("taxonomy", "audience"):
        return Q(audiences__isnull=False)
    if taxonomy_id == stable_id("taxonomy", "field"):
        return Q()
    return Q(pk__in=[])


def service_get(hsds_id):
    """A live service by its HSDS id (see ``cms.hsds.mapping.service_id``), or None: one query
    for the ids of the live services, one for the match with its relations.
    """
    queryset = service_queryset()
    rows = queryset.order_by().values_list("pk", "external_id", "translation_key")
    for pk, external_id, key in rows:
        if (
            service_id(SimpleNamespace(external_id=external_id, translation_key=key))
            == hsds_id.lower()
        ):
            return queryset.get(pk=pk)
    return None


def _uuid(value):
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def organisation_queryset():
    """Default-locale organisations behind at least one live resource."""
    live = service_queryset().values("organisation_id")
    return Organisation.objects.filter(locale=Locale.get_default(), pk__in=live).select_related(
        "country"
    )


def organisation_search(*, params):
    queryset = organisation_queryset()
    text = (params.get("search") or "").strip()
    if text:
        queryset = queryset.filter(Q(name__icontains=text) | Q(description__icontains=text))
    return queryset.order_by("name", "pk")


def organisation_get(hsds_id):
    key = _uuid(hsds_id)
    return organisation_queryset().filter(translation_key=key).first() if key else None


def taxonomy_list(*, params):
    items = [taxonomy(key) for key in TAXONOMIES]
    return _search(items, params)


def term_list(*, params):
    topics = Topic.objects.filter(locale=Locale.get_default()).order_by("slug")
    items = static_terms() + [topic_term(topic) for topic in topics]
    if params.get("taxonomy_id"):
        items = [t for t in items if t["taxonomy_id"] == str(params["taxonomy_id"])]
    if params.get("parent_id"):  # Roadcase's taxonomies are flat: no term has a parent
        items = []
    return _search(items, params)


def _search(items, params):
    text = (params.get("search") or "").strip().lower()
    if text:
        items = [i for i in items if text in i["name"].lower() or text in i["description"].lower()]
    return items


def term_get(term_id):
    return next((t for t in term_list(params={}) if t["id"] == term_id), None)


def taxonomy_get(taxonomy_id):
    return next((t for t in taxonomy_list(params={}) if t["id"] == taxonomy_id), None)
