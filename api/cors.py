"""CORS for the API from the active Partner records, through django-cors-headers'
``check_request_enabled`` signal: a partner added or deactivated in the admin takes effect on the
next request, with no redeploy. Requests outside ``CORS_URLS_REGEX`` (/api/) are never enabled.
"""

import re

from django.conf import settings

from .selectors import active_partner_origins


def partner_origin_allowed(sender, request, **kwargs):
    origin = request.headers.get("Origin")
    if not origin or not re.match(settings.CORS_URLS_REGEX, request.path_info):
        return False
    return origin.rstrip("/").lower() in active_partner_origins()
