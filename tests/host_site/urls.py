from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [
    path("cms-admin/", include(wagtailadmin_urls)),
    path("", include("api.urls")),
    path("widget/", include("widget.urls")),
    path("", include("cms.urls")),
    path("", include(wagtail_urls)),
]
