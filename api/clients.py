"""Who is asking: the client address that every throttle counts by, and the admin login's
lockout too (``AXES_CLIENT_IP_CALLABLE``).

Without ``ROADCASE["TRUSTED_PROXIES"]`` the client is the address that connected
(``REMOTE_ADDR``) and ``X-Forwarded-For`` is ignored: any client can write that header, so
believing it would let each request pick a fresh identity and walk past every limit. Behind a
proxy, load balancer or CDN, list their addresses or networks: the header is then read from the
right, hop by hop, for as long as the hop that added an entry is one of them.
"""

import ipaddress
from functools import lru_cache

from cms.conf import roadcase_setting


@lru_cache(maxsize=16)
def _networks(entries):
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries)


def _parse(address):
    try:
        return ipaddress.ip_address(address.strip())
    except ValueError:
        return None


def client_address(request):
    """The address of the client behind ``request`` (a Django or DRF request), as a string."""
    meta = request.META
    remote = meta.get("REMOTE_ADDR", "")
    proxies = _networks(tuple(roadcase_setting("TRUSTED_PROXIES")))
    if not proxies:
        return remote
    hops = [hop for hop in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    client = _parse(remote)
    while client is not None and hops and any(client in network for network in proxies):
        previous = _parse(hops.pop())
        if previous is None:  # a trusted proxy passed on garbage: stop at the proxy
            break
        client = previous
    return str(client) if client is not None else remote


def throttle_ident(request):
    """The key a client's requests are counted under: its address, or for IPv6 its /64
    network, since one subscriber is handed a whole /64 and could otherwise rotate through it.
    """
    address = client_address(request)
    parsed = _parse(address)
    if parsed is not None and parsed.version == 6 and parsed.ipv4_mapped is None:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    if parsed is not None and parsed.version == 6:
        return str(parsed.ipv4_mapped)
    return address
