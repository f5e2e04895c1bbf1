"""Rich text for API clients: never Wagtail's database HTML (``<a linktype="page" id="3">``), but
links expanded to real, absolute URLs and the result sanitized with nh3 to the few tags the
editor offers, so a partner can insert it into a page safely.
"""

from urllib.parse import urljoin

import nh3
from django.utils.html import strip_tags
from wagtail.rich_text import expand_db_html

ALLOWED_TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ol", "ul", "li", "h2", "h3", "h4"}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_rich_text(source, *, base_url):
    """Expanded, sanitized HTML for rich text stored as Wagtail DB-HTML."""

    def absolute_links(tag, attribute, value):
        if tag == "a" and attribute == "href":
            return urljoin(base_url, value)
        return value

    return nh3.clean(
        expand_db_html(source or ""),
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        attribute_filter=absolute_links,
    )


def rich_text_plain(source):
    """The words of rich text without any markup (for iCalendar and JSON-LD)."""
    return strip_tags(expand_db_html(source or "").replace("</p>", "</p>\n\n")).strip()
