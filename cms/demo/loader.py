"""The demo hub: the shipped crisis lines (``cms.crisis_lines``: real, each listed from two
sources), music-industry organisations and services (facts from public sources, each record
marked as demo data with its source), a full guide, festival events and their translations,
loaded from the JSON files in ``data/``.

Loading is idempotent: it creates what is missing and never overwrites what exists, so an
editor's changes to demo content survive a reload.

It works with whatever content languages the site enables (translations into the others are
skipped, and it says so), and it creates pages only when asked (``pages=True``): in a host site,
the guide and events go under a section of their own, translated only into locales the host's
home page already has, so the host's existing pages stay exactly as they were.
"""

import json
import zoneinfo
from datetime import datetime, time, timedelta
from pathlib import Path

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import TranslationSource

from ..codes import normalize_language
from ..crisis_lines import load_crisis_lines
from ..languages import content_language_codes, default_language_code, supported_language
from ..localization.services import translation_queue_sync
from ..models import (
    Audience,
    ContactPoint,
    Country,
    EventIndexPage,
    EventPage,
    GuideIndexPage,
    GuidePage,
    Language,
    Organisation,
    Partner,
    Resource,
    ShortLink,
    StoryPage,
    Topic,
)
from ..services import resource_save, translation_apply
from ..signals import bulk_loading
from . import public_face

DATA_DIR = Path(__file__).parent / "data"
DEMO_PARTNER_SLUG = "demo-festival"
# The languages the demo's translations (data/translations*/) are written in.
TRANSLATED_LOCALES = ("es", "fr", "de", "ar", "pt-br", "ja", "sv")
# In a host site's page tree, the demo's pages go under a section of their own.
SECTION_TITLE = "Support hub"
SECTION_SLUG = "support-hub"


class DemoLocaleError(Exception):
    """The site's default content language is not English, the language the demo is written in."""


def _read(name):
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _translations(locale_code):
    strings = {}
    for folder in ("translations", "translations-guide-events", "translations-public"):
        path = DATA_DIR / folder / f"{locale_code}.json"
        if path.exists():
            strings.update(json.loads(path.read_text(encoding="utf-8")))
    return strings


def load_demo_hub(*, today=None, pages=False, say=lambda message: None):
    """Create every missing piece of the demo hub and return counts of what now exists.

    ``pages``: also the guide, the events, the stories and (in the stand-alone hub) the home
    page (see the module's docstring). ``say(message)`` is told what was skipped and why.
    """
    if not english_is_default():
        raise DemoLocaleError(
            f"The demo hub is written in English, and this site's default content language is "
            f"{default_language_code()!r}: it cannot be loaded here."
        )
    # Listeners that keep derived data in step with each change (the search index, the
    # translation queue) stand aside while the hub loads, and through the commit, when
    # wagtail-localize publishes the translations' revisions; the derived data is then built
    # once, from everything loaded. (A caller that holds a transaction of its own runs the
    # commit callbacks later: it should wrap its call in ``bulk_loading()`` too.)
    with bulk_loading(), transaction.atomic():
        _load(today or timezone.localdate(), pages=pages, say=say)
        transaction.on_commit(_derive)
    default_locale = Locale.get_default()
    return {
        "resources": Resource.objects.filter(locale=default_locale).count(),
        "translated resources": Resource.objects.exclude(locale=default_locale).count(),
        "organisations": Organisation.objects.filter(locale=default_locale).count(),
        "topics": Topic.objects.filter(locale=default_locale).count(),
        "guides": GuidePage.objects.filter(locale=default_locale).count(),
        "events": EventPage.objects.filter(locale=default_locale).count(),
        "stories": StoryPage.objects.filter(locale=default_locale).count(),
        "translated stories": StoryPage.objects.exclude(locale=default_locale).count(),
        "partners": Partner.objects.count(),
        "short links": ShortLink.objects.count(),
    }


@transaction.atomic
def _derive():
    call_command("rebuild_search_index", verbosity=0)
    translation_queue_sync()


def _load(today, *, pages, say):
    default_locale = Locale.get_default()
    locales = _demo_locales()
    skipped = skipped_translations()
    if skipped:
        say(f"Demo translations skipped for {', '.join(skipped)}: not content languages here.")
    resources = load_demo_directory(locales=locales)
    # The real, sourced crisis lines every hub gets (cms/data/crisis_lines), filed under the
    # topics just created.
    load_crisis_lines()
    demo_pages, page_locales, home = [], set(), None
    if pages:
        # The stand-alone hub's home page takes the place of Wagtail's welcome page (None on a
        # host site, whose own home page stays).
        home = public_face.ensure_hub_home(default_locale)
        # The guide lists shipped crisis lines beside the demo's own resources.
        shipped = Resource.objects.filter(locale=default_locale, is_demo=False)
        listed = {r.external_id: r for r in shipped.exclude(external_id="")} | resources
        parent = _pages_parent()
        guide = _guide(_read("guide.json"), listed, parent)
        demo_pages = [guide, *(_event(e, today, parent) for e in _read("events.json"))]
        story_index, stories = public_face.load_stories(default_locale, parent)
        public_face.load_short_links(default_locale)
        page_locales = _page_locales(locales, say)
    _partner()
    if home is not None:
        public_face.ensure_hub_partner()
        # Before the guide and events: translating a page copies its missing parents untranslated.
        public_face.translate_home(home, _content_locales())
    for code, locale in locales.items():
        if code in page_locales:
            strings = _translations(code)
            for page in demo_pages:
                _translate(page, locale, strings)
    if pages:
        story_locales = (
            _content_locales()
            if home is not None
            else {code: locale for code, locale in locales.items() if code in page_locales}
        )
        public_face.translate_stories(story_index, stories, story_locales)


def load_demo_directory(*, locales=None):
    """The demo directory alone (topics, organisations, the demo's resources and their
    translations), without pages or the shipped crisis lines: ``{external_id: resource}``.
    The search relevance tests load just this (and the crisis lines, untranslated)."""
    default_locale = Locale.get_default()
    locales = _demo_locales() if locales is None else locales
    topics = {t["slug"]: _topic(t, default_locale) for t in _read("topics.json")}
    organisations = {
        o["slug"]: _organisation(o, default_locale) for o in _read("organisations.json")
    }
    resources = {
        r["external_id"]: _resource(r, default_locale, topics, organisations)
        for r in _read("resources.json")
    }
    for code, locale in locales.items():
        strings = _translations(code)
        for instance in [*topics.values(), *organisations.values(), *resources.values()]:
            _translate(instance, locale, strings)
    return resources


def english_is_default():
    return default_language_code().split("-")[0] == "en"


def _translation_targets():
    """``{demo translation code: content language}`` for the demo's translations this site can
    hold: the demo's ``fr`` goes into ``fr-ca`` where only that is enabled."""
    found = {code: supported_language(code) for code in TRANSLATED_LOCALES}
    return {code: language for code, language in found.items() if language}


def skipped_translations():
    """The demo's translations this site has no content language for."""
    return [code for code in TRANSLATED_LOCALES if code not in _translation_targets()]


def _content_locales():
    """``{language code: Locale}`` of every content language (the home page and stories are
    written in all of them)."""
    return {locale.language_code: locale for locale in Locale.objects.all()}


def _demo_locales():
    """``{demo translation code: Locale}``, creating the Locale rows of the content languages."""
    for code in content_language_codes():
        Locale.objects.get_or_create(language_code=code)
    return {
        code: Locale.objects.get(language_code=language)
        for code, language in _translation_targets().items()
        if language != default_language_code()
    }


def _owns_site_root(root):
    """Whether the site's root page is the hub's own: a Roadcase page, or Wagtail's bare
    placeholder of a new site. Anything else belongs to the host."""
    return root.specific_class is Page or root.specific_class._meta.app_label == "roadcase"


def _pages_parent():
    """Where the demo's index pages go: the site root when it is the hub's own, else a section
    of the demo's own under the host's root page."""
    root = _site_root()
    if _owns_site_root(root):
        return root
    section = root.get_children().filter(slug=SECTION_SLUG, locale=root.locale).first()
    if section is None:
        section = root.add_child(instance=Page(title=SECTION_TITLE, slug=SECTION_SLUG))
    return section


def _page_locales(locales, say):
    """The demo translation codes its pages may be translated into. Translating a page copies
    its missing ancestors into the locale, so in a host's tree only locales the host's root
    page already has are used: its pages are never copied."""
    root = _site_root()
    if _owns_site_root(root):
        return set(locales)
    held = set(root.get_translations(inclusive=True).values_list("locale_id", flat=True))
    usable = {code for code, locale in locales.items() if locale.pk in held}
    missing = sorted(set(locales) - usable)
    if missing:
        say(
            f"Demo pages not translated into {', '.join(missing)}: this site's home page has no "
            "translation in them (translate it, then load again)."
        )
    return usable


def _topic(data, locale):
    topic, _created = Topic.objects.get_or_create(
        slug=data["slug"],
        locale=locale,
        defaults={"name": data["name"], "description": data.get("description", "")},
    )
    return topic


def _organisation(data, locale):
    organisation, _created = Organisation.objects.get_or_create(
        slug=data["slug"],
        locale=locale,
        defaults={
            "name": data["name"],
            "description": data.get("description", ""),
            "website": data.get("website", ""),
            "country_id": data.get("country") or None,
            "source_url": data.get("source_url", ""),
        },
    )
    return organisation


def _resource(data, locale, topics, organisations):
    existing = Resource.objects.filter(external_id=data["external_id"], locale=locale).first()
    if existing:
        return existing
    resource = Resource(
        locale=locale,
        external_id=data["external_id"],
        name=data["name"],
        kind=data["kind"],
        organisation=organisations.get(data.get("organisation")),
        summary=data["summary"],
        description=data.get("description", ""),
        worldwide=data.get("worldwide", False),
        time_zone=data["time_zone"],
        hours=data.get("hours", ""),
        hours_note=data.get("hours_note", ""),
        cost=data.get("cost", "free"),
        eligibility=data.get("eligibility", ""),
        confidentiality=data.get("confidentiality", ""),
        # Nobody at the hub has verified demo facts: they are listed from their source, and say
        # so (last_verified stays empty; the API reports them as "listed", not "verified").
        source_url=data.get("source_url", ""),
        source_note=data.get("source_note", ""),
        is_demo=True,
    )
    contact_points = [
        ContactPoint(
            method=point["method"],
            value=point["value"],
            region=point.get("region", ""),
            label=point.get("label", ""),
            hours=point.get("hours", ""),
            sort_order=position,
        )
        for position, point in enumerate(data.get("contact_points", []))
    ]
    languages = []
    for tag in data.get("languages", []):
        language, _created = Language.objects.get_or_create(code=normalize_language(tag))
        languages.append(language)
    return resource_save(
        resource=resource,
        contact_points=contact_points,
        countries=Country.objects.filter(code__in=data.get("countries", [])),
        languages=languages,
        topics=[topics[slug] for slug in data.get("topics", [])],
        audiences=Audience.objects.filter(slug__in=data.get("audiences", [])),
    )


def _site_root():
    return Site.objects.get(is_default_site=True).root_page.specific


def _index(model, title, slug, intro, parent):
    index = model.objects.child_of(parent).filter(locale=parent.locale).first()
    if index is None:
        index = parent.add_child(instance=model(title=title, slug=slug, intro=intro))
    return index


def _paragraphs(paragraphs):
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


def _chapter_body(blocks, resources):
    body = []
    for block in blocks:
        kind = block["type"]
        if kind == "text":
            body.append(("text", _paragraphs(block["paragraphs"])))
        elif kind == "callout":
            body.append(
                (
                    "callout",
                    {
                        "tone": block.get("tone", "info"),
                        "title": block["title"],
                        "text": _paragraphs([block["text"]]),
                    },
                )
            )
        elif kind == "tool":
            body.append(
                (
                    "tool",
                    {
                        "title": block["title"],
                        "duration_minutes": block.get("duration_minutes"),
                        "intro": block.get("intro", ""),
                        "steps": block["steps"],
                    },
                )
            )
        elif kind == "quote":
            body.append(("quote", {"text": block["text"], "attribution": block.get("attribution")}))
        elif kind == "resources":
            chosen = [resources[r] for r in block["resources"] if r in resources]
            body.append(("resources", {"title": block["title"], "resources": chosen}))
    return body


def _guide(data, resources, parent):
    index = _index(
        GuideIndexPage,
        "Guides",
        "guides",
        "Free guides with tools to stay grounded, for every role in music.",
        parent,
    )
    existing = GuidePage.objects.filter(slug=data["slug"], locale=index.locale).first()
    if existing:
        return existing
    guide = GuidePage(
        title=data["title"],
        slug=data["slug"],
        intro=data["intro"],
        chapters=[
            (
                "chapter",
                {"title": c["title"], "body": _chapter_body(c["blocks"], resources)},
            )
            for c in data["chapters"]
        ],
    )
    index.add_child(instance=guide)
    guide.roles.set(Audience.objects.filter(slug__in=data.get("roles", [])))
    guide.save_revision().publish()
    return guide


def _event(data, today, parent):
    index = _index(
        EventIndexPage,
        "Events",
        "events",
        "Wellness activations, workshops, residencies and songwriter dinners.",
        parent,
    )
    existing = EventPage.objects.filter(slug=data["slug"], locale=index.locale).first()
    if existing:
        return existing
    zone = zoneinfo.ZoneInfo(data["time_zone"])
    hour, minute = map(int, data["start_time"].split(":"))
    starts_at = datetime.combine(public_face.event_start_day(data, today), time(hour, minute))
    starts_at = timezone.make_aware(starts_at, zone)
    event = EventPage(
        title=data["title"],
        slug=data["slug"],
        kind=data["kind"],
        summary=data["summary"],
        description=_paragraphs(data.get("description", [])),
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=data["duration_minutes"]),
        time_zone=data["time_zone"],
        venue=data.get("venue", ""),
        festival=data.get("festival", ""),
        city=data.get("city", ""),
        country_id=data.get("country") or None,
        online_url=data.get("online_url", ""),
        registration_url=data.get("registration_url", ""),
        capacity=data.get("capacity"),
        partners=", ".join(data.get("partners", [])),
        accessibility_notes=data.get("accessibility_notes", ""),
        status=data.get("status", "scheduled"),
    )
    event.full_clean(exclude=["path", "depth", "url_path", "translation_key", "locale"])
    index.add_child(instance=event)
    event.save_revision().publish()
    return event


def allow_demo_partner_page(port):
    """Allow the demo partner's page where ``run_demo`` serves it (``make demo
    PARTNER_PORT=…``): on a port the partner does not list, the widget there would offer only
    the crisis path. Origins already listed stay."""
    partner = Partner.objects.filter(slug=DEMO_PARTNER_SLUG).first()
    if partner is None:
        return
    missing = [
        origin
        for origin in (f"http://127.0.0.1:{port}", f"http://localhost:{port}")
        if origin not in partner.origins
    ]
    if missing:
        partner.allowed_origins = "\n".join([*partner.origins, *missing])
        partner.save(update_fields=["allowed_origins"])


def _partner():
    Partner.objects.get_or_create(
        slug=DEMO_PARTNER_SLUG,
        defaults={
            "name": "Demo Festival",
            "allowed_origins": "http://127.0.0.1:8001\nhttp://localhost:8001",
            "default_locale": default_language_code(),
            "default_country": Country.objects.filter(code="GB").first(),
            "quick_exit_url": "https://www.bbc.co.uk/weather",
        },
    )


def _translate(instance, locale, strings):
    """Translate ``instance`` with the locale's demo strings; an item none of whose strings
    the locale's files translate gets no copy (it would only repeat the English)."""
    if instance.get_translations().filter(locale=locale).exists():
        return
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    texts = source.stringsegment_set.values_list("string__data", flat=True)
    if not any(text in strings for text in texts):
        return
    translation_apply(instance=instance, locale=locale, strings=strings)
