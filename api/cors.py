"""CORS for the API from the active Partner records, through django-cors-headers'
``check_request_enabled`` signal: a partner added or deactivated in the admin takes effect on the
next request, with no redeploy. Requests outside ``CORS_URLS_REGEX`` (/api/) are never enabled.
"""

import re

from django.conf import settings

from cms.conf import roadcase_setting

from .caching import content_generation
from .fail_open_cache import cache
from .selectors import active_partner_origins


def partner_origin_allowed(sender, request, **kwargs):
    origin = request.headers.get("Origin")
    if not origin or not re.match(settings.CORS_URLS_REGEX, request.path_info):
        return False
    return origin.rstrip("/").lower() in allowed_origins()


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
