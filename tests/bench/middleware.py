"""Bench-only: a request carrying ``X-Roadcase-Bench-Cold: 1`` first retires every cached API
response, exactly as a publish does (``api.caching.bump_generation``), so it is served cold.
"""

from api.caching import bump_generation


def cold_cache_middleware(get_response):
    def middleware(request):
        if request.headers.get("X-Roadcase-Bench-Cold"):
            bump_generation()
        return get_response(request)

    return middleware
