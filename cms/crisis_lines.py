"""The shipped crisis lines: national crisis lines, 24/7 helplines and worldwide services, each
with its contact points as dialled, hours, languages and two independent sources, kept as data
in ``data/crisis_lines/*.json`` (format and provenance: docs/crisis-data.md).

``load_crisis_lines`` creates the lines a hub does not have yet, as published resources listed
from their sources and not verified by the hub (the hub's staff verify them with the Verify
action). It never overwrites a line that exists, so an editor's corrections survive a reload.
"""

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale

from .codes import normalize_language
from .models import Audience, ContactPoint, Country, Language, Organisation, Resource, Topic
from .services import resource_save, translation_apply

DATA_DIR = Path(__file__).parent / "data" / "crisis_lines"
# The topic every line is filed under, where the hub has it; a line's own ``topics`` (only
# what its sources say it serves, e.g. people bereaved by suicide: "grief") are added.
CRISIS_TOPIC = "suicide-prevention"


class CrisisDataError(ValueError):
    """A shipped line is not valid; the message names the file, the line and the field."""


@dataclass(frozen=True)
class LoadReport:
    created: int
    existing: int
    translated: int = 0


TRANSLATIONS_DIR = DATA_DIR / "translations"


def shipped_translations():
    """``{locale code (lower case): {English text: translation}}``: the lines' names, summaries
    and contact-point labels, translated for Roadcase (docs/crisis-data.md)."""
    return {
        path.stem.lower(): json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(TRANSLATIONS_DIR.glob("*.json"))
    }


def shipped_lines():
    """Every shipped line as a dict, with ``file`` naming where it came from."""
    lines = []
    for path in sorted(DATA_DIR.glob("*.json")):
        if path.name.endswith(".emergency-fixes.json"):
            continue
        for entry in json.loads(path.read_text(encoding="utf-8")):
            lines.append({**entry, "file": path.name})
    if not lines:
        # An installation without its data (a distribution that left it out) must not load
        # a hub whose visitors quietly get no national crisis line.
        raise FileNotFoundError(
            f"No shipped crisis lines in {DATA_DIR}: the installation lacks its data."
        )
    return lines


def shipped_emergency_fixes():
    """The corrections to the shipped emergency numbers, each with its sources."""
    fixes = []
    for path in sorted(DATA_DIR.glob("*.emergency-fixes.json")):
        fixes.extend(json.loads(path.read_text(encoding="utf-8")))
    return fixes


@transaction.atomic
def load_crisis_lines(*, lines=None, translations=None) -> LoadReport:
    """Create every shipped line the hub does not have yet (matched by its id, kept as the
    resource's external id), and its translations into the hub's locales that it lacks.
    Raises CrisisDataError naming the first invalid line; then nothing is written.
    """
    lines = shipped_lines() if lines is None else lines
    translations = shipped_translations() if translations is None else translations
    locale = Locale.get_default()
    existing = set(
        Resource.objects.filter(
            locale=locale, external_id__in=[line["id"] for line in lines]
        ).values_list("external_id", flat=True)
    )
    topics = {topic.slug: topic for topic in Topic.objects.filter(locale=locale)}
    audiences = list(Audience.objects.filter(slug="any"))
    created = 0
    for line in lines:
        if line["id"] in existing:
            continue
        try:
            slugs = [CRISIS_TOPIC, *line.get("topics", [])]
            line_topics = [topics[slug] for slug in slugs if slug in topics]
            _create(line, locale, topics=line_topics, audiences=audiences)
        except (ValidationError, KeyError, ValueError) as error:
            where = f"{line.get('file')}: {line.get('id')}"
            raise CrisisDataError(f"{where}: {_describe(error)}") from error
        created += 1
    translated = _translate(lines, locale, translations)
    return LoadReport(created=created, existing=len(existing), translated=translated)


def _translate(lines, default_locale, translations):
    """Translate each line into every enabled locale it has no translation in yet, through
    wagtail-localize (a translator can refine it there). Returns how many were made."""
    locales = {
        locale.language_code.lower(): locale
        for locale in Locale.objects.exclude(pk=default_locale.pk)
    }
    wanted = {code: strings for code, strings in translations.items() if code in locales}
    if not wanted:
        return 0
    resources = Resource.objects.filter(
        locale=default_locale, external_id__in=[line["id"] for line in lines]
    )
    done = set(
        Resource.objects.filter(translation_key__in=resources.values("translation_key"))
        .exclude(locale=default_locale)
        .values_list("translation_key", "locale__language_code")
    )
    made = 0
    for resource in resources:
        for code, strings in wanted.items():
            locale = locales[code]
            if (resource.translation_key, locale.language_code) not in done:
                translation_apply(instance=resource, locale=locale, strings=strings)
                made += 1
    return made


def _describe(error):
    if isinstance(error, ValidationError) and hasattr(error, "message_dict"):
        return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
    if isinstance(error, KeyError):
        return f"missing {error}"
    return str(error)


def _create(line, locale, *, topics, audiences):
    first, second, *_more = line["sources"]
    resource = Resource(
        locale=locale,
        external_id=line["id"],
        name=line["name"],
        local_name=_local_name(line),
        kind=line["kind"],
        organisation=_organisation(line, locale),
        summary=line["summary"],
        worldwide=line["scope"] == "worldwide",
        time_zone=line["time_zone"],
        hours=line["hours"],
        cost=line["cost"],
        source_url=first["url"],
        source_read_on=date.fromisoformat(first["read_on"]),
        second_source_url=second["url"],
        source_note=_source_note(line["sources"]),
    )
    points = [
        ContactPoint(
            method=point["method"],
            value=point["value"],
            region=point.get("region", ""),
            label=point.get("label", ""),
            hours=point.get("hours", ""),
            sort_order=position,
        )
        for position, point in enumerate(line["contact_points"])
    ]
    languages = [
        Language.objects.get_or_create(code=normalize_language(tag))[0] for tag in line["languages"]
    ]
    return resource_save(
        resource=resource,
        contact_points=points,
        countries=Country.objects.filter(code__in=line["countries"]),
        languages=languages,
        topics=topics,
        audiences=audiences,
    )


def _local_name(line):
    """The first name in the line's own language(s) that differs from its English name."""
    for name in line.get("local_names", {}).values():
        if name and name != line["name"]:
            return name
    return ""


def _organisation(line, locale):
    name = line["organisation"]
    slug = slugify(name)[:100] or line["id"]
    organisation, _created = Organisation.objects.get_or_create(
        slug=slug, locale=locale, defaults={"name": name}
    )
    return organisation


def _source_note(sources):
    """Who published the facts and when they were read: "Facts from the operator's page and
    a list (en.wikipedia.org), read 2026-12-05." (at most 300 characters)."""
    described = [
        f"{PUBLISHERS.get(s['publisher'], s['publisher'])} ({urlsplit(s['url']).hostname})"
        for s in sources
    ]
    dates = ", ".join(sorted({source["read_on"] for source in sources}))
    return f"Facts from {' and '.join(described)}, read {dates}."[:300]


PUBLISHERS = {
    "operator": "the operator's page",
    "government": "a government page",
    "list": "a list",
    "news": "a news report",
}
