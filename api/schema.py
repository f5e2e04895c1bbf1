"""The API's OpenAPI schema and its docs page, configured here rather than in the host's
``SPECTACULAR_SETTINGS``: the schema describes Roadcase's public API only (never the Wagtail
admin's internal endpoints, nor the host's own), and the docs page loads Redoc from this site
through drf-spectacular-sidecar, never from a CDN.
"""

from django.templatetags.static import static
from django.urls import reverse
from django.views.generic import TemplateView
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import AllowAny

SCHEMA_SETTINGS = {
    "TITLE": "Roadcase API",
    "DESCRIPTION": "Mental-health support for music-industry workers: directory, crisis lines, "
    "guides and events in every locale of the hub.",
    "VERSION": "1.0.0",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["api.schema.roadcase_endpoints_only"],
}
REDOC_SCRIPT = "drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"


def roadcase_endpoints_only(endpoints, **kwargs):
    """Keep the endpoints served by Roadcase's public API views, wherever the host mounts them;
    HSDS has its own OpenAPI document and is excluded by its views (``schema = None``)."""
    from .base import PublicAPIView

    return [
        endpoint
        for endpoint in endpoints
        if issubclass(getattr(endpoint[3], "cls", type(None)), PublicAPIView)
    ]


class SchemaView(SpectacularAPIView):
    """The OpenAPI 3 document (YAML, or JSON with ``?format=json``), public like the API."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = ()
    versioning_class = None
    custom_settings = SCHEMA_SETTINGS
    schema = AutoSchema()


class DocsView(TemplateView):
    """Redoc over the schema, every file from this site."""

    template_name = "roadcase_api/docs.html"

    def get_context_data(self, **kwargs):
        return {
            "title": SCHEMA_SETTINGS["TITLE"],
            "schema_url": reverse("roadcase_api:schema"),
            "redoc_script": static(REDOC_SCRIPT),
        }
