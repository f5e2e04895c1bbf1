"""Roadcase's API views take nothing from the host's REST_FRAMEWORK defaults (issue 23): the
suite runs with DRF's own defaults (session and Basic authentication), as a stock host does."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.permissions import AllowAny
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from api.base import PublicAPIView
from api.schema import SchemaView
from tests.factories import make_resource


def api_views(patterns=None):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            yield from api_views(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            view = getattr(pattern.callback, "cls", None)
            if view and view.__module__.split(".")[0] == "api":
                yield view


def test_the_suite_runs_with_drfs_default_authentication():
    names = [cls.__name__ for cls in api_settings.DEFAULT_AUTHENTICATION_CLASSES]
    assert names == ["SessionAuthentication", "BasicAuthentication"]


def test_every_roadcase_api_view_declares_its_own_classes():
    views = set(api_views())
    assert len(views) > 20
    for view in views:
        assert issubclass(view, APIView)
        assert view.authentication_classes == (), view
        assert list(view.permission_classes) == [AllowAny], view
        assert view.versioning_class is None, view
    assert {v for v in views if not issubclass(v, PublicAPIView)} == {SchemaView}


@pytest.mark.parametrize(
    "header", ["Basic bm9ib2R5Om5vdGhpbmc=", "Bearer abc", "Token def", "Basic !!!"]
)
def test_a_stray_authorization_header_is_ignored(api, header):
    make_resource(name="Samaritans")
    response = api.get("/api/v1/crisis-lines/?country=GB", HTTP_AUTHORIZATION=header)
    assert response.status_code == 200
    assert [line["name"] for line in response.json()["results"]] == ["Samaritans"]
