"""Serving the bundle: a floating URL with a short cache, a content-hashed URL cached forever.

Both are plain scripts a partner page loads with ``<script src>``; they carry
``Access-Control-Allow-Origin: *`` only so that a pinned embed can check its SRI hash
(``crossorigin="anonymous"``), which browsers require for cross-origin integrity checks.
"""

import gzip
import hashlib

from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from .bundle import FLOATING_NAME, bundle_file

FLOATING_CACHE = "public, max-age=300, stale-while-revalidate=86400"
IMMUTABLE_CACHE = "public, max-age=31536000, immutable"


@require_safe
def bundle(request, name):
    path = bundle_file(name)
    if path is None:
        raise Http404("No such widget bundle.")
    code = path.read_bytes()
    etag = f'"{hashlib.sha256(code).hexdigest()[:32]}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        body = code
        compress = "gzip" in request.headers.get("Accept-Encoding", "")
        if compress:
            body = gzip.compress(code, compresslevel=9, mtime=0)
        response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
        if compress:
            response["Content-Encoding"] = "gzip"
    response["ETag"] = etag
    response["Cache-Control"] = FLOATING_CACHE if name == FLOATING_NAME else IMMUTABLE_CACHE
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["X-Content-Type-Options"] = "nosniff"
    patch_vary_headers(response, ["Accept-Encoding"])
    return response
