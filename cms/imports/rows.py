"""The row layer shared by every reader: an ``ImportRow`` of plain values keyed by the CSV
column names (docs/data-exchange.md), turned into an unsaved Resource, its contact points and
relations. Codes are checked here with ``cms.codes`` (a wrong country is reported against its
column); everything else about a resource is validated by ``resource_save``.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.text import slugify
from wagtail.models import Locale

from ..codes import CodeError, normalize_language, validate_country
from ..models import (
    Audience,
    ContactPoint,
    Cost,
    Country,
    Kind,
    Language,
    Organisation,
    Resource,
    Topic,
)
from .compact import CompactError, format_contact_points, parse_contact_points

COLUMNS = (
    "external_id",
    "name",
    "kind",
    "organisation",
    "summary",
    "description",
    "topics",
    "audiences",
    "worldwide",
    "countries",
    "languages",
    "time_zone",
    "hours",
    "hours_note",
    "contact_points",
    "cost",
    "eligibility",
    "confidentiality",
    "last_verified",
    "verified_by",
    "review_due",
    "source_url",
    "source_note",
)
REQUIRED_COLUMNS = ("external_id", "name", "kind", "summary", "languages", "time_zone")
TRUE, FALSE = {"yes", "true", "1", "y"}, {"no", "false", "0", "n", ""}


@dataclass
class RowError:
    """What is wrong, where: ``row`` as the user counts (spreadsheet row, or the service's
    position in an HSDS document), ``column`` a CSV column or an HSDS path ("" for the row).
    """

    row: int
    column: str
    message: str

    def __str__(self):
        where = f"row {self.row}" + (f", {self.column}" if self.column else "")
        return f"{where}: {self.message}"


class RowInvalid(Exception):
    def __init__(self, errors):
        self.errors = errors


@dataclass
class ImportRow:
    """One resource as read from a file. ``values`` holds strings (CSV) or lists (HSDS) under
    the CSV column names; ``sources`` renames a column for error reports (HSDS paths), with
    ``contact_points[i]`` naming each point. ``organisation``/``topics`` may carry full records
    (HSDS) to create when missing; otherwise they are looked up by slug or name.
    """

    number: int
    values: dict
    sources: dict = field(default_factory=dict)
    organisation: dict | None = None
    topics: list[dict] | None = None
    # HSDS rows: the external id is a service id, which may also be derived from a resource's
    # own external id or translation key (see cms.hsds.mapping.service_id).
    hsds: bool = False

    @property
    def external_id(self):
        return str(self.values.get("external_id") or "").strip()

    def source(self, name):
        return self.sources.get(name, name)

    def error(self, name, message):
        return RowError(self.number, self.source(name), str(message))


@dataclass
class PreparedRow:
    resource: Resource
    contact_points: list
    countries: list
    languages: list
    topics: list
    audiences: list


def _text(value):
    return "" if value is None else str(value).strip()


def _list(value):
    if isinstance(value, list | tuple):
        return [_text(v) for v in value if _text(v)]
    return [part.strip() for part in _text(value).split(",") if part.strip()]


def _date(row, name, errors):
    text = _text(row.values.get(name))
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        errors.append(row.error(name, f"{text!r} is not a date like 2026-03-31."))
        return None


def prepare_row(row: ImportRow, locale: Locale | None = None) -> PreparedRow:
    """Resolve codes and relations and build the unsaved objects; raise RowInvalid listing
    every problem found. May create languages, topics and organisations the row names (callers
    run it inside the row's savepoint, so a rejected row leaves nothing behind).
    """
    locale = locale or Locale.get_default()
    values, errors = row.values, []
    for name in REQUIRED_COLUMNS:
        if not _list(values.get(name)) and not _text(values.get(name)):
            errors.append(row.error(name, f"{name} is required."))

    kind = _text(values.get("kind"))
    if kind and kind not in Kind.values:
        errors.append(row.error("kind", f"{kind!r} is not a kind: use {', '.join(Kind.values)}."))
    cost = _text(values.get("cost")) or Cost.FREE
    if cost not in Cost.values:
        errors.append(row.error("cost", f"{cost!r} is not a cost: use {', '.join(Cost.values)}."))
    worldwide = values.get("worldwide")
    if not isinstance(worldwide, bool):
        text = _text(worldwide).lower()
        if text not in TRUE | FALSE:
            errors.append(row.error("worldwide", f"{worldwide!r} is not yes or no."))
        worldwide = text in TRUE

    countries = []
    for code in _list(values.get("countries")):
        try:
            countries.append(validate_country(code.upper()))
        except CodeError as error:
            errors.append(row.error("countries", error))
    language_codes = []
    for tag in _list(values.get("languages")):
        try:
            language_codes.append(normalize_language(tag))
        except CodeError as error:
            errors.append(row.error("languages", error))
    audiences = _list(values.get("audiences"))
    unknown = [slug for slug in audiences if slug not in Audience.CHOICES]
    if unknown:
        allowed = ", ".join(Audience.CHOICES)
        errors.append(row.error("audiences", f"Unknown: {', '.join(unknown)} (use {allowed})."))
    topics = _topics(row, locale, errors)

    points = values.get("contact_points") or []
    if isinstance(points, str):
        try:
            points = parse_contact_points(points)
        except CompactError as error:
            errors.append(row.error("contact_points", error))
            points = []
    last_verified = _date(row, "last_verified", errors)
    review_due = _date(row, "review_due", errors)
    if errors:
        raise RowInvalid(errors)

    resource = find_existing(row, locale)
    existing_points = list(resource.contact_points.all()) if resource else []
    resource = resource or Resource(locale=locale, external_id=row.external_id)
    for name in (
        "name",
        "summary",
        "description",
        "time_zone",
        "hours",
        "hours_note",
        "eligibility",
        "confidentiality",
        "verified_by",
        "source_url",
        "source_note",
    ):
        setattr(resource, name, _text(values.get(name)))
    resource.kind, resource.cost, resource.worldwide = kind, cost, worldwide
    resource.last_verified, resource.review_due = last_verified, review_due
    resource.organisation = _organisation(row, locale)
    if "is_demo" in values:  # not a CSV column: HSDS documents exported by Roadcase carry it
        resource.is_demo = _text(values["is_demo"]).lower() in TRUE
    return PreparedRow(
        resource=resource,
        contact_points=_contact_points(points, existing_points),
        countries=list(Country.objects.filter(code__in=countries)),
        languages=[Language.objects.get_or_create(code=code)[0] for code in language_codes],
        topics=topics,
        audiences=list(Audience.objects.filter(slug__in=audiences)),
    )


def find_existing(row: ImportRow, locale: Locale) -> Resource | None:
    """The resource a row updates: the one with its external id (or, for HSDS, its service id)."""
    if not row.external_id:
        return None
    resource = Resource.objects.filter(external_id=row.external_id, locale=locale).first()
    if resource is None and row.hsds:
        from ..hsds.mapping import service_id

        candidates = Resource.objects.filter(locale=locale).only("external_id", "translation_key")
        resource = next((r for r in candidates if service_id(r) == row.external_id), None)
        resource = resource and Resource.objects.get(pk=resource.pk)
    return resource


def _contact_points(points, existing):
    """Unsaved contact points. An existing one is updated in place, so its translations stay
    attached: the one with the same translation key (HSDS ids), else the one at the same
    position with the same method.
    """
    by_key = {str(p.translation_key): p for p in existing}
    keys = {str(data["translation_key"]) for data in points if data.get("translation_key")}
    built = []
    for position, data in enumerate(points):
        key = str(data.get("translation_key") or "")
        point = by_key.get(key)
        if point is None and position < len(existing):
            candidate = existing[position]
            if candidate.method == data["method"] and str(candidate.translation_key) not in keys:
                point = candidate
        if point is None or point in built:
            point = ContactPoint()
            if key:
                point.translation_key = key
        point.method = data["method"]
        for name in ("value", "region", "label", "hours"):
            setattr(point, name, _text(data.get(name)))
        point.sort_order = position
        built.append(point)
    return built


def _topics(row, locale, errors):
    if row.topics is not None:  # full records (HSDS): create what is missing
        found = []
        for data in row.topics:
            topic = Topic.objects.filter(slug=data["slug"], locale=locale).first()
            if topic is None:
                topic = Topic(slug=data["slug"], locale=locale)
                if data.get("translation_key"):
                    topic.translation_key = data["translation_key"]
            topic.name = data["name"]
            topic.description = data.get("description", "")
            topic.save()
            found.append(topic)
        return found
    slugs = _list(row.values.get("topics"))
    topics = {t.slug: t for t in Topic.objects.filter(slug__in=slugs, locale=locale)}
    unknown = [slug for slug in slugs if slug not in topics]
    if unknown:
        errors.append(row.error("topics", f"No topic with the slug {', '.join(unknown)}."))
    return [topics[slug] for slug in slugs if slug in topics]


def _organisation(row, locale):
    data = row.organisation
    if data is not None:  # a full record (HSDS): create or update it
        organisation = Organisation.objects.filter(
            translation_key=data["translation_key"], locale=locale
        ).first() or Organisation(translation_key=data["translation_key"], locale=locale)
        for name in ("name", "description", "website", "source_url"):
            setattr(organisation, name, data.get(name, ""))
        organisation.country_id = data.get("country") or None
        if not organisation.slug:
            organisation.slug = _free_slug(data["name"], locale)
        organisation.save()
        return organisation
    name = _text(row.values.get("organisation"))
    if not name:
        return None
    organisation = (
        Organisation.objects.filter(slug=name, locale=locale).first()
        or Organisation.objects.filter(name=name, locale=locale).first()
    )
    if organisation is None:
        organisation = Organisation.objects.create(
            name=name, slug=_free_slug(name, locale), locale=locale
        )
    return organisation


def _free_slug(name, locale):
    base = slugify(name)[:90] or "organisation"
    slug, n = base, 1
    while Organisation.objects.filter(slug=slug, locale=locale).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def resource_to_row(resource: Resource) -> dict:
    """A saved resource as CSV values: the export's row, and what an import compares."""
    return {
        "external_id": resource.external_id,
        "name": resource.name,
        "kind": resource.kind,
        "organisation": resource.organisation.slug if resource.organisation else "",
        "summary": resource.summary,
        "description": resource.description,
        "topics": ", ".join(t.slug for t in resource.topics.all()),
        "audiences": ", ".join(sorted(a.slug for a in resource.audiences.all())),
        "worldwide": "yes" if resource.worldwide else "no",
        "countries": ", ".join(sorted(c.code for c in resource.countries.all())),
        "languages": ", ".join(sorted(lang.code for lang in resource.languages.all())),
        "time_zone": resource.time_zone,
        "hours": resource.hours,
        "hours_note": resource.hours_note,
        "contact_points": format_contact_points(resource.contact_points.order_by("sort_order")),
        "cost": resource.cost,
        "eligibility": resource.eligibility,
        "confidentiality": resource.confidentiality,
        "last_verified": resource.last_verified.isoformat() if resource.last_verified else "",
        "verified_by": resource.verified_by,
        "review_due": resource.review_due.isoformat() if resource.review_due else "",
        "source_url": resource.source_url,
        "source_note": resource.source_note,
    }
