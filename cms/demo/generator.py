"""A large generated hub for benchmarks: tens of thousands of resources in every content locale,
thousands of guides and events, written with bulk inserts (minutes, not the hours that
``resource_save`` and wagtail-localize's per-object pipeline would take at this size).

Every row is one that validation would accept (``Resource.full_clean`` and ``clean_related``,
``ContactPoint.full_clean``, ``EventPage.clean``): canonical hours, real IANA zones, phone
numbers valid in their country, countries or worldwide, at least one language. Translations are
what wagtail-localize would leave behind: a row with the source's ``translation_key`` in another
locale, live, with synchronised fields copied and translatable text in the target language;
translated pages sit under the translated index page, as wagtail-localize copies them.

Generated rows are recognisable: resources have ``external_id`` ``gen-…``, organisations and
pages slugs starting ``gen-``. Everything is seeded, so two runs with the same options produce
the same hub. Pages are inserted without revisions (they are live and have never been edited).
"""

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import phonenumbers
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from ..codes import CodeError, normalize_language, normalize_phone
from ..hours import normalize_hours
from ..models import (
    Audience,
    ContactPoint,
    EventIndexPage,
    EventKind,
    EventPage,
    EventStatus,
    GuideIndexPage,
    GuidePage,
    Kind,
    Language,
    Organisation,
    Resource,
    Topic,
)
from ..models.resources import add_months
from .loader import _index, _read, _site_root, _translations

GENERATED_PREFIX = "gen-"
BATCH = 2000

# Where generated services and events are: (country, time zone, city, main language).
PLACES = [
    ("GB", "Europe/London", "London", "en"),
    ("GB", "Europe/London", "Manchester", "en"),
    ("US", "America/New_York", "New York", "en"),
    ("US", "America/Chicago", "Nashville", "en"),
    ("US", "America/Los_Angeles", "Los Angeles", "en"),
    ("CA", "America/Toronto", "Toronto", "en"),
    ("AU", "Australia/Sydney", "Sydney", "en"),
    ("IE", "Europe/Dublin", "Dublin", "en"),
    ("ES", "Europe/Madrid", "Madrid", "es"),
    ("MX", "America/Mexico_City", "Ciudad de México", "es"),
    ("AR", "America/Argentina/Buenos_Aires", "Buenos Aires", "es"),
    ("FR", "Europe/Paris", "Paris", "fr"),
    ("BE", "Europe/Brussels", "Bruxelles", "fr"),
    ("DE", "Europe/Berlin", "Berlin", "de"),
    ("AT", "Europe/Vienna", "Wien", "de"),
    ("BR", "America/Sao_Paulo", "São Paulo", "pt-BR"),
    ("JP", "Asia/Tokyo", "Tokyo", "ja"),
    ("EG", "Africa/Cairo", "Cairo", "ar"),
    ("AE", "Asia/Dubai", "Dubai", "ar"),
    ("SE", "Europe/Stockholm", "Stockholm", "sv"),
]

KIND_WEIGHTS = {
    Kind.CRISIS_LINE: 8,
    Kind.HELPLINE: 12,
    Kind.THERAPY: 20,
    Kind.PEER_SUPPORT: 15,
    Kind.FINANCIAL_AID: 10,
    Kind.SELF_HELP: 15,
    Kind.COMMUNITY: 10,
    Kind.MEDIA: 10,
}

NAME_FIRST = [
    "Backstage",
    "Harbour",
    "Encore",
    "Soundcheck",
    "Tour",
    "Bus",
    "Green",
    "Room",
    "Night",
    "Shift",
    "Roadie",
    "Setlist",
    "Studio",
    "Chorus",
    "Bridge",
    "Refrain",
    "Tempo",
    "Amplify",
    "Echo",
    "Resonance",
    "Overture",
    "Riff",
    "Downbeat",
    "Bassline",
    "Keynote",
    "Harmony",
    "Unplugged",
    "Afterparty",
    "Loadout",
    "Headliner",
    "Crossfade",
    "Mixdown",
    "Fermata",
    "Cadence",
    "Stagedoor",
]
NAME_SECOND = [
    "Minds",
    "Lifeline",
    "Circle",
    "Collective",
    "Network",
    "Care",
    "Fund",
    "Trust",
    "Voices",
    "Crew",
    "Hands",
    "Light",
    "Compass",
    "Anchor",
    "Haven",
    "Project",
    "Alliance",
    "Foundation",
    "Union",
    "Connect",
    "Line",
    "Space",
]
KIND_WORD = {
    Kind.CRISIS_LINE: "Crisis Line",
    Kind.HELPLINE: "Helpline",
    Kind.THERAPY: "Counselling",
    Kind.PEER_SUPPORT: "Peer Support",
    Kind.FINANCIAL_AID: "Hardship Grant",
    Kind.SELF_HELP: "Toolkit",
    Kind.COMMUNITY: "Meetup",
    Kind.MEDIA: "Podcast",
}

# Translatable text in each content locale: "{topic}" and "{org}" are filled in.
SUMMARIES = {
    "en": "Confidential support with {topic} for people who work in music, from {org}.",
    "es": "Apoyo confidencial con {topic} para quienes trabajan en la música, de {org}.",
    "fr": "Un soutien confidentiel face à {topic} pour les personnes de la musique, par {org}.",
    "de": "Vertrauliche Unterstützung bei {topic} für Menschen in der Musikbranche, von {org}.",
    "pt-br": "Apoio confidencial com {topic} para quem trabalha com música, da {org}.",
    "ja": "音楽業界で働く人のための{topic}に関する秘密厳守のサポート、{org}。",
    "ar": "دعم سري في {topic} للعاملين في الموسيقى، من {org}.",
    "sv": "Konfidentiellt stöd vid {topic} för alla som arbetar med musik, från {org}.",
}
DESCRIPTIONS = {
    "en": "Trained listeners who understand touring, late nights and irregular income. "
    "Talk through {topic}, make a plan for the next few days and find longer-term help.",
    "es": "Personas formadas que entienden las giras, las noches largas y los ingresos "
    "irregulares. Habla sobre {topic} y encuentra ayuda a largo plazo.",
    "fr": "Des écoutants formés qui connaissent les tournées, les nuits tardives et les revenus "
    "irréguliers. Parlez de {topic} et trouvez une aide durable.",
    "de": "Geschulte Zuhörende, die Tourneen, lange Nächte und unregelmäßiges Einkommen kennen. "
    "Sprechen Sie über {topic} und finden Sie langfristige Hilfe.",
    "pt-br": "Ouvintes treinados que entendem turnês, noites longas e renda irregular. "
    "Converse sobre {topic} e encontre ajuda a longo prazo.",
    "ja": "ツアーや深夜の仕事、不規則な収入を理解する相談員が、"
    "{topic}について話を聞き、長期的な支援につなげます。",
    "ar": "مستمعون مدرَّبون يفهمون الجولات والسهر والدخل غير المنتظم. تحدّث عن {topic} "
    "واعثر على مساعدة طويلة الأمد.",
    "sv": "Utbildade samtalsstöd som förstår turnéliv, sena nätter och oregelbunden inkomst. "
    "Prata om {topic} och hitta långsiktig hjälp.",
}
HOURS = [
    normalize_hours(text)
    for text in (
        "24/7",
        "Mo-Fr 09:00-17:00",
        "Mo-Fr 10:00-22:00; Sa 10:00-16:00",
        "Mo-Su 18:00-24:00; Mo-Su 00:00-02:00",
    )
]


@dataclass(frozen=True)
class HubSize:
    """How big a hub to generate."""

    resources: int = 50_000
    guides: int = 2_000
    events: int = 5_000
    translated_share: float = 0.6
    locales: tuple[str, ...] = ()  # empty: every content locale
    seed: int = 1


def generated_counts():
    """What the database holds of a generated hub: counts comparable with a HubSize."""
    default = Locale.get_default()
    generated = Resource.objects.filter(external_id__startswith=GENERATED_PREFIX)
    sources = generated.filter(locale=default).count()
    return {
        "resources": sources,
        "translated resources": generated.exclude(locale=default).count(),
        "guides": GuidePage.objects.filter(
            locale=default, slug__startswith=GENERATED_PREFIX
        ).count(),
        "events": EventPage.objects.filter(
            locale=default, slug__startswith=GENERATED_PREFIX
        ).count(),
        "locales": Locale.objects.count(),
    }


def generate_hub(size: HubSize, *, log=print):
    """Insert a generated hub of ``size`` into an empty-of-generated-content database and
    return ``generated_counts()``. Raises ValueError if generated content is already there.
    """
    if (
        generated_counts()["resources"]
        or Organisation.objects.filter(slug__startswith=GENERATED_PREFIX).exists()
    ):
        raise ValueError("This database already holds generated content.")
    rng = random.Random(size.seed)
    codes = size.locales or tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in codes}
    default = Locale.get_default()
    targets = [locale for locale in locales.values() if locale.pk != default.pk]
    # About one organisation for every twenty services, as in real directories.
    writer = _Writer(
        rng, default, targets, size.translated_share, log, max(10, size.resources // 20)
    )
    with transaction.atomic():
        writer.reference_data()
        log(f"organisations: {len(writer.organisations)}")
        for start in range(0, size.resources, BATCH * 5):
            writer.resources(start, min(size.resources, start + BATCH * 5))
            log(f"resources: {min(size.resources, start + BATCH * 5)}/{size.resources}")
        writer.guides(size.guides)
        log(f"guides: {size.guides}")
        writer.events(size.events)
        log(f"events: {size.events}")
    return generated_counts()


class _Writer:
    def __init__(self, rng, default, targets, share, log, organisation_count):
        self.rng = rng
        self.organisation_count = organisation_count
        self.default = default
        self.targets = targets
        self.share = share
        self.log = log
        self.today = timezone.localdate()
        self.resource_ids = []

    # Reference data -----------------------------------------------------------------------

    def reference_data(self):
        self.audiences = [a for a in Audience.objects.values_list("slug", flat=True) if a != "any"]
        self.languages = {}
        for code in {place[3] for place in PLACES}:
            language, _created = Language.objects.get_or_create(code=normalize_language(code))
            self.languages[code] = language.pk
        self.phones = _phone_pool({place[0] for place in PLACES})
        self.topics = self._topics()
        self.organisations = self._organisations(self.organisation_count)

    def _topics(self):
        """Topics in the default locale (the demo's, reused when present) and in every target
        locale: ``[(source pk, {locale_id: translated name})]``.
        """
        topics = []
        for data in _read("topics.json"):
            topic, _created = Topic.objects.get_or_create(
                slug=data["slug"],
                locale=self.default,
                defaults={"name": data["name"], "description": data.get("description", "")},
            )
            names = {self.default.pk: topic.name}
            for locale in self.targets:
                name = _translations(locale.language_code).get(topic.name, topic.name)
                translated, _created = Topic.objects.get_or_create(
                    translation_key=topic.translation_key,
                    locale=locale,
                    defaults={"slug": topic.slug, "name": name},
                )
                names[locale.pk] = translated.name
            topics.append((topic.pk, names))
        return topics

    def _organisations(self, count):
        """``[(source pk, {locale_id: pk of that locale's row}, name)]``; organisation names
        are proper nouns, the same in every locale.
        """
        rows = []
        for number in range(1, count + 1):
            name = f"{self.rng.choice(NAME_FIRST)} {self.rng.choice(NAME_SECOND)}"
            place = self.rng.choice(PLACES)
            rows.append(
                Organisation(
                    locale=self.default,
                    slug=f"{GENERATED_PREFIX}org-{number:05d}",
                    name=f"{name} {place[2]}",
                    website=f"https://{GENERATED_PREFIX}org-{number:05d}.example.org",
                    country_id=place[0],
                )
            )
        _bulk_insert(Organisation, rows)
        translations = [
            Organisation(
                locale=locale,
                translation_key=org.translation_key,
                slug=org.slug,
                name=org.name,
                website=org.website,
                country_id=org.country_id,
            )
            for org in rows
            for locale in self.targets
        ]
        _bulk_insert(Organisation, translations)
        by_key = {}
        for org in translations:
            by_key.setdefault(org.translation_key, {})[org.locale_id] = org.pk
        return [
            (org.pk, {self.default.pk: org.pk, **by_key[org.translation_key]}, org.name)
            for org in rows
        ]

    # Resources ----------------------------------------------------------------------------

    def resources(self, start, stop):
        rng = self.rng
        kinds = list(KIND_WEIGHTS)
        weights = list(KIND_WEIGHTS.values())
        sources, plans = [], []
        for number in range(start, stop):
            kind = rng.choices(kinds, weights)[0]
            org_pk, org_by_locale, org_name = rng.choice(self.organisations)
            place = rng.choice(PLACES)
            topic_picks = rng.sample(self.topics, rng.randint(1, 3))
            worldwide = rng.random() < 0.08
            countries = [] if worldwide else sorted({place[0], rng.choice(PLACES)[0]})
            languages = sorted({self.languages[place[3]], self.languages["en"]})
            urgent = kind in (Kind.CRISIS_LINE, Kind.HELPLINE)
            hours = rng.choice(HOURS) if urgent else rng.choice(["", *HOURS[1:]])
            verified = self.today - timedelta(days=rng.randint(1, 150))
            name = (
                f"{rng.choice(NAME_FIRST)} {rng.choice(NAME_SECOND)} {KIND_WORD[kind]} "
                f"{place[2]} {number + 1}"
            )
            topic_name = topic_picks[0][1][self.default.pk].lower()
            resource = Resource(
                locale=self.default,
                external_id=f"{GENERATED_PREFIX}{number + 1:06d}",
                name=name,
                kind=kind,
                organisation_id=org_pk,
                summary=SUMMARIES["en"].format(topic=topic_name, org=org_name),
                description=DESCRIPTIONS["en"].format(topic=topic_name),
                worldwide=worldwide,
                time_zone=place[1],
                hours=hours,
                cost=rng.choice(["free", "free", "free", "sliding_scale", "paid", "grant"]),
                eligibility="Anyone working in music, and their families.",
                last_verified=verified,
                verified_by="Generated benchmark data",
                source_url=f"https://{GENERATED_PREFIX}org.example.org/resources/{number + 1}",
                source_note="Generated for benchmarks; not a real service.",
                live=True,
                has_unpublished_changes=False,
                first_published_at=timezone.now(),
                last_published_at=timezone.now(),
            )
            resource.review_due = add_months(verified, resource.review_period_months())
            sources.append(resource)
            plans.append(
                {
                    "org": org_by_locale,
                    "org_name": org_name,
                    "topics": topic_picks,
                    "countries": countries,
                    "languages": languages,
                    "audiences": rng.sample(self.audiences, rng.randint(1, 3))
                    if rng.random() < 0.7
                    else ["any"],
                    "points": self._contact_points(kind, place, number),
                    "locales": [t for t in self.targets if rng.random() < self.share],
                }
            )
        _bulk_insert(Resource, sources)
        self.resource_ids.extend(r.pk for r in sources)

        translations = []
        for resource, plan in zip(sources, plans, strict=True):
            for locale in plan["locales"]:
                code = locale.language_code
                topic_name = plan["topics"][0][1][locale.pk].lower()
                translations.append(
                    _copy(
                        resource,
                        locale=locale,
                        organisation_id=plan["org"][locale.pk],
                        summary=SUMMARIES[code].format(topic=topic_name, org=plan["org_name"]),
                        description=DESCRIPTIONS[code].format(topic=topic_name),
                        eligibility="",
                    )
                )
        _bulk_insert(Resource, translations)

        rows = {"countries": [], "languages": [], "topics": [], "audiences": []}
        points = []
        plan_by_key = {r.translation_key: p for r, p in zip(sources, plans, strict=True)}
        for resource in [*sources, *translations]:
            plan = plan_by_key[resource.translation_key]
            rows["countries"] += [(resource.pk, code) for code in plan["countries"]]
            rows["languages"] += [(resource.pk, code) for code in plan["languages"]]
            rows["topics"] += [(resource.pk, topic[0]) for topic in plan["topics"]]
            rows["audiences"] += [(resource.pk, slug) for slug in plan["audiences"]]
            for position, (point, key) in enumerate(plan["points"]):
                points.append(
                    ContactPoint(
                        resource_id=resource.pk,
                        locale_id=resource.locale_id,
                        translation_key=key,
                        sort_order=position,
                        **point,
                    )
                )
        for field, pairs in rows.items():
            _insert_through(Resource, field, pairs)
        _bulk_insert(ContactPoint, points)

    def _contact_points(self, kind, place, number):
        """``[(fields, translation_key)]``: shared by the source and its translations."""
        region = place[0]
        web = {"method": "web", "value": f"https://{GENERATED_PREFIX}org.example.org/r/{number}"}
        if kind in (Kind.CRISIS_LINE, Kind.HELPLINE):
            points = [{"method": "phone", "value": self.rng.choice(self.phones[region])}]
            if self.rng.random() < 0.4:
                points.append({"method": "sms", "value": self.rng.choice(self.phones[region])})
            if self.rng.random() < 0.5:
                points.append({**web, "method": "chat"})
        else:
            points = [web]
            if self.rng.random() < 0.5:
                points.append(
                    {"method": "email", "value": f"help{number}@{GENERATED_PREFIX}org.example.org"}
                )
        return [(point, uuid.uuid4()) for point in points]

    # Pages --------------------------------------------------------------------------------

    def guides(self, count):
        index = _index(
            GuideIndexPage, "Guides", "guides", "Guides for every role in music.", _site_root()
        )
        rng = self.rng
        pages = []
        for number in range(1, count + 1):
            topic_picks = rng.sample(self.topics, 2)
            topic = topic_picks[0][1][self.default.pk]
            title = f"{topic}: a guide for {rng.choice(['artists', 'crew', 'managers'])} {number}"
            pages.append(
                (
                    {
                        "title": title,
                        "slug": f"{GENERATED_PREFIX}guide-{number:05d}",
                        "intro": f"Practical tools for {topic.lower()} on the road.",
                        "chapters": self._chapters(topic),
                        "reading_time_minutes": 4,
                    },
                    {
                        "roles": rng.sample(self.audiences, 2),
                        "topics": [t[0] for t in topic_picks],
                    },
                )
            )
        self._pages(GuidePage, index, pages)

    def _chapters(self, topic):
        resources = self.rng.sample(self.resource_ids, min(3, len(self.resource_ids)))
        text = f"<p>Life on tour makes {topic.lower()} harder to notice and easier to ignore. " + (
            "These pages give you a few things to try tonight and people to call tomorrow.</p>"
        )
        chapters = []
        for title in ("Before the tour", "On the road", "Coming home"):
            body = [
                _block("text", text),
                _block(
                    "callout",
                    {"tone": "info", "title": "You are not alone", "text": text},
                ),
                _block(
                    "tool",
                    {
                        "title": "Box breathing",
                        "duration_minutes": 4,
                        "intro": "Four counts each, four times.",
                        "steps": ["Breathe in", "Hold", "Breathe out", "Hold"],
                    },
                ),
                _block("quote", {"text": "Ask for help early.", "attribution": "A tour manager"}),
            ]
            if resources:
                body.append(_block("resources", {"title": "Who to call", "resources": resources}))
            chapters.append(_block("chapter", {"title": title, "body": body}))
        return chapters

    def events(self, count):
        index = _index(
            EventIndexPage, "Events", "events", "Wellness events at festivals.", _site_root()
        )
        rng = self.rng
        kinds = [k for k in EventKind if k != EventKind.ONLINE_SESSION]
        now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
        pages = []
        for number in range(1, count + 1):
            place = rng.choice(PLACES)
            online = rng.random() < 0.15
            starts = now + timedelta(hours=rng.randint(-24 * 60, 24 * 300))
            topic = rng.choice(self.topics)[1][self.default.pk]
            fields = {
                "title": f"{topic} session at {place[2]} {number}",
                "slug": f"{GENERATED_PREFIX}event-{number:05d}",
                "kind": EventKind.ONLINE_SESSION if online else rng.choice(kinds),
                "summary": f"A relaxed, confidential session on {topic.lower()}.",
                "description": "<p>Free for artists, crew and their families.</p>",
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=rng.choice([1, 2, 3, 48])),
                "time_zone": place[1],
                "festival": f"{rng.choice(NAME_FIRST)} Festival",
                "partners": "Generated Partner",
                "status": rng.choice([EventStatus.SCHEDULED] * 8 + [EventStatus.CANCELLED]),
            }
            if online:
                fields["online_url"] = f"https://{GENERATED_PREFIX}events.example.org/{number}"
            else:
                fields.update(venue="Wellness tent", city=place[2], country_id=place[0])
            pages.append((fields, {}))
        self._pages(EventPage, index, pages)

    def _pages(self, model, index, pages):
        """Insert ``pages`` (``[(fields, m2m)]``) as live children of ``index`` and of its
        translations, translations for a ``translated_share`` of them.
        """
        indexes = {self.default.pk: index}
        for locale in self.targets:
            indexes[locale.pk] = _translated_index(index, locale)
        content_type = ContentType.objects.get_for_model(model)
        now = timezone.now()
        plans = [
            (fields, m2m, uuid.uuid4(), [t for t in self.targets if self.rng.random() < self.share])
            for fields, m2m in pages
        ]
        for locale_id, parent in indexes.items():
            chosen = [
                (fields, m2m, key)
                for fields, m2m, key, targets in plans
                if locale_id == self.default.pk or any(t.pk == locale_id for t in targets)
            ]
            parent.refresh_from_db()
            last = parent.get_last_child()
            first = model._str2int(last.path[-model.steplen :]) + 1 if last else 1
            objects = []
            for position, (fields, m2m, key) in enumerate(chosen):
                page = model(
                    **fields,
                    draft_title=fields["title"],
                    content_type=content_type,
                    locale_id=locale_id,
                    translation_key=key,
                    path=model._get_path(parent.path, parent.depth + 1, first + position),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{fields['slug']}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                )
                objects.append((page, m2m))
            _insert_pages(model, [page for page, _m2m in objects])
            Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(objects))
            for field in ("roles", "topics"):
                pairs = [(page.pk, value) for page, m2m in objects for value in m2m.get(field, [])]
                if pairs:
                    _insert_through(model, field, pairs)


def _copy(resource, **changes):
    """An unsaved copy of ``resource`` as wagtail-localize's translation of it would be."""
    copy = Resource(
        **{
            field.attname: getattr(resource, field.attname)
            for field in Resource._meta.concrete_fields
            if not field.primary_key
        }
    )
    for name, value in changes.items():
        setattr(copy, name, value)
    return copy


def _block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def _phone_pool(regions, per_region=50):
    """Numbers valid in each region (E.164), derived from libphonenumber's examples."""
    pool = {}
    for region in regions:
        example = phonenumbers.example_number_for_type(
            region, phonenumbers.PhoneNumberType.FIXED_LINE
        ) or phonenumbers.example_number(region)
        national = str(example.national_number)
        numbers = set()
        for tail in range(1000):
            candidate = f"+{example.country_code}{national[:-3]}{tail:03d}"
            try:
                numbers.add(normalize_phone(candidate, region))
            except CodeError:  # this variation is not a valid number: try the next
                continue
            if len(numbers) >= per_region:
                break
        pool[region] = sorted(numbers) or [
            phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
        ]
    return pool


def _translated_index(index, locale):
    """``index`` in ``locale``, copied there (with its parents) and published if missing."""
    translated = index.get_translation_or_none(locale)
    if translated is None:
        translated = index.copy_for_translation(locale, copy_parents=True)
        translated.save_revision().publish()
        translated.refresh_from_db()
    return translated


def _insert_through(model, field, pairs):
    """Bulk-insert ``(owner pk, target pk)`` rows into ``model.field``'s through table."""
    descriptor = model._meta.get_field(field)
    through = descriptor.remote_field.through
    source = descriptor.m2m_field_name()
    target = descriptor.m2m_reverse_field_name()
    if connection.vendor != "postgresql":
        _bulk_insert(through, [through(**{f"{source}_id": a, f"{target}_id": b}) for a, b in pairs])
        return
    # Hundreds of thousands of rows: straight to COPY, without a model instance for each.
    columns = [through._meta.get_field(name).column for name in (source, target)]
    with connection.cursor() as cursor:
        quote = connection.ops.quote_name
        sql = f"COPY {quote(through._meta.db_table)} ({', '.join(map(quote, columns))}) FROM STDIN"
        with cursor.cursor.copy(sql) as copy:
            for row in pairs:
                copy.write_row(row)


def _insert_pages(model, pages):
    """Insert multi-table ``pages``: Page rows first (bulk_create cannot do both tables), then
    the model's own rows pointing at them.
    """
    page_fields = Page._meta.concrete_fields
    base = [Page(**{f.attname: getattr(page, f.attname) for f in page_fields}) for page in pages]
    Page.objects.bulk_create(base, batch_size=BATCH)
    for page, row in zip(pages, base, strict=True):
        page.pk = page.page_ptr_id = row.pk
        page.id = row.pk
    fields = list(model._meta.local_concrete_fields)
    for start in range(0, len(pages), BATCH):
        model._base_manager._insert(pages[start : start + BATCH], fields=fields, using="default")


def _bulk_insert(model, objects):
    """Insert ``objects`` and set their primary keys: with PostgreSQL's COPY (several times
    faster than INSERT at this size) after drawing the keys from the table's sequence, or
    with ``bulk_create`` elsewhere.
    """
    if not objects:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objects, batch_size=BATCH)
        return
    meta = model._meta
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(objects)],
        )
        for instance, (pk,) in zip(objects, cursor.fetchall(), strict=True):
            instance.pk = pk
        fields = meta.concrete_fields
        columns = ", ".join(quote(field.column) for field in fields)
        with cursor.cursor.copy(f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN") as copy:
            for instance in objects:
                copy.write_row(
                    [
                        field.get_db_prep_save(field.pre_save(instance, True), connection)
                        for field in fields
                    ]
                )
