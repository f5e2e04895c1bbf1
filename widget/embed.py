"""The copy-ready embed code a partner pastes into their page (shown on its admin page)."""

from django.urls import reverse
from django.utils.html import format_html

from .bundle import FLOATING_NAME, BundleMissing, manifest


def finder_script(request_or_base_url, *, pinned=True):
    """The ``<script>`` tag that loads the finder.

    ``request_or_base_url`` is the current request or the hub's base URL (``https://hub.example``).
    With ``pinned`` (the default) the script is this build's immutable, content-hashed URL with
    an SRI ``integrity`` hash; otherwise, or before the widget is built, the floating
    ``/v1/`` URL, which follows every compatible release.
    """
    try:
        build = manifest() if pinned else None
    except BundleMissing:
        build = None
    name = build.file if build else FLOATING_NAME
    path = reverse("roadcase_widget:bundle", kwargs={"name": name})
    if isinstance(request_or_base_url, str):
        src = request_or_base_url.rstrip("/") + path
    else:
        src = request_or_base_url.build_absolute_uri(path)
    if build:
        return format_html(
            '<script async src="{}" integrity="{}" crossorigin="anonymous"></script>',
            src,
            build.integrity,
        )
    return format_html('<script async src="{}"></script>', src)


def embed_snippet(partner, request_or_base_url, *, pinned=True):
    """The HTML to embed the finder for ``partner`` (a Partner, or its slug): the script tag
    (``finder_script``) and the element."""
    slug = getattr(partner, "slug", partner)
    script = finder_script(request_or_base_url, pinned=pinned)
    element = format_html('<roadcase-finder partner="{}"></roadcase-finder>', slug)
    return f"{script}\n{element}\n"
