"""URLs of the stand-alone hub: Wagtail's admin, Roadcase's API, widget and short links, then
pages under their language prefix."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("api.urls")),
    path("widget/", include("widget.urls")),
    path("", include("cms.urls")),  # short links /s/<code> and the finder page /s/
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages live under their language (/en/, /ar/…): each translation has its own address for
# hreflang and the language switcher, and / sends a visitor to their browser's language.
urlpatterns += i18n_patterns(path("", include(wagtail_urls)))
