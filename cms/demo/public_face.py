"""The demo hub's public face: the hub home page (in the stand-alone demo site only, where it
replaces Wagtail's welcome page), illustrative stories from the community in several languages,
the hub's own partner record, and real festivals' events at their real time of year.

Idempotent like the rest of the loader: it creates what is missing and never overwrites what
exists.
"""

import json
from datetime import date, timedelta
from pathlib import Path

from django.db import transaction
from wagtail.models import Page, Site

from ..conf import roadcase_setting
from ..models import (
    Country,
    EventPage,
    HubHomePage,
    Resource,
    ShortLink,
    StoryIndexPage,
    StoryPage,
    Topic,
)
from ..public.services import hub_partner
from ..services import translation_apply

DATA_DIR = Path(__file__).parent / "data"
HOME = {
    "title": "Support for everyone who makes music happen",
    "slug": "hub",
    "intro": (
        "Artists, touring crew, songwriters, managers and their families: find crisis lines, "
        "trusted services, guides and events, in your language. This is a demo hub: its "
        "services are real and sourced, its stories illustrative."
    ),
    "finder_intro": "Start with where you are: the numbers to call in an emergency come first.",
    "concierge_intro": (
        "Not sure where to start? Our concierge team helps one person at a time find care near "
        "them: open the concierge form at the end of the finder."
    ),
}
HUB_QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"


def public_translations(locale_code):
    path = DATA_DIR / "translations-public" / f"{locale_code}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


# Events at their real time of year --------------------------------------------------------


def event_start_day(data, today):
    """The day an event of the demo starts. An event at a real festival has a ``season`` (the
    festival's usual month and day, with its source) and lands on it in the year that makes it
    the festival's next edition not yet over, or with ``"occurrence": "last"`` its latest edition
    already over; years in ``skip_years`` (a fallow year) are passed over. The year shifts, the
    season never does. Events at fictional places start ``starts_in_days`` from today."""
    season = data.get("season")
    if season is None:
        return today + timedelta(days=data["starts_in_days"])
    length = timedelta(minutes=data["duration_minutes"])
    years = [
        year
        for year in range(today.year - 2, today.year + 3)
        if year not in season.get("skip_years", ())
    ]
    starts = [date(year, season["month"], season["day"]) for year in years]
    if season.get("occurrence") == "last":
        return max(day for day in starts if day + length < today)
    return min(day for day in starts if day + length >= today)


# The home page -------------------------------------------------------------------------------


@transaction.atomic
def ensure_hub_home(default_locale):
    """The default site's hub home page. In the stand-alone demo, where the site's root is still
    Wagtail's welcome page (a plain ``Page``), a hub home page takes its place: the welcome
    page's children (and those of its translations) move under it, and the welcome page goes.
    A host site's own home page (any other type) is left alone: returns None."""
    site = Site.objects.get(is_default_site=True)
    root = site.root_page
    if root.specific_class is HubHomePage:
        return root.specific
    if root.specific_class is not Page:
        return None
    home = HubHomePage(locale=default_locale, **HOME)
    root.get_parent().add_child(instance=home)
    home.save_revision().publish()
    for child in root.get_children():
        child.move(home, pos="last-child")
    site.root_page = home
    site.save()
    for welcome in root.get_translations():
        translated = _translate_home(home, welcome.locale)
        for child in welcome.get_children():
            child.move(translated, pos="last-child")
        welcome.delete()
    Page.objects.get(pk=root.pk).delete()
    return HubHomePage.objects.get(pk=home.pk)


def _translate_home(home, locale):
    existing = home.get_translation_or_none(locale)
    if existing is not None:
        return existing
    return translation_apply(
        instance=home, locale=locale, strings=public_translations(locale.language_code)
    )


def translate_home(home, locales):
    """The home page in every content locale (translated where the demo has the words)."""
    if home is None:
        return
    for code, locale in locales.items():
        if code != home.locale.language_code:
            _translate_home(home, locale)


def ensure_hub_partner():
    """The hub's own partner (``ROADCASE["HUB_PARTNER"]``), with the demo's quick-exit address
    when the demo creates it."""
    existed = _hub_partner_exists()
    partner = hub_partner()
    if not existed and not partner.quick_exit_url:
        partner.quick_exit_url = HUB_QUICK_EXIT_URL
        partner.save(update_fields=["quick_exit_url"])
    return partner


def _hub_partner_exists():
    from ..models import Partner

    return Partner.objects.filter(slug=roadcase_setting("HUB_PARTNER")).exists()


# Stories -------------------------------------------------------------------------------------


def _paragraphs(paragraphs):
    from django.utils.html import escape

    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


def _story_body(blocks):
    body = []
    for block in blocks:
        if block["type"] == "text":
            body.append(("text", _paragraphs(block["paragraphs"])))
        elif block["type"] == "quote":
            body.append(("quote", {"text": block["text"], "attribution": block["attribution"]}))
        elif block["type"] == "callout":
            body.append(
                (
                    "callout",
                    {
                        "tone": block["tone"],
                        "title": block["title"],
                        "text": _paragraphs([block["text"]]),
                    },
                )
            )
    return body


def load_stories(default_locale, parent):
    """The illustrative demo stories under a Stories index (a child of ``parent``: the hub's
    home page, or the demo's section of a host's tree), each marked illustrative, checked
    against the safe-messaging list, and published. Returns ``(index, stories)``."""
    data = json.loads((DATA_DIR / "stories.json").read_text(encoding="utf-8"))
    root = parent
    index = StoryIndexPage.objects.filter(locale=root.locale).first()
    if index is None:
        index = root.add_child(instance=StoryIndexPage(**data["index"]))
        index.save_revision().publish()
    stories = []
    for item in data["stories"]:
        existing = StoryPage.objects.filter(slug=item["slug"], locale=index.locale).first()
        if existing:
            stories.append(existing)
            continue
        story = StoryPage(
            title=item["title"],
            slug=item["slug"],
            teller_role=item["teller_role"],
            teller_country=Country.objects.get(code=item["teller_country"]),
            pseudonym=item["pseudonym"],
            standfirst=item["standfirst"],
            content_notes=item["content_notes"],
            body=_story_body(item["body"]),
            is_illustrative=True,
            safe_messaging_checked=True,
        )
        story.full_clean(exclude=["path", "depth", "url_path", "translation_key", "locale"])
        index.add_child(instance=story)
        story.topics.set(Topic.objects.filter(slug__in=item["topics"], locale=index.locale))
        story.related_resources.set(
            Resource.objects.filter(external_id__in=item["resources"], locale=index.locale)
        )
        story.save_revision().publish()
        stories.append(story)
    return index, stories


def translate_stories(index, stories, locales):
    """The stories (and their index) in every locale the demo has their words for."""
    for code, locale in locales.items():
        strings = public_translations(code)
        if code == index.locale.language_code or index.title not in strings:
            continue
        for page in [index, *stories]:
            if page.title in strings and not page.get_translations().filter(locale=locale):
                translation_apply(instance=page, locale=locale, strings=strings)


# Short links ---------------------------------------------------------------------------------

DEMO_CAMPAIGN = "Festival season (demo)"
DEMO_SHORT_LINKS = [
    {"code": "glasto-breather", "target": "event", "slug": "glastonbury-backstage-breather"},
    {"code": "atg-lounge", "target": "event", "slug": "all-things-go-nyc-wellness-lounge"},
    {"code": "the-call", "target": "story", "slug": "the-call-i-nearly-did-not-make"},
    {"code": "kit", "target": "finder", "topic": "burnout"},
]


def load_short_links(default_locale):
    """A demo campaign's short links (to events, a story and the finder on a topic), with their
    QR codes in the admin. No visits are made up: the campaign report counts real ones."""
    pages = {"event": EventPage, "story": StoryPage}
    for item in DEMO_SHORT_LINKS:
        if ShortLink.objects.filter(code=item["code"]).exists():
            continue
        link = ShortLink(
            code=item["code"],
            target=item["target"],
            campaign=DEMO_CAMPAIGN,
            note="Demo short link, for a poster or a self-care kit card.",
        )
        if item["target"] in pages:
            link.page = pages[item["target"]].objects.get(slug=item["slug"], locale=default_locale)
        else:
            link.finder_topic = Topic.objects.get(slug=item["topic"], locale=default_locale)
        link.full_clean()
        link.save()
    return ShortLink.objects.filter(campaign=DEMO_CAMPAIGN).count()
