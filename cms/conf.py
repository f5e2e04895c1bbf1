"""Roadcase's plugin settings: one namespaced ``ROADCASE`` dict with documented defaults.

A host site overrides only the keys it needs, e.g. ``ROADCASE = {"REVIEW_MONTHS_CRISIS": 3}``.
"""

from django.conf import settings

DEFAULTS = {
    # The group whose members edit the directory; it is given the permissions after migrate.
    "EDITOR_GROUP": "Editors",
    # Dotted paths of functions ``f(*, now)`` that roadcase_tick runs after publishing, in order:
    # the retention purges and checks of other features. Each one's failure is logged, not fatal.
    "PERIODIC_JOBS": [
        "cms.concierge.services.concierge_retry_due",
        "cms.concierge.services.concierge_purge_expired",
        "cms.verification.services.mark_overdue_reviews",
    ],
    # Seconds a headless preview link (a signed token for one draft) stays valid.
    "PREVIEW_TOKEN_SECONDS": 60 * 60,
    # How often a resource must be re-verified, in months (crisis lines more often).
    "REVIEW_MONTHS_CRISIS": 6,
    "REVIEW_MONTHS_OTHER": 12,
    # A review falling due within this many days counts as "soon due" in the verification report.
    "REVIEW_SOON_DAYS": 30,
    # Hide a resource from the API once its review is overdue by more than this many days
    # (None: never hide; a stale crisis line is then still shown with its last-verified date).
    "HIDE_OVERDUE_AFTER_DAYS": None,
    # The link checker: how many addresses it checks at once, and seconds before one times out.
    "LINK_CHECK_CONCURRENCY": 8,
    "LINK_CHECK_TIMEOUT": 10,
    # Hours between two link checks the periodic job starts (as a background task, after its
    # lock is released); None: the periodic job never starts one (run `manage.py check_links`).
    "LINK_CHECK_INTERVAL_HOURS": 24,
    # Short numbers libphonenumber does not know yet, accepted on top of the shipped list
    # (cms/data/short_numbers.json), as "REGION:DIGITS", e.g. ["IN:14416"]. Add one only with
    # two agreeing sources: everything else must be a valid short or full number.
    "EXTRA_SHORT_NUMBERS": [],
    # How many resources one import may hold (a guard against runaway files).
    "IMPORT_MAX_ROWS": 5000,
    # The largest page an API list will serve, and the default page size.
    "API_MAX_PAGE_SIZE": 100,
    "API_PAGE_SIZE": 20,
    # Seconds a browser or CDN may reuse an API response, and serve it stale while revalidating.
    "API_CACHE_MAX_AGE": 60,
    "API_STALE_WHILE_REVALIDATE": 300,
    # Seconds the server keeps a rendered API response (purged sooner on publish/unpublish).
    "API_RESPONSE_CACHE_SECONDS": 300,
    # DRF throttle rates ("N/second|minute|hour|day") per client IP: reads, and writes (POST).
    "API_THROTTLE_READ": "240/minute",
    "API_THROTTLE_WRITE": "10/minute",
    # The crisis path (crisis lines, the widget's start) has its own allowance per client IP,
    # counted only for answers the response cache could not give: a festival's Wi-Fi or a
    # carrier's NAT puts thousands of phones on one address, and none may be refused the
    # emergency numbers (api/throttling.py, CrisisPathThrottle). 600 misses a minute is far
    # above any shared network's honest misses (one per country and language a minute).
    "API_THROTTLE_CRISIS_PATH": "600/minute",
    # The widget's start answer (GET widget/{partner}/start/): how long browsers and a CDN may
    # reuse it, serve it stale while revalidating, and serve it stale while the hub errs or is
    # unreachable (crisis data must outlive a hub hiccup). Purged on publish like the rest.
    "API_START_MAX_AGE": 300,
    "API_START_STALE_WHILE_REVALIDATE": 600,
    "API_START_STALE_IF_ERROR": 86400,
    # Where the widget's quick-exit button leaves to when the partner names no address: a
    # neutral page that looks like everyday browsing and is reachable worldwide.
    "QUICK_EXIT_URL": "https://www.google.com/",
    # Addresses or networks (CIDR) of the proxies, load balancers or CDN in front of the hub.
    # Empty: the client is the address that connected (REMOTE_ADDR) and X-Forwarded-For is
    # ignored, since any client can write it. Listed: X-Forwarded-For is read from the right
    # for as long as the hop that added an entry is one of these (api/clients.py).
    "TRUSTED_PROXIES": [],
    # The longest search text accepted, and the most crisis lines one answer lists.
    "API_MAX_QUERY_LENGTH": 200,
    "API_MAX_CRISIS_LINES": 50,
    # Search (docs/api.md): the backend answering ``?q=`` (a subclass of
    # ``api.search.SearchBackend``); matches counted exactly up to COUNT_LIMIT (beyond it the
    # count is that bound, with ``count_is_estimate``); ranked over at most CANDIDATES rows
    # from each of the index's candidate lists (more when a later page asks for them).
    "SEARCH_BACKEND": "api.search.IndexSearch",
    "API_SEARCH_COUNT_LIMIT": 1000,
    "API_SEARCH_CANDIDATES": 200,
    # Concierge (docs/concierge.md). The group whose members, and only they, see the inbox; it
    # is created with its permissions after migrate.
    "CONCIERGE_GROUP": "Concierge team",
    # Days after a request is closed until the periodic purge deletes it and all its history.
    "CONCIERGE_RETENTION_DAYS": 180,
    # Where new requests are announced (no personal data in that email, only a link); empty:
    # every active member of CONCIERGE_GROUP with an email address.
    "CONCIERGE_TEAM_EMAILS": [],
    # Extra throttle on concierge requests per client IP, on top of API_THROTTLE_WRITE.
    "CONCIERGE_THROTTLE": "5/hour",
    # Limits counted in the database, which hold even while the cache is down: requests per
    # recipient address (compared as a keyed hash, "+tags" ignored), and requests to the whole
    # hub per hour. Beyond either, a 429 that still carries the crisis lines.
    "CONCIERGE_PER_ADDRESS": "3/day",
    "CONCIERGE_HOURLY_CEILING": 200,
    # The django-tasks queue the concierge's emails go to, so that a worker of its own sends
    # them however much bulk work (search index, translations) waits on the default queue.
    # The task backend's QUEUES must list it (docs/deployment.md).
    "CONCIERGE_TASK_QUEUE": "concierge",
    # Delivery attempts per outgoing email before it is left as failed for a person to see.
    "CONCIERGE_MAX_ATTEMPTS": 8,
    # Localization (docs/localization.md). When a source is published with changes, carry them
    # into its existing translations at once (False: only when someone syncs in wagtail-localize).
    "SYNC_TRANSLATIONS_ON_PUBLISH": True,
    # When changed strings are synced, save the translation as a draft revision for review
    # instead of publishing source-language text (changes to synchronised facts alone, e.g. a
    # phone number, are always applied to what is live).
    "SYNC_TRANSLATIONS_AS_DRAFTS": True,
    # Name of the group created for a locale's translators ({language}, {code} filled in).
    "TRANSLATOR_GROUP_NAME": "Translators: {language}",
    # Items per page of the translation queue.
    "TRANSLATION_QUEUE_PAGE_SIZE": 50,
    # The hub's public face (docs/public-pages.md). The embed id of the partner record the
    # hub's own pages embed the finder as (created when first needed; the hub's own origin is
    # always allowed for it).
    "HUB_PARTNER": "hub",
    # Where short links are printed from (``https://hub.example``); empty: WAGTAILADMIN_BASE_URL.
    "SHORT_LINK_BASE_URL": "",
}


def roadcase_setting(name):
    """Return the host site's value for ``name``, or Roadcase's default."""
    if name not in DEFAULTS:
        raise KeyError(f"Unknown Roadcase setting {name!r}")
    return getattr(settings, "ROADCASE", {}).get(name, DEFAULTS[name])
