"""Throttling: anonymous reads are rate-limited per client, with the rate from ROADCASE."""


def test_reads_beyond_the_rate_are_429s(api, settings):
    settings.ROADCASE = {**settings.ROADCASE, "API_THROTTLE_READ": "3/minute"}
    statuses = [api.get("/api/v1/locales/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert api.get("/api/v1/locales/")["Retry-After"]


def test_each_client_has_its_own_allowance(api, settings):
    settings.ROADCASE = {**settings.ROADCASE, "API_THROTTLE_READ": "1/minute"}
    assert api.get("/api/v1/locales/", REMOTE_ADDR="10.0.0.1").status_code == 200
    assert api.get("/api/v1/locales/", REMOTE_ADDR="10.0.0.2").status_code == 200
    assert api.get("/api/v1/locales/", REMOTE_ADDR="10.0.0.1").status_code == 429


def test_x_forwarded_for_does_not_pick_a_new_identity_without_trusted_proxies(api, settings):
    settings.ROADCASE = {**settings.ROADCASE, "API_THROTTLE_READ": "3/minute"}
    statuses = [
        api.get(
            "/api/v1/locales/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        ).status_code
        for n in range(6)
    ]
    assert statuses == [200, 200, 200, 429, 429, 429]


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_allowance(api, settings):
    settings.ROADCASE = {
        **settings.ROADCASE,
        "API_THROTTLE_READ": "1/minute",
        "TRUSTED_PROXIES": ["10.0.0.0/8"],
    }

    def get(forwarded_for):
        return api.get(
            "/api/v1/locales/", REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR=forwarded_for
        ).status_code

    assert get("198.51.100.1") == 200
    assert get("198.51.100.2") == 200
    # What the client wrote before the proxy's entry does not change who it is.
    assert get("192.0.2.77, 198.51.100.1") == 429
    assert get("192.0.2.78, 198.51.100.1") == 429


def test_one_ipv6_subscriber_cannot_rotate_through_its_own_network(api, settings):
    settings.ROADCASE = {**settings.ROADCASE, "API_THROTTLE_READ": "2/minute"}
    addresses = ["2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:ffff::3"]
    statuses = [api.get("/api/v1/locales/", REMOTE_ADDR=a).status_code for a in addresses]
    assert statuses == [200, 200, 429]
    assert api.get("/api/v1/locales/", REMOTE_ADDR="2001:db8:1:3::1").status_code == 200
