"""URLs of the HSDS API, as in the HSDS OpenAPI document (no trailing slashes; one is
accepted too). Included from ``api/urls.py``.
"""

from django.urls import path, re_path

from . import views

app_name = "roadcase_hsds"


urlpatterns = [
    path("api/hsds/", views.MetaView.as_view(), name="meta"),
    re_path(r"^api/hsds/services/?$", views.ServiceListView.as_view(), name="service-list"),
    re_path(
        r"^api/hsds/services/(?P<id>[^/]+)/?$",
        views.ServiceDetailView.as_view(),
        name="service-detail",
    ),
    re_path(
        r"^api/hsds/organizations/?$",
        views.OrganizationListView.as_view(),
        name="organization-list",
    ),
    re_path(
        r"^api/hsds/organizations/(?P<id>[^/]+)/?$",
        views.OrganizationDetailView.as_view(),
        name="organization-detail",
    ),
    re_path(r"^api/hsds/taxonomies/?$", views.TaxonomyListView.as_view(), name="taxonomy-list"),
    re_path(
        r"^api/hsds/taxonomies/(?P<id>[^/]+)/?$",
        views.TaxonomyDetailView.as_view(),
        name="taxonomy-detail",
    ),
    re_path(
        r"^api/hsds/taxonomy_terms/?$",
        views.TaxonomyTermListView.as_view(),
        name="taxonomy-term-list",
    ),
    re_path(
        r"^api/hsds/taxonomy_terms/(?P<id>[^/]+)/?$",
        views.TaxonomyTermDetailView.as_view(),
        name="taxonomy-term-detail",
    ),
]
