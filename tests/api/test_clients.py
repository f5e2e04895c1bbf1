"""Who the client is: the connecting address, unless a trusted proxy in front names it."""

import pytest
from django.test import RequestFactory

from api.clients import client_address


def request(remote, forwarded_for=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.ROADCASE = {}
    assert client_address(request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@pytest.mark.parametrize(
    ("remote", "forwarded_for", "client"),
    [
        # The proxy connected and appended the client it saw.
        ("10.0.0.2", "198.51.100.1", "198.51.100.1"),
        # Two trusted hops (CDN, then load balancer): the first untrusted one from the right.
        ("10.0.0.2", "192.0.2.5, 198.51.100.1, 10.0.0.3", "198.51.100.1"),
        # A client connecting directly cannot claim an address by writing the header.
        ("198.51.100.1", "192.0.2.5", "198.51.100.1"),
        # A proxy with nothing to say: the proxy itself.
        ("10.0.0.2", "", "10.0.0.2"),
        # Garbage behind a trusted hop stops the walk at that hop.
        ("10.0.0.2", "not-an-address", "10.0.0.2"),
        ("2001:db8::1", "198.51.100.1", "198.51.100.1"),
    ],
)
def test_a_trusted_proxy_names_the_client(settings, remote, forwarded_for, client):
    settings.ROADCASE = {"TRUSTED_PROXIES": ["10.0.0.0/8", "2001:db8::/32"]}
    assert client_address(request(remote, forwarded_for)) == client
