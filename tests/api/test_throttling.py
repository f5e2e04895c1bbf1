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


CRISIS_PATHS = ("/api/v1/crisis-lines/?country=GB", "/api/v1/widget/start/?country=GB")


def test_the_crisis_path_is_not_throttled_by_the_read_allowance(api, settings):
    # Issue 22: thousands of phones on festival Wi-Fi share one address.
    settings.ROADCASE = {**settings.ROADCASE, "API_THROTTLE_READ": "2/minute"}
    assert [api.get("/api/v1/locales/").status_code for _ in range(3)] == [200, 200, 429]
    for path in CRISIS_PATHS:
        assert [api.get(path).status_code for _ in range(5)] == [200] * 5, path


def test_cached_crisis_answers_are_not_counted(api, settings):
    settings.ROADCASE = {**settings.ROADCASE, "API_THROTTLE_CRISIS_PATH": "2/minute"}
    for path in CRISIS_PATHS:
        assert [api.get(path).status_code for _ in range(20)] == [200] * 20, path


def test_crisis_path_misses_have_an_allowance_of_their_own(api, settings):
    # Uncached variants reach the database: those are counted, at their own rate.
    settings.ROADCASE = {**settings.ROADCASE, "API_THROTTLE_CRISIS_PATH": "2/minute"}
    statuses = [
        api.get("/api/v1/crisis-lines/", {"country": code}).status_code
        for code in ("GB", "FR", "DE")
    ]
    assert statuses == [200, 200, 429]
    # The crisis path's own 429 is still readable by the widget on any origin.
    response = api.get("/api/v1/widget/start/?country=IT", HTTP_ORIGIN="https://x.example")
    assert response.status_code == 429
    assert response["Access-Control-Allow-Origin"] == "*"
