"""The base of every Roadcase API view.

DRF takes whatever a view does not declare from the host site's ``REST_FRAMEWORK`` defaults: a
host with ``SessionAuthentication`` would make a logged-in editor's concierge POST fail its CSRF
check, ``BasicAuthentication`` would answer a stray ``Authorization`` header with 403, and
``IsAuthenticated`` would close the public API altogether. So Roadcase's views declare every
one of those choices themselves, and each request's messages (errors included) are written in
the locale it asks for.
"""

from django.utils import translation
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import extend_schema
from rest_framework.metadata import SimpleMetadata
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView, exception_handler

from .locales import request_locale
from .negotiation import JSONOnlyNegotiation


class PublicAPIView(APIView):
    """Anonymous, JSON only, described by drf-spectacular; nothing from the host's defaults."""

    # The API is public and carries no credentials: no session (so no CSRF), no Basic auth.
    authentication_classes = ()
    permission_classes = (AllowAny,)
    # Reads take no body; views that accept one name their parsers.
    parser_classes = ()
    # Errors too are JSON, whatever the Accept header (no browsable HTML API).
    renderer_classes = (JSONRenderer,)
    # One representation per endpoint: neither Accept nor ?format= chooses (api/negotiation.py).
    content_negotiation_class = JSONOnlyNegotiation
    metadata_class = SimpleMetadata
    versioning_class = None
    throttle_classes = ()
    schema = AutoSchema()

    def get_exception_handler(self):
        return exception_handler

    def dispatch(self, request, *args, **kwargs):
        with translation.override(request_locale(request)):
            return super().dispatch(request, *args, **kwargs)


def described(**kwargs):
    """drf-spectacular's ``extend_schema`` for a view method, based on its ``AutoSchema``
    whatever the host's ``DEFAULT_SCHEMA_CLASS``: on a method, ``extend_schema`` builds on a
    schema class already attached to the method, else on that setting (tests/api/test_schema.py
    fails if a release changes this)."""

    def decorate(method):
        method.kwargs = {**getattr(method, "kwargs", {}), "schema": AutoSchema}
        return extend_schema(**kwargs)(method)

    return decorate
