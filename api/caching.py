"""Response caching for the API: a server-side cache of rendered responses, ETag and
Last-Modified with 304 answers, and Cache-Control for browsers and CDNs.

Every cached response is keyed by a *content generation*, a token kept in the shared cache and
replaced whenever content is saved, published, unpublished or deleted (see ``signals.py``). One
replacement retires every cached response at once, detail and listing, in every locale, on every
app server sharing the cache, without having to know which responses held the changed object.
A generation also ends by itself when the first live object past it expires (``until``), so an
expired page is never served from the cache while the periodic job has yet to unpublish it.

The cache is reached through ``fail_open_cache``: while it is down there is no generation, and
every request is answered uncached.

Bodies are gzipped once, when rendered, and sent so to clients that accept it: on a phone's slow
network the crisis path's one answer is a quarter of the time on the wire (issue 22), whatever
the host site's middleware. The API's answers hold no secret, so compression leaks none (BREACH).
"""

import hashlib
import re
import time
import uuid

from django.db import DatabaseError
from django.db.models import Min
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe, quote_etag
from django.utils.text import compress_string

from cms.conf import roadcase_setting

from .fail_open_cache import cache
from .locales import locale_from_accept_language
from .params import declared_query

GENERATION_KEY = "roadcase_api:generation"
# How long the last answer rendered for a crisis-line request is kept, to answer the same
# request while the database cannot (``last_good_response``).
LAST_GOOD_SECONDS = 24 * 3600
# Below this a body is sent as it is: gzip's own overhead would outweigh the saving.
GZIP_MIN_BYTES = 512
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def _new_generation():
    return {"token": uuid.uuid4().hex, "at": int(time.time()), "until": next_expiry()}


def next_expiry():
    """The earliest moment (unix seconds) a live page or resource is set to expire, or None."""
    from wagtail.models import Page

    from cms.models import Resource

    now = timezone.now()
    moments = [
        model.objects.filter(live=True, expire_at__gt=now).aggregate(at=Min("expire_at"))["at"]
        for model in (Page, Resource)
    ]
    moments = [moment for moment in moments if moment is not None]
    return min(moments).timestamp() if moments else None


def content_generation():
    """``{"token", "at", "until"}``: the current generation, when it began (unix seconds) and
    when it ends by itself (None: only a purge ends it); None while the cache is unavailable.
    """
    generation = cache.get(GENERATION_KEY)
    if generation is None and not cache.available:
        return None  # the cache is down: nothing to key, nothing to store
    until = generation.get("until") if generation is not None else None
    ended = until is not None and time.time() >= until
    if generation is None or ended:
        try:
            new = _new_generation()
        except DatabaseError:  # no database to date it by: answer this request uncached
            return None
        if ended:
            cache.set(GENERATION_KEY, new, None)
            return new
        cache.add(GENERATION_KEY, new, None)
        generation = cache.get(GENERATION_KEY)
    return generation


def bump_generation(**kwargs):
    """Retire every cached API response (connected to content signals)."""
    cache.set(GENERATION_KEY, _new_generation(), None)


def response_cache_key(request, generation, *, query, minute=None, vary_origin=False):
    """The cache key of the response to ``request``, computed from the request alone so that a
    hit costs no validation and no database query: the path, the parameters the endpoint
    declares (``query``: others never reach the key, so ``?utm=1``, ``?utm=2``… share one
    entry), and the locale Accept-Language selects (whether it was sent at all matters too: a
    partner's default locale applies only without it). Different spellings of one query (``gb``
    and ``GB``) are cached apart, which costs memory, never correctness. Answers that are
    errors are never cached. ``vary_origin``: the answer depends on the Origin header too (the
    widget's start answer warns an unregistered origin), so it is part of the key.
    """
    header = request.headers.get("Accept-Language")
    origin = (request.headers.get("Origin") or "-").rstrip("/").lower() if vary_origin else ""
    raw = "|".join(
        [
            generation["token"],
            request.scheme,
            request.get_host(),
            request.path,
            repr(query),
            locale_from_accept_language(header) if header is not None else "-",
            str(minute),
            origin,
        ]
    )
    return "roadcase_api:response:" + hashlib.sha256(raw.encode()).hexdigest()


class CachedBody:
    """A rendered response body with what conditional requests need."""

    def __init__(self, body, content_type):
        self.body = body
        self.content_type = content_type
        self.etag = quote_etag(hashlib.sha256(body).hexdigest()[:32])
        compressed = compress_string(body) if len(body) >= GZIP_MIN_BYTES else body
        self.gzipped = compressed if len(compressed) < len(body) else None


def body_response(request, entry, *, not_modified=False):
    """``entry``'s body as ``request`` can take it, gzipped when it accepts gzip (or a 304 for
    that representation). The gzipped representation's ETag is the weak form of the body's (as
    Django's GZipMiddleware makes it), which ``conditional_response`` accepts back."""
    gzipped = getattr(entry, "gzipped", None)  # entries cached before gzip had none
    gzip = bool(gzipped) and ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", ""))
    if not_modified:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(gzipped if gzip else entry.body, content_type=entry.content_type)
        if gzip:
            response["Content-Encoding"] = "gzip"
    response["ETag"] = f"W/{entry.etag}" if gzip else entry.etag
    if gzipped:
        patch_vary_headers(response, ["Accept-Encoding"])
    return response


def _slot(request, time_sensitive, params_class, vary_origin=False):
    """``(key, last_modified)`` of the cache slot answering ``request`` now, worked out once per
    request: a miss asks for it again when it renders, and must store where the lookup looked.
    The key is None while the cache is unavailable."""
    request = getattr(request, "_request", request)  # DRF's Request wraps Django's
    slot = getattr(request, "_roadcase_cache_slot", None)
    if slot is None:
        slot = request._roadcase_cache_slot = _current_slot(
            request, time_sensitive, params_class, vary_origin
        )
    return slot


def _current_slot(request, time_sensitive, params_class, vary_origin):
    generation = content_generation()
    now = int(time.time())
    if generation is None:
        return None, now
    minute = now // 60 if time_sensitive else None
    query = declared_query(params_class, request)
    key = response_cache_key(
        request, generation, query=query, minute=minute, vary_origin=vary_origin
    )
    last_modified = generation["at"]
    if time_sensitive:
        last_modified = max(last_modified, minute * 60)
    return key, last_modified


def cached_response(
    request, *, params_class, time_sensitive=False, vary_origin=False, cache_control=None
):
    """The answer to ``request`` from the cache (a 200 or a 304), or None on a miss."""
    key, last_modified = _slot(request, time_sensitive, params_class, vary_origin)
    entry = None if key is None else cache.get(key)
    if entry is None:
        return None
    return conditional_response(
        request, entry, last_modified, cache_control=cache_control, vary_origin=vary_origin
    )


def cached_body(
    request,
    render,
    *,
    params_class,
    time_sensitive=False,
    keep_last_good=False,
    vary_origin=False,
):
    """The cached body for this request, rendered by ``render()`` on a miss (which validates the
    parameters first and may raise). Returns ``(CachedBody, last_modified)`` (unix seconds).
    ``keep_last_good`` also keeps what was rendered for ``last_good_response``.
    """
    key, last_modified = _slot(request, time_sensitive, params_class, vary_origin)
    entry = None if key is None else cache.get(key)
    if entry is None:
        entry = CachedBody(*render())
        if key is not None:
            cache.set(key, entry, roadcase_setting("API_RESPONSE_CACHE_SECONDS"))
        if keep_last_good:
            key = _last_good_key(request, params_class, vary_origin)
            cache.set(key, entry, LAST_GOOD_SECONDS)
    return entry, last_modified


def _last_good_key(request, params_class, vary_origin=False):
    query = declared_query(params_class, request)
    return response_cache_key(request, {"token": "last-good"}, query=query, vary_origin=vary_origin)


def last_good_response(request, *, params_class, vary_origin=False):
    """The last answer rendered for this request in the past day, or None: for the crisis
    path while the database is unreachable. Marked ``no-cache`` so that no CDN or browser keeps
    it past the outage, and ``X-Roadcase-Stale`` so that a client can tell.
    """
    entry = cache.get(_last_good_key(request, params_class, vary_origin))
    if entry is None:
        return None
    response = body_response(request, entry)
    response["Cache-Control"] = "no-cache"
    response["X-Roadcase-Stale"] = "database unavailable"
    patch_vary_headers(
        response, ["Accept-Language", "Origin"] if vary_origin else ["Accept-Language"]
    )
    return response


def default_cache_control():
    return (
        f"public, max-age={roadcase_setting('API_CACHE_MAX_AGE')}, "
        f"stale-while-revalidate={roadcase_setting('API_STALE_WHILE_REVALIDATE')}"
    )


def conditional_response(request, entry, last_modified, *, cache_control=None, vary_origin=False):
    """A 304 when the client's ETag or date is current, else the full response; both carry
    ETag, Last-Modified, Cache-Control (``cache_control``, else the API's default) and Vary.
    """
    if_none_match = request.headers.get("If-None-Match")
    if_modified_since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    if if_none_match is not None:
        tags = parse_etags(if_none_match)
        not_modified = "*" in tags or entry.etag in tags or f"W/{entry.etag}" in tags
    else:
        not_modified = if_modified_since is not None and last_modified <= if_modified_since
    response = body_response(request, entry, not_modified=not_modified)
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = cache_control or default_cache_control()
    patch_vary_headers(
        response, ["Accept-Language", "Origin"] if vary_origin else ["Accept-Language"]
    )
    return response
