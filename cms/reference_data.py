"""Reference rows every hub needs: all ISO 3166-1 countries with their emergency numbers,
the audiences, the languages of the content locales, and a first list of search synonyms.
Created after each migrate, and never overwriting what an editor has changed.
"""

import json
from pathlib import Path

from django.db import transaction

from .text import text_lines

COUNTRIES_FILE = Path(__file__).parent / "data" / "countries.json"
SYNONYMS_FILE = Path(__file__).parent / "data" / "search_synonyms.json"


def load_country_facts():
    """The shipped emergency-number facts, one dict per ISO 3166-1 country."""
    return json.loads(COUNTRIES_FILE.read_text(encoding="utf-8"))


@transaction.atomic
def ensure_reference_data(**kwargs):
    from .codes import normalize_language
    from .languages import content_language_codes
    from .models import Audience, Country, EmergencyNumber, Language

    Audience.objects.bulk_create(
        [Audience(slug=slug) for slug in Audience.CHOICES], ignore_conflicts=True
    )
    languages = {normalize_language(code) for code in content_language_codes()}
    Language.objects.bulk_create(
        [Language(code=code) for code in sorted(languages)], ignore_conflicts=True
    )

    existing = set(Country.objects.values_list("code", flat=True))
    new_facts = [f for f in load_country_facts() if f["code"] not in existing]
    Country.objects.bulk_create(
        [
            Country(code=f["code"], source_url=f.get("source_url", ""), notes=f.get("notes", ""))
            for f in new_facts
        ]
    )
    ensure_country_search_names()
    EmergencyNumber.objects.bulk_create(
        [
            EmergencyNumber(
                country_id=f["code"],
                number=entry["number"],
                services=",".join(entry["services"]),
                sort_order=position,
            )
            for f in new_facts
            for position, entry in enumerate(f["emergency_numbers"])
        ]
    )


def ensure_country_search_names():
    """Every country's names for search, in the hub's current languages, written and indexed
    where they changed (all of them on the first migrate, none after, until LANGUAGES grows).
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.backends import get_search_backends

    from .country_names import search_names
    from .models import Country

    # After a flush (tests) the cache may still hold content types that no longer exist, and
    # contenttypes' own post_migrate handler has not run yet: index entries must not use them.
    ContentType.objects.clear_cache()
    changed = []
    for country in Country.objects.all():
        names = search_names(country.code)
        if country.search_names != names:
            country.search_names = names
            changed.append(country)
    Country.objects.bulk_update(changed, ["search_names"])
    if changed:
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(Country, changed)


def ensure_search_synonyms(**kwargs):
    """The shipped search synonyms (``data/search_synonyms.json``: everyday words and crisis
    phrases in every hub language), when the hub has none: editors' own list is never
    touched, so a synonym an editor deleted stays deleted while any other remains."""
    from .languages import content_language_codes
    from .models import SearchSynonym

    if SearchSynonym.objects.exists():
        return
    languages = set(content_language_codes())
    SearchSynonym.objects.bulk_create(
        SearchSynonym(
            language=entry["language"],
            phrases="\n".join(entry["phrases"]),
            search_for="\n".join(entry["search_for"]),
            signals_crisis=entry["signals_crisis"],
        )
        for entry in json.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))
        if entry["language"] in languages
    )


def add_crisis_phrases(synonym_model, phrases_by_language):
    """Add shipped crisis phrases that a release brings to a hub that already has its synonyms
    (``ensure_search_synonyms`` fills only an empty table), from a data migration, so once per
    hub: each language's first crisis entry gets the phrases it lacks. A language whose crisis
    entries an editor deleted stays without; a phrase deleted later stays deleted."""
    for language, phrases in phrases_by_language.items():
        entry = (
            synonym_model.objects.filter(language=language, signals_crisis=True)
            .order_by("pk")
            .first()
        )
        if entry is None:
            continue
        lines = text_lines(entry.phrases)
        known = {line.casefold() for line in lines}
        missing = [phrase for phrase in phrases if phrase.casefold() not in known]
        if missing:
            entry.phrases = "\n".join([*lines, *missing])
            entry.save(update_fields=["phrases"])


EDITOR_MODELS = (
    "resource",
    "organisation",
    "topic",
    "country",
    "partner",
    "shortlink",
    "searchsynonym",
)


def ensure_editor_permissions(**kwargs):
    """Give the host site's editor group (ROADCASE["EDITOR_GROUP"]) the directory permissions,
    so editors do every daily task in the admin without a shell. Only adds, never removes.
    """
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission
    from wagtail.snippets.models import create_extra_permissions

    from .conf import roadcase_setting

    group = Group.objects.filter(name=roadcase_setting("EDITOR_GROUP")).first()
    if group is None:
        return
    # Wagtail's own post_migrate handlers run after ours; create the permissions we grant now.
    create_permissions(apps.get_app_config("roadcase"), verbosity=0)
    create_extra_permissions(apps.get_app_config("roadcase"))
    permissions = Permission.objects.filter(
        content_type__app_label="roadcase", content_type__model__in=EDITOR_MODELS
    ).exclude(codename__startswith="view_")
    group.permissions.add(*permissions)
