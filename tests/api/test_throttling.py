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
