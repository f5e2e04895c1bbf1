"""Following a short link: the visitor's language, where the link leads in it, and counting the
visit as one more in the link's number for the day, the only trace a visit leaves."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Locale, Page, Site

from ..models import HubHomePage, ShortLinkDailyCount, ShortLinkTarget

# Browsers and apps that fetch a page ahead of a click say so; such fetches are not visits.
PREFETCH_HEADERS = {"Sec-Purpose": "prefetch", "Purpose": "prefetch", "X-Moz": "prefetch"}
# Why the finder was shown instead of a link's target (the home page words each kindly).
UNKNOWN, NOT_YET, EXPIRED = "unknown", "not-yet", "expired"


def content_locale_codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def visitor_locale(request, link=None):
    """The hub language the visitor's browser asks for first (Accept-Language, exact tag, then
    its base language), else the link's own language, else the hub's default."""
    codes = content_locale_codes()
    for tag, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", ""))[:10]:
        if tag == "*":
            break
        tag = tag.lower()
        if tag in codes:
            return tag
        base = tag.split("-")[0]
        for code in codes:
            if code.split("-")[0] == base:
                return code
    if link is not None and link.locale in codes:
        return link.locale
    return settings.LANGUAGE_CODE


def is_prefetch(request):
    return any(
        request.headers.get(name, "").lower() == value for name, value in PREFETCH_HEADERS.items()
    )


def record_visit(link, *, day=None):
    """Add one to the link's count for ``day`` (today in the hub's time zone). Nothing about
    the visitor is kept: not their address, user agent, referrer or any cookie."""
    day = day or timezone.localdate()
    counts = ShortLinkDailyCount.objects.filter(link=link, day=day)
    if counts.update(visits=F("visits") + 1):
        return
    try:
        with transaction.atomic():
            ShortLinkDailyCount.objects.create(link=link, day=day, visits=1)
    except IntegrityError:  # the day's first two visits raced; the other one created the row
        counts.update(visits=F("visits") + 1)


def _in_locale(page, locale_code, *fallback_codes):
    """The live translation of ``page`` in the first of these locales that has one, else the
    live ``page`` itself, else None."""
    page = page.specific
    for code in (locale_code, *fallback_codes):
        if not code:
            continue
        locale = Locale.objects.filter(language_code=code).first()
        translation = page.get_translation_or_none(locale) if locale else None
        if translation is not None and translation.live:
            return translation.specific
    return page if page.live else None


def home_page(request, locale_code):
    """The site's hub home page in ``locale_code`` (or its source), or None when the site's
    root is some other page (a host site that has a home page of its own)."""
    site = Site.find_for_request(request)
    root = site.root_page if site else None
    if root is None or root.specific_class is not HubHomePage:
        return None
    return _in_locale(root, locale_code)


def finder_url(request, locale_code, **query):
    """The finder in ``locale_code``: the hub's home page when there is one, else the finder
    page the plugin serves at /s/. ``query`` presets it (country, topic, resource, link)."""
    from django.urls import reverse

    query = {name: value for name, value in query.items() if value}
    home = home_page(request, locale_code)
    if home is not None:
        url = home.get_url(request=request)
    else:
        url = reverse("roadcase_public:finder")
        query["locale"] = locale_code
    return f"{url}?{urlencode(query)}" if query else url


def target_url(link, locale_code, request):
    """Where ``link`` leads for a visitor reading ``locale_code``, or None when its target is
    gone or no longer published."""
    if link.target == ShortLinkTarget.FINDER:
        return finder_url(
            request,
            locale_code,
            country=link.finder_country_id,
            topic=link.finder_topic.slug if link.finder_topic_id else None,
        )
    if link.target == ShortLinkTarget.RESOURCE:
        resource = link.resource
        if resource is None or not resource.live:
            return None
        source = resource.get_translation_or_none(Locale.get_default()) or resource
        return finder_url(request, locale_code, resource=source.pk)
    if link.page_id is None:
        return None
    page = _in_locale(Page.objects.get(pk=link.page_id), locale_code, link.locale)
    return page.get_url(request=request) if page is not None else None
