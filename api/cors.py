"""CORS for the API.

Public safety data (crisis lines, emergency numbers and the widget's start answer, which carries
them) is readable from any origin, without credentials: those views set
``Access-Control-Allow-Origin: *`` themselves (``PUBLIC_CORS_METHODS``, ``allow_any_origin``), so
one cached answer serves every site, and a page whose origin nobody registered still shows a
person in crisis the numbers. Their preflights (a browser sends one only for non-simple requests)
are answered by django-cors-headers for any origin.

Everything else is for the active Partner records' origins, through django-cors-headers'
``check_request_enabled`` signal: a partner added or deactivated in the admin takes effect on the
next request, with no redeploy. Requests outside ``CORS_URLS_REGEX`` (/api/) are never enabled.
"""

import re

from django.conf import settings
from django.urls import Resolver404, resolve

from cms.conf import roadcase_setting

from .caching import content_generation
from .fail_open_cache import cache
from .selectors import active_partner_origins

PUBLIC_CORS_METHODS = "GET, HEAD, OPTIONS"


def partner_origin_allowed(sender, request, **kwargs):
    origin = request.headers.get("Origin")
    if not origin or not re.match(settings.CORS_URLS_REGEX, request.path_info):
        return False
    if is_public_path(request.path_info):
        # The view answers with "*" itself; django-cors-headers would echo the origin over it.
        # A preflight never reaches the view, so django-cors-headers answers that one.
        return request.method == "OPTIONS"
    return origin.rstrip("/").lower() in allowed_origins()


def is_public_path(path):
    """Whether ``path`` is served by a view readable from any origin (``public_cors``)."""
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return getattr(getattr(match.func, "view_class", None), "public_cors", False)


def allow_any_origin(response):
    """Mark ``response`` readable by any origin, without credentials."""
    response["Access-Control-Allow-Origin"] = "*"
    return response


def allowed_origins():
    """The active partners' origins, cached under the content generation: saving a partner
    retires it like any cached response, so cross-origin requests cost no query (one, while
    the cache is down).
    """
    generation = content_generation()
    if generation is None:
        return active_partner_origins()
    key = f"roadcase_api:partner_origins:{generation['token']}"
    origins = cache.get(key)
    if origins is None:
        origins = active_partner_origins()
        cache.set(key, origins, roadcase_setting("API_RESPONSE_CACHE_SECONDS"))
    return origins
