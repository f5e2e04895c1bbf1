"""URLs of the public API. A host site includes them with ``path("", include("api.urls"))``."""

from django.urls import include, path, re_path

from . import views
from .concierge import ConciergeRequestCreateView
from .preview import PreviewView
from .schema import DocsView, SchemaView
from .stories.views import StoryDetailView, StoryListView
from .widget_start import PartnerWidgetStartView, WidgetStartView

app_name = "roadcase_api"
urlpatterns = [
    path("api/v1/resources/", views.ResourceListView.as_view(), name="resource-list"),
    path("api/v1/resources/<int:pk>/", views.ResourceDetailView.as_view(), name="resource-detail"),
    path("api/v1/crisis-lines/", views.CrisisLinesView.as_view(), name="crisis-lines"),
    path("api/v1/topics/", views.TopicListView.as_view(), name="topic-list"),
    path("api/v1/countries/", views.CountryListView.as_view(), name="country-list"),
    path("api/v1/locales/", views.LocaleListView.as_view(), name="locale-list"),
    path("api/v1/guides/", views.GuideListView.as_view(), name="guide-list"),
    path("api/v1/guides/<str:slug>/", views.GuideDetailView.as_view(), name="guide-detail"),
    path("api/v1/stories/", StoryListView.as_view(), name="story-list"),
    path("api/v1/stories/<str:slug>/", StoryDetailView.as_view(), name="story-detail"),
    path("api/v1/events/", views.EventListView.as_view(), name="event-list"),
    path("api/v1/events.ics", views.EventFeedView.as_view(), name="event-feed"),
    path("api/v1/widget/", views.WidgetConfigView.as_view(), name="widget-config"),
    # Before widget/<slug:partner>/, which "start" would otherwise match; <str:> so that an
    # embed id that is no slug still gets the crisis data (with a warning), never a 404.
    path("api/v1/widget/start/", WidgetStartView.as_view(), name="widget-start"),
    path(
        "api/v1/widget/<str:partner>/start/",
        PartnerWidgetStartView.as_view(),
        name="widget-partner-start",
    ),
    path(
        "api/v1/widget/<slug:partner>/",
        views.PartnerWidgetConfigView.as_view(),
        name="widget-partner-config",
    ),
    path(
        "api/v1/concierge-requests/",
        ConciergeRequestCreateView.as_view(),
        name="concierge-request-create",
    ),
    path("api/v1/preview/", PreviewView.as_view(), name="preview"),
    path("api/v1/schema/", SchemaView.as_view(), name="schema"),
    path("api/v1/docs/", DocsView.as_view(), name="docs"),
    path("", include("api.hsds.urls")),  # Open Referral HSDS 3.0: /api/hsds/…
    # Keep last: anything else under /api/ (HSDS's too) answers as the API does, JSON, not an
    # HTML 404 from the site's pages (nor a redirect to one for a missing trailing slash).
    re_path(r"^api/", views.not_found, name="not-found"),
]
