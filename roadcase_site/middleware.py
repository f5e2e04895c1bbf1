"""Middleware of the stand-alone hub."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 answered by a view outside the language
    prefixes (the API saying "no live resource has this id", the admin, the widget) stays that
    404. Django's would redirect it to ``/en/…``, where Wagtail's catch-all answers instead;
    only a path that matched nothing is tried again under the visitor's language."""

    def process_response(self, request, response):
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        if response.status_code == 404 and is_valid_path(request.path_info, urlconf):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
