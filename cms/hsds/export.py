"""The HSDS 3.0 export document: every live resource of the default locale as a service, with
the organizations, taxonomies and taxonomy terms they refer to. Its content depends only on
the directory (no timestamps), so exporting twice gives the same document.
"""

from django.db.models import Prefetch
from wagtail.models import Locale

from ..models import ContactPoint, Resource
from .mapping import (
    HSDS_VERSION,
    TAXONOMIES,
    organization_to_hsds,
    service_to_hsds,
    static_terms,
    taxonomy,
    topic_term,
)
from .validation import schema_errors


def exported_resources():
    """The live default-locale resources, with everything the mapping reads prefetched."""
    return (
        Resource.objects.filter(locale=Locale.get_default(), live=True)
        .select_related("organisation")
        .prefetch_related(
            "topics",
            "audiences",
            "countries",
            "languages",
            Prefetch("contact_points", queryset=ContactPoint.objects.order_by("sort_order")),
        )
    )


def hsds_document(resources=None) -> dict:
    resources = list(exported_resources() if resources is None else resources)
    services = sorted((service_to_hsds(r) for r in resources), key=lambda s: s["id"])
    organisations = {r.organisation.pk: r.organisation for r in resources if r.organisation}
    topics = {t.pk: t for r in resources for t in r.topics.all()}
    terms = static_terms() + sorted((topic_term(t) for t in topics.values()), key=_term_key)
    return {
        "hsds_version": HSDS_VERSION,
        "services": services,
        "organizations": sorted(
            (organization_to_hsds(o) for o in organisations.values()), key=lambda o: o["id"]
        ),
        "taxonomies": [taxonomy(key) for key in TAXONOMIES],
        "taxonomy_terms": sorted(terms, key=_term_key),
    }


def _term_key(term):
    return (term["taxonomy"], term["code"])


def document_errors(document: dict) -> list[tuple[str, str]]:
    """Schema errors of an export document, each with its path (``services[3].phones[0]``)."""
    errors = []
    if not isinstance(document, dict):
        return [("", "An HSDS document is a JSON object with a 'services' list.")]
    for key, schema in (
        ("services", "service"),
        ("organizations", "organization"),
        ("taxonomies", "taxonomy"),
        ("taxonomy_terms", "taxonomy_term"),
    ):
        items = document.get(key, [])
        if not isinstance(items, list):
            errors.append((key, "must be a list."))
            continue
        for index, item in enumerate(items):
            errors += schema_errors(item, schema, f"{key}[{index}]")
    return errors
