"""DRF throttles per client (``clients.throttle_ident``: the connecting address unless
``ROADCASE["TRUSTED_PROXIES"]`` says a proxy in front may name it), with rates from the
ROADCASE settings, counted in the shared cache and letting requests through while it is down.

Each throttle counts one kind of request under its own ``scope``. To give one view its own
allowance, subclass with another scope and a ROADCASE ``setting`` (or a fixed ``rate``)::

    class CrisisReadThrottle(ReadThrottle):
        scope = "roadcase_crisis"
        setting = "API_THROTTLE_CRISIS"
"""

from rest_framework.throttling import SimpleRateThrottle

from cms.conf import roadcase_setting

from .clients import throttle_ident
from .fail_open_cache import cache

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class ClientThrottle(SimpleRateThrottle):
    """Counts the requests whose method is in ``methods`` per client, at the rate of the
    ROADCASE key ``setting``."""

    cache = cache
    setting = None
    methods = READ_METHODS

    def get_rate(self):
        return roadcase_setting(self.setting)

    def get_cache_key(self, request, view):
        if request.method not in self.methods:
            return None  # not counted by this throttle
        return self.cache_format % {"scope": self.scope, "ident": throttle_ident(request)}


class ReadThrottle(ClientThrottle):
    scope = "roadcase_read"
    setting = "API_THROTTLE_READ"


class WriteThrottle(ClientThrottle):
    """For endpoints that accept POSTs (e.g. concierge requests): counts writes only."""

    scope = "roadcase_write"
    setting = "API_THROTTLE_WRITE"
    methods = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class CrisisPathThrottle(ClientThrottle):
    """For the crisis path (crisis lines, the widget's start), instead of ``ReadThrottle``.

    Thousands of phones on festival Wi-Fi or behind a carrier's NAT share one address, and every
    one of them must get the emergency numbers. So answers from the response cache are never
    counted (``ContentView.throttle_cache_hits``), and misses, which reach the database, get an
    allowance of their own, far above what a shared network's honest misses add up to: it only
    stops one client from walking the database through uncached variants.
    """

    scope = "roadcase_crisis_path"
    setting = "API_THROTTLE_CRISIS_PATH"
