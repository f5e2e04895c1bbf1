"""Purge the API's response cache when content the API serves changes: a save or delete of a
resource (or its contact points), topic, organisation, country (or its emergency numbers),
language, audience, partner, any page, locale or page view restriction, and every publish or
unpublish. Other writes (concierge requests, translators' work in progress, log entries) leave
the cache alone. Saving a draft touches the object's row and so purges too: cheap, and it keeps
the rule simple. The purge runs at once and again on commit, so a response rendered from the old
rows while the transaction was open cannot outlive it. A bulk load (``cms.signals.bulk_loading``,
the demo loader's thousands of rows) purges once, when it ends.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, published, unpublished

from cms.languages import content_language_codes
from cms.models import (
    Audience,
    ContactPoint,
    Country,
    EmergencyNumber,
    Language,
    Organisation,
    Partner,
    Resource,
    SearchSynonym,
    Topic,
)
from cms.signals import bulk_loaded, events_ended, is_bulk_loading

from .caching import bump_generation
from .locales import forget_locale_ids

SERVED_MODELS = (
    Resource,
    ContactPoint,
    Topic,
    Organisation,
    Country,
    EmergencyNumber,
    Language,
    Audience,
    Partner,
    Page,
    Locale,
    PageViewRestriction,
    SearchSynonym,
)


def content_changed(sender=None, **kwargs):
    if isinstance(sender, type) and issubclass(sender, SERVED_MODELS):
        purge()


def purge(**kwargs):
    if is_bulk_loading():
        return  # once when the load ends (bulk_loaded)
    purge_now()


def purge_now(**kwargs):
    bump_generation()
    transaction.on_commit(bump_generation)
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        transaction.on_commit(purge_frontend_cache)


def purge_frontend_cache():
    """Ask the configured CDN (Wagtail's frontend cache backends) to drop the API's base URLs in
    every locale, the widget's start answers (each active partner's) included. Query-string
    variants are bounded by the max-age instead (docs/api.md: a CDN that purges by path
    prefix drops them all)."""
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    paths = [
        reverse(f"roadcase_api:{name}")
        for name in (
            "resource-list",
            "crisis-lines",
            "guide-list",
            "story-list",
            "event-list",
            "event-feed",
        )
    ]
    paths.append(reverse("roadcase_api:widget-start"))
    paths += [
        reverse("roadcase_api:widget-partner-start", kwargs={"partner": slug})
        for slug in Partner.objects.filter(active=True).values_list("slug", flat=True)
    ]
    urls = [f"{base}{path}" for path in paths]
    urls += [f"{url}?locale={code}" for url in urls for code in content_language_codes()]
    purge_urls_from_cache(urls)


def connect():
    from .search import signals as search_signals

    search_signals.connect()
    events_ended.connect(purge, dispatch_uid="roadcase_api_events_ended")
    bulk_loaded.connect(purge_now, dispatch_uid="roadcase_api_bulk_loaded")
    post_save.connect(forget_locale_ids, sender=Locale, dispatch_uid="roadcase_api_locale_saved")
    post_delete.connect(forget_locale_ids, sender=Locale, dispatch_uid="roadcase_api_locale_gone")
    post_save.connect(content_changed, dispatch_uid="roadcase_api_post_save")
    post_delete.connect(content_changed, dispatch_uid="roadcase_api_post_delete")
    for signal in (published, unpublished, page_published, page_unpublished):
        signal.connect(purge, dispatch_uid=f"roadcase_api_{id(signal)}")
