"""Roadcase's public URLs outside the API and Wagtail's pages: campaign short links and the
finder page they land on when a site has no hub home page. A host site includes them with
``path("", include("cms.urls"))`` before Wagtail's catch-all."""

from django.urls import path, re_path

from .shortlinks import views

app_name = "roadcase_public"
urlpatterns = [
    path("s/", views.finder_page, name="finder"),
    re_path(r"^s/(?P<code>[A-Za-z0-9-]{1,32})/?$", views.follow, name="short-link"),
]
