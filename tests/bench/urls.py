"""Bench-only URLs: the hub's own, plus Wagtail's API v2 at /api/v2/ to compare against.

Guides are exposed to API v2 with their intro and chapters, as a Wagtail site serving guides
through API v2 would declare them (``api_fields``), so both APIs return comparable content.
"""

from django.urls import path
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.models import GuidePage
from roadcase_site.urls import urlpatterns as site_urlpatterns

GuidePage.api_fields = [APIField("intro"), APIField("chapters")]

wagtail_api = WagtailAPIRouter("wagtailapi")
wagtail_api.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [path("api/v2/", wagtail_api.urls), *site_urlpatterns]
