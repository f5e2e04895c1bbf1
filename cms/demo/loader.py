"""The demo hub: real crisis lines and music-industry organisations (facts from public sources,
each record marked as demo data with its source), a full guide, festival events and their
translations, loaded from the JSON files in ``data/``.

Loading is idempotent: it creates what is missing and never overwrites what exists, so an
editor's changes to demo content survive a reload.
"""

import json
import zoneinfo
from datetime import datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Locale, Site
from wagtail_localize.models import TranslationSource

from ..codes import normalize_language
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
    Topic,
)
from ..services import resource_save, translation_apply

DATA_DIR = Path(__file__).parent / "data"
DEMO_PARTNER_SLUG = "demo-festival"
TRANSLATED_LOCALES = ("es", "fr", "de", "ar", "pt-br", "ja", "sv")


def _read(name):
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _translations(locale_code):
    strings = {}
    for folder in ("translations", "translations-guide-events"):
        path = DATA_DIR / folder / f"{locale_code}.json"
        if path.exists():
            strings.update(json.loads(path.read_text(encoding="utf-8")))
    return strings


@transaction.atomic
def load_demo_hub(*, today=None):
    """Create every missing piece of the demo hub and return counts of what now exists."""
    today = today or timezone.localdate()
    default_locale = Locale.get_default()
    locales = _ensure_locales()

    topics = {t["slug"]: _topic(t, default_locale) for t in _read("topics.json")}
    organisations = {
        o["slug"]: _organisation(o, default_locale) for o in _read("organisations.json")
    }
    resources = {
        r["external_id"]: _resource(r, default_locale, topics, organisations, today)
        for r in _read("resources.json")
    }
    guide = _guide(_read("guide.json"), resources)
    events = [_event(e, today) for e in _read("events.json")]
    _partner()

    for code in TRANSLATED_LOCALES:
        locale = locales[code]
        strings = _translations(code)
        for instance in [*topics.values(), *organisations.values(), *resources.values()]:
            _translate(instance, locale, strings)
        for page in [guide, *events]:
            _translate(page, locale, strings)

    return {
        "resources": Resource.objects.filter(locale=default_locale).count(),
        "translated resources": Resource.objects.exclude(locale=default_locale).count(),
        "organisations": Organisation.objects.filter(locale=default_locale).count(),
        "topics": Topic.objects.filter(locale=default_locale).count(),
        "guides": GuidePage.objects.filter(locale=default_locale).count(),
        "events": EventPage.objects.filter(locale=default_locale).count(),
        "partners": Partner.objects.count(),
    }


def _ensure_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


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


def _resource(data, locale, topics, organisations, today):
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
        # Demo facts were checked against their public source when the data was written.
        last_verified=today - timedelta(days=30),
        verified_by="Roadcase demo data, from the public source",
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


def _index(model, title, slug, intro):
    root = _site_root()
    index = model.objects.filter(locale=root.locale).first()
    if index is None:
        index = root.add_child(instance=model(title=title, slug=slug, intro=intro))
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


def _guide(data, resources):
    index = _index(
        GuideIndexPage,
        "Guides",
        "guides",
        "Free guides with tools to stay grounded, for every role in music.",
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


def _event(data, today):
    index = _index(
        EventIndexPage,
        "Events",
        "events",
        "Wellness activations, workshops, residencies and songwriter dinners.",
    )
    existing = EventPage.objects.filter(slug=data["slug"], locale=index.locale).first()
    if existing:
        return existing
    zone = zoneinfo.ZoneInfo(data["time_zone"])
    hour, minute = map(int, data["start_time"].split(":"))
    starts_at = datetime.combine(today + timedelta(days=data["starts_in_days"]), time(hour, minute))
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


def _partner():
    Partner.objects.get_or_create(
        slug=DEMO_PARTNER_SLUG,
        defaults={
            "name": "Demo Festival",
            "allowed_origins": "http://127.0.0.1:8001\nhttp://localhost:8001",
            "default_locale": "en",
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
