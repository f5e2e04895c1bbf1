"""HSDS API views: parse parameters, select, map with ``cms.hsds.mapping``, and answer through
the API's response cache and conditional requests like every other endpoint.
"""

import math

from rest_framework.exceptions import NotFound
from rest_framework.renderers import JSONRenderer

from api.base import PublicAPIView
from api.caching import cached_body, conditional_response
from api.throttling import ReadThrottle
from cms.conf import roadcase_setting
from cms.hsds.mapping import HSDS_VERSION, organization_to_hsds, service_to_hsds
from cms.hsds.validation import BASE_URI

from . import params as p
from . import selectors

# The list endpoints return "only one-to-one fields" unless asked for full objects.
LIST_FIELDS = {"phones", "schedules", "service_areas", "service_at_locations", "languages"}
LIST_FIELDS |= {"contacts", "attributes", "organization", "locations", "services"}


class HsdsView(PublicAPIView):
    params_class = p.HsdsParams
    throttle_classes = [ReadThrottle]
    # Described by HSDS's own OpenAPI document, not Roadcase's /api/v1/schema/.
    schema = None

    def get(self, request, **kwargs):
        def render():
            params = self.params_class.parse(request)
            return JSONRenderer().render(self.build(request, params, **kwargs)), "application/json"

        entry, last_modified = cached_body(request, render, params_class=self.params_class)
        return conditional_response(request, entry, last_modified)

    def build(self, request, params, **kwargs):
        raise NotImplementedError


def page(items, params, render):
    """The HSDS ``Page`` envelope around one page of ``items`` (a queryset or a list)."""
    size = params.get("per_page") or roadcase_setting("API_PAGE_SIZE")
    number = params.get("page", 1)
    total = items.count() if hasattr(items, "count") and not isinstance(items, list) else len(items)
    contents = [render(item) for item in items[(number - 1) * size : number * size]]
    pages = max(1, math.ceil(total / size))
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number >= pages,
        "empty": total == 0,
        "contents": contents,
    }


def one_to_one(data):
    return {key: value for key, value in data.items() if key not in LIST_FIELDS}


def api_service(resource, *, full=True):
    data = service_to_hsds(resource, nested_organization=full)
    data["last_modified"] = resource.updated_at.isoformat()
    return data if full else one_to_one(data)


class MetaView(HsdsView):
    def build(self, request, params):
        return {
            "version": HSDS_VERSION,
            "profile": "https://openreferral.org/",
            "openapi_url": BASE_URI + "openapi.json",
        }


class ServiceListView(HsdsView):
    params_class = p.ServiceListParams

    def build(self, request, params):
        queryset = selectors.service_search(params=params)
        if params["minimal"]:
            return page(
                queryset,
                params,
                lambda r: {
                    "id": service_to_hsds(r)["id"],
                    "last_modified": r.updated_at.isoformat(),
                },
            )
        return page(queryset, params, lambda r: api_service(r, full=params["full"]))


class ServiceDetailView(HsdsView):
    def build(self, request, params, id):
        resource = selectors.service_get(id)
        if resource is None:
            raise NotFound()
        return api_service(resource)


def api_organization(organisation, *, full=False, full_service=False):
    data = organization_to_hsds(organisation)
    if full or full_service:
        services = selectors.service_queryset().filter(organisation=organisation)
        data["services"] = [
            api_service(r, full=False) if full_service else {"id": service_to_hsds(r)["id"]}
            for r in services.order_by("name", "pk")
        ]
    return data if full or full_service else one_to_one(data)


class OrganizationListView(HsdsView):
    params_class = p.OrganizationListParams

    def build(self, request, params):
        return page(
            selectors.organisation_search(params=params),
            params,
            lambda o: api_organization(o, full=params["full"], full_service=params["full_service"]),
        )


class OrganizationDetailView(HsdsView):
    params_class = p.OrganizationParams

    def build(self, request, params, id):
        organisation = selectors.organisation_get(id)
        if organisation is None:
            raise NotFound()
        return api_organization(organisation, full=True, full_service=params["full_service"])


class TaxonomyListView(HsdsView):
    params_class = p.PageParams

    def build(self, request, params):
        return page(selectors.taxonomy_list(params=params), params, lambda t: t)


class TaxonomyDetailView(HsdsView):
    def build(self, request, params, id):
        found = selectors.taxonomy_get(id)
        if found is None:
            raise NotFound()
        return found


class TaxonomyTermListView(HsdsView):
    params_class = p.TaxonomyTermListParams

    def build(self, request, params):
        return page(selectors.term_list(params=params), params, lambda t: t)


class TaxonomyTermDetailView(HsdsView):
    def build(self, request, params, id):
        found = selectors.term_get(id)
        if found is None:
            raise NotFound()
        return found
