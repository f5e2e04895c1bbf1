"""DRF throttles for anonymous callers, per client IP, with rates from the ROADCASE settings
(``API_THROTTLE_READ`` for reads, the stricter ``API_THROTTLE_WRITE`` for writes).
"""

from rest_framework.throttling import AnonRateThrottle

from cms.conf import roadcase_setting


class ReadThrottle(AnonRateThrottle):
    scope = "roadcase_read"
    setting = "API_THROTTLE_READ"

    def get_rate(self):
        return roadcase_setting(self.setting)

    def allow_request(self, request, view):
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            return True
        return super().allow_request(request, view)


class WriteThrottle(AnonRateThrottle):
    """For endpoints that accept POSTs (e.g. concierge requests): counts writes only."""

    scope = "roadcase_write"
    setting = "API_THROTTLE_WRITE"

    def get_rate(self):
        return roadcase_setting(self.setting)

    def allow_request(self, request, view):
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return True
        return super().allow_request(request, view)
