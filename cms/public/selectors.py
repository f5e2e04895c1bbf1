"""Reads behind the hub's public pages: the finder block every page embeds (with its crisis
fallback for the visitor's country), the home page's featured content, and the page's other
languages for the switcher and ``hreflang`` links.

The directory and page reads are the API's own (``api.selectors``), imported where used: the
public pages show what the API serves, localized the same way.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Locale, Page, Site

from ..codes import country_codes, country_name

# Why a visitor landed on the finder instead of where a short link led (see cms.shortlinks).
LINK_NOTICES = {
    "unknown": _(
        "That short link does not lead anywhere we know of. Help is still here: the finder "
        "below shows support where you are."
    ),
    "not-yet": _(
        "That short link is not open yet, but help is: the finder below shows support where "
        "you are."
    ),
    "expired": _(
        "That short link has ended, but help has not: the finder below shows support where you are."
    ),
}
TOPIC_RESOURCES_SHOWN = 5


def hreflang(code):
    """``pt-br`` → ``pt-BR``: a content locale as BCP 47 writes it."""
    language, _sep, region = code.partition("-")
    return f"{language}-{region.upper()}" if region else language


def visitor_country(request):
    """``(code, explicit)``: the country asked for with ``?country=``, else the region of the
    browser's first language (``en-GB`` → GB, a guess), else ``(None, False)``. Never from the
    visitor's address."""
    asked = (request.GET.get("country") or "").strip().upper()
    if asked in country_codes():
        return asked, True
    for tag, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", ""))[:1]:
        region = tag.partition("-")[2].upper()
        if region in country_codes():
            return region, False
    return None, False


def finder_script(request):
    """The ``<script>`` that loads the finder, pinned to this build (as a partner embeds it)."""
    from widget.embed import finder_script as script

    return script(request)


def finder_context(request, locale_code):
    """What the finder block needs: the hub's partner, the visitor's country, the crisis block
    shown before the widget starts (and instead of it without JavaScript), the country chooser
    for that block, and what a short link preset (a topic, a resource, a notice)."""
    from api.locales import ContentLocale
    from api.selectors import country_get, crisis_lines

    from .services import hub_partner

    content_locale = ContentLocale.resolve(locale_code)
    country, explicit = visitor_country(request)
    link = request.GET.get("link", "")
    return {
        "partner": hub_partner(),
        "locale_code": locale_code,
        "country": country,
        "country_explicit": explicit,
        "country_record": country_get(country) if country else None,
        "country_name": country_name(country, locale_code) if country else "",
        "crisis_lines": crisis_lines(
            country_code=country or "", content_locale=content_locale
        ).lines,
        "countries": sorted(
            ((code, country_name(code, locale_code)) for code in country_codes()),
            key=lambda item: item[1].casefold(),
        ),
        "script": finder_script(request),
        "notice": LINK_NOTICES.get(link),
        "topic": preset_topic(request, content_locale, country),
        "resource": preset_resource(request, content_locale),
    }


def preset_topic(request, content_locale, country):
    """``?topic=<slug>``: the topic (named in the locale) and a few live resources on it."""
    from api.selectors import (
        load_resources_by_id,
        localize_resources,
        resource_page,
        topic_list,
    )

    slug = request.GET.get("topic", "")
    topic = next((t for t in topic_list(content_locale) if t.slug == slug), None) if slug else None
    if topic is None:
        return None
    params = {"content_locale": content_locale, "topic": [slug], "country": country}
    ids = resource_page(params=params, offset=0, size=TOPIC_RESOURCES_SHOWN).ids
    by_id = {r.pk: r for r in load_resources_by_id(ids)}
    resources = localize_resources([by_id[pk] for pk in ids if pk in by_id], content_locale)
    return {"topic": topic, "resources": resources}


def preset_resource(request, content_locale):
    """``?resource=<id>``: that live resource, localized, or None."""
    from api.selectors import localize_resources, resource_get

    try:
        pk = int(request.GET.get("resource", ""))
    except ValueError:
        return None
    resource = resource_get(pk=pk, content_locale=content_locale)
    return localize_resources([resource], content_locale)[0] if resource else None


def home_page_context(page, request):
    """The home page's featured content in its locale: the finder block, the first guides, the
    next events and the newest stories (each the live translation, else the source)."""
    from api.locales import ContentLocale
    from api.selectors import event_search, guide_queryset, localize_events, localize_guides
    from api.stories.selectors import localize_stories, story_queryset

    from ..models import EventIndexPage, GuideIndexPage, StoryIndexPage

    locale_code = page.locale.language_code
    content_locale = ContentLocale.resolve(locale_code)
    return {
        "finder": finder_context(request, locale_code),
        "guides": localize_guides(guide_queryset(content_locale)[:3], content_locale),
        "events": localize_events(
            event_search(params={"content_locale": content_locale})[:3], content_locale
        ),
        "stories": localize_stories(story_queryset(content_locale)[:3], content_locale),
        "guide_index": index_in_locale(GuideIndexPage, page.locale),
        "event_index": index_in_locale(EventIndexPage, page.locale),
        "story_index": index_in_locale(StoryIndexPage, page.locale),
    }


def index_in_locale(model, locale):
    """The live index page of ``model`` in ``locale``, else in the default locale, or None."""
    pages = model.objects.live().public()
    return pages.filter(locale=locale).first() or pages.filter(locale=Locale.get_default()).first()


def page_languages(page, request):
    """The page in every content language, for the language switcher and ``hreflang``: a list
    of dicts with ``code``, ``hreflang``, ``name``, ``url`` (absolute), ``translated`` (the page
    itself exists in that language; otherwise the link goes to that language's home page),
    ``current`` and ``default`` (the hub's default language, ``hreflang="x-default"``)."""
    if page is None or not getattr(page, "pk", None):
        return []
    translations = {
        p.locale.language_code: p
        for p in Page.objects.filter(translation_key=page.translation_key, live=True)
        .select_related("locale")
        .specific()
    }
    site = Site.find_for_request(request)
    homes = {}
    if site is not None:
        homes = {
            p.locale.language_code: p
            for p in site.root_page.get_translations(inclusive=True).live().select_related("locale")
        }
    languages = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        target = translations.get(code) or homes.get(code)
        # Absolute from the request's own host: the Site record's may be a placeholder
        # (Wagtail's "localhost:80" in the demo).
        url = target.get_url(request=request) if target is not None else None
        if url is None:
            continue
        url = request.build_absolute_uri(url)
        languages.append(
            {
                "code": code,
                "hreflang": hreflang(code),
                "name": name,
                "url": url,
                "translated": code in translations,
                "current": code == page.locale.language_code,
                "default": code == settings.LANGUAGE_CODE,
            }
        )
    return languages


def story_page_context(page, request):
    """A story page's support section: its related resources and the finder (with the
    visitor's crisis lines), in the page's locale."""
    from api.locales import ContentLocale
    from api.stories.selectors import story_resources

    locale_code = page.locale.language_code
    content_locale = ContentLocale.resolve(locale_code)
    return {
        "finder": finder_context(request, locale_code),
        "related_resources": story_resources(page, content_locale),
    }
