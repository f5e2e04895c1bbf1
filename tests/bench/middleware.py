"""Bench-only: a request carrying ``X-Roadcase-Bench-Cold: 1`` is served cold: every cached API
response is retired first, as a publish retires them (a new content generation).

Only the retiring, not the rest of a publish: ``bump_generation`` also works out when the next
page or resource expires (a scan of every page, about 5 ms on the bench's hub), which is part
of publishing, not of answering, and which the previous implementation's did not do, so its
cold requests were spared it. ``run.py`` puts this same file in the previous implementation's
tree: both pay the same.
"""

import time
import uuid

from api import caching


def cold_cache_middleware(get_response):
    def middleware(request):
        if request.headers.get("X-Roadcase-Bench-Cold"):
            retire_cached_responses()
        return get_response(request)

    return middleware


def retire_cached_responses():
    generation = caching.content_generation()
    if generation is not None:
        new = {**generation, "token": uuid.uuid4().hex, "at": int(time.time())}
        caching.cache.set(caching.GENERATION_KEY, new, None)
