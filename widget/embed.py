"""The copy-ready embed code a partner pastes into their page (shown on its admin page)."""

from urllib.parse import urlsplit

from django.urls import reverse
from django.utils.html import format_html, format_html_join

from .bundle import FLOATING_NAME, BundleMissing, manifest
from .fallback import fallback_content


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


def hub_origin(request_or_base_url):
    """The hub's origin (``https://hub.example``) from a request or a base URL."""
    url = (
        request_or_base_url
        if isinstance(request_or_base_url, str)
        else request_or_base_url.build_absolute_uri("/")
    )
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def embed_snippet(partner, request_or_base_url, *, pinned=True):
    """The HTML to embed the finder for ``partner`` (a Partner, or its slug):

    - a preconnect to the hub, so the connection opens while the page still parses
      (``crossorigin``: the widget's requests are CORS requests without credentials, which
      browsers send on a connection of their own);
    - the script tag (``finder_script``);
    - the element, with the partner and the quick-exit address as attributes (the quick exit
      works even if the hub never answers), and inside it the fallback content
      (``widget.fallback``) shown until the widget loads. No ``country``: the attribute names
      the visitor's country, and a visitor abroad needs the numbers where they are; the
      widget guesses it and falls back on the partner's default country.
    """
    from api.widget_start import quick_exit_url
    from cms.models import Partner

    if isinstance(partner, str):
        partner = Partner.objects.filter(slug=partner).first() or Partner(slug=partner)
    exit_url = quick_exit_url(partner)
    attributes = [("partner", partner.slug), ("quick-exit", exit_url)]
    element = format_html(
        "<roadcase-finder {}>\n{}\n</roadcase-finder>",
        format_html_join(" ", '{}="{}"', attributes),
        fallback_content(partner, quick_exit_url=exit_url),
    )
    preconnect = format_html(
        '<link rel="preconnect" href="{}" crossorigin>', hub_origin(request_or_base_url)
    )
    script = finder_script(request_or_base_url, pinned=pinned)
    return f"{preconnect}\n{script}\n{element}\n"
