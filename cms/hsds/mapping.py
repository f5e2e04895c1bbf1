"""Roadcase's directory as HSDS 3.0 objects, and back.

A resource is an HSDS *service*: phone, SMS and WhatsApp contact points are its ``phones``,
email addresses its ``contacts``, web, chat and video addresses virtual ``locations`` (through
``service_at_locations``); hours are weekly ``schedules``; countries served are
``service_areas``; kinds, topics and audiences are taxonomy terms linked by ``attributes``.
Facts HSDS has no field for (time zone, cost, review date…) are attributes with terms of the
"Roadcase fields" taxonomy, so an export imported elsewhere loses nothing.

Ids are UUIDs as HSDS requires, and stable across exports: a service's id is its external id
(or a UUID derived from it), organisations, topics and contact points use their translation key.
"""

import re
import uuid

import babel.core
from django.utils import translation

from ..codes import country_name, language_name
from ..hours import DAY_CODES, parse_hours
from ..models import Audience, ContactMethod, Kind

NAMESPACE = uuid.UUID("6f0b8f0e-3d2a-5c1e-9b8a-2f6d1c7e4a10")
HSDS_VERSION = "3.0"
SUMMARY_BREAK = "\n\n"

PHONE_TYPES = {
    ContactMethod.PHONE: "voice",
    ContactMethod.SMS: "text",
    ContactMethod.WHATSAPP: "whatsapp",
}
# Extension fields carried as attributes, in the order they are written.
FIELDS = (
    "time_zone",
    "hours_note",
    "cost",
    "confidentiality",
    "verified_by",
    "review_due",
    "source_url",
    "source_note",
    "is_demo",
)
# Attributes of contact points and organisations.
POINT_FIELDS = ("method", "dialled_in", "hours", "position")
ORGANISATION_FIELDS = ("country", "source_url")


def stable_id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


def is_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value.lower()
    except (ValueError, AttributeError):
        return False


def service_id(resource) -> str:
    """The service's HSDS id: its external id when that is a UUID (so a service imported from
    HSDS keeps its id), a UUID derived from the external id, or the translation key.
    """
    if resource.external_id:
        if is_uuid(resource.external_id):
            return resource.external_id.lower()
        return stable_id("resource", resource.external_id)
    return str(resource.translation_key)


# Taxonomies -------------------------------------------------------------------------------

TAXONOMIES = {
    "kind": ("Roadcase kinds", "What kind of help a service is (crisis line, helpline…)."),
    "topic": ("Roadcase topics", "What a service helps with."),
    "audience": ("Roadcase audiences", "Who in the music industry a service is for."),
    "field": ("Roadcase fields", "Roadcase facts HSDS has no field for; the value is the fact."),
}


def taxonomy(key: str) -> dict:
    name, description = TAXONOMIES[key]
    return {
        "id": stable_id("taxonomy", key),
        "name": name,
        "description": description,
        "version": "1",
    }


def _term(taxonomy_key, term_id, code, name, description=""):
    return {
        "id": term_id,
        "code": code,
        "name": str(name),
        "description": str(description),
        "taxonomy": TAXONOMIES[taxonomy_key][0],
        "taxonomy_id": stable_id("taxonomy", taxonomy_key),
    }


def kind_term(kind: str) -> dict:
    with translation.override("en"):
        return _term("kind", stable_id("kind", kind), kind, Kind(kind).label)


def audience_term(slug: str) -> dict:
    with translation.override("en"):
        return _term("audience", stable_id("audience", slug), slug, Audience.CHOICES[slug])


def field_term(name: str) -> dict:
    return _term("field", stable_id("field", name), name, name.replace("_", " "))


def topic_term(topic) -> dict:
    return _term("topic", str(topic.translation_key), topic.slug, topic.name, topic.description)


def static_terms() -> list[dict]:
    """The terms every export carries: all kinds, audiences and extension fields."""
    return [
        *(kind_term(kind) for kind in Kind.values),
        *(audience_term(slug) for slug in Audience.CHOICES),
        *(field_term(name) for name in sorted({*FIELDS, *POINT_FIELDS, *ORGANISATION_FIELDS})),
    ]


def _attribute(entity, link_id, term, value=""):
    attribute = {
        "id": stable_id("attribute", link_id, term["id"], value),
        "link_id": link_id,
        "link_entity": entity,
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
    }
    if value:
        attribute["value"] = value
    return attribute


def _field_attributes(entity, link_id, values: dict):
    return [
        _attribute(entity, link_id, field_term(name), value)
        for name, value in values.items()
        if value
    ]


# Export -----------------------------------------------------------------------------------


def organization_to_hsds(organisation) -> dict:
    org_id = str(organisation.translation_key)
    data = {"id": org_id, "name": organisation.name, "description": organisation.description}
    if organisation.website:
        data["website"] = organisation.website
    attributes = _field_attributes(
        "organization",
        org_id,
        {"country": organisation.country_id or "", "source_url": organisation.source_url},
    )
    if attributes:
        data["attributes"] = attributes
    return data


def _schedules(hours, sid, link=("service_id",)):
    schedule = parse_hours(hours)
    if schedule is None:
        return []
    if schedule.always_open:
        groups = {(0, 24 * 60): list(range(7))}
    else:
        groups = {}
        for span in schedule.spans:
            groups.setdefault((span.opens, span.closes), []).append(span.weekday)
    schedules = []
    for (opens, closes), days in sorted(groups.items(), key=lambda item: (item[1], item[0])):
        byday = ",".join(DAY_CODES[day].upper() for day in days)
        opens_at, closes_at = _clock(opens), _clock(closes)
        schedules.append(
            {
                "id": stable_id("schedule", sid, byday, opens_at, closes_at),
                "service_id": sid,
                "freq": "WEEKLY",
                "byday": byday,
                "opens_at": opens_at,
                "closes_at": closes_at,
                "description": str(schedule),
            }
        )
    return schedules


def _clock(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _point_attributes(entity, point_id, point, method=""):
    # "position" keeps the order of contact points across the three HSDS lists they go to.
    return _field_attributes(
        entity,
        point_id,
        {
            "method": method,
            "dialled_in": point.region,
            "hours": point.hours,
            "position": str(point.position),
        },
    )


def service_to_hsds(resource, *, nested_organization=False) -> dict:
    """One resource (with its relations prefetched) as an HSDS service.

    ``nested_organization`` adds the full organization object, as the HSDS API's
    ``/services/{id}`` does; the export document lists organizations once instead.
    """
    sid = service_id(resource)
    points = sorted(resource.contact_points.all(), key=lambda p: p.sort_order)
    for position, point in enumerate(points, start=1):
        point.position = position
    description = resource.summary
    if resource.description:
        description += SUMMARY_BREAK + resource.description
    data = {"id": sid, "name": resource.name, "description": description, "status": "active"}
    if resource.organisation:
        data["organization_id"] = str(resource.organisation.translation_key)
    web = [p.value for p in points if p.method == ContactMethod.WEB]
    emails = [p.value for p in points if p.method == ContactMethod.EMAIL]
    if web:
        data["url"] = web[0]
    if emails:
        data["email"] = emails[0]
    if resource.eligibility:
        data["eligibility_description"] = resource.eligibility
    if resource.last_verified:
        data["assured_date"] = resource.last_verified.isoformat()

    data["phones"] = [
        {
            "id": str(p.translation_key),
            "service_id": sid,
            "number": p.value,
            "type": PHONE_TYPES[p.method],
            **({"description": p.label} if p.label else {}),
            "attributes": _point_attributes("phone", str(p.translation_key), p),
        }
        for p in points
        if p.method in PHONE_TYPES
    ]
    data["contacts"] = [
        {
            "id": str(p.translation_key),
            "service_id": sid,
            **({"name": p.label} if p.label else {}),
            "email": p.value,
            "attributes": _point_attributes("contact", str(p.translation_key), p),
        }
        for p in points
        if p.method == ContactMethod.EMAIL
    ]
    data["service_at_locations"] = [
        {
            "id": stable_id("service_at_location", sid, p.translation_key),
            "service_id": sid,
            "location_id": str(p.translation_key),
            "location": {
                "id": str(p.translation_key),
                "location_type": "virtual",
                "url": p.value,
                **({"name": p.label} if p.label else {}),
                "attributes": _point_attributes("location", str(p.translation_key), p, p.method),
            },
        }
        for p in points
        if p.method not in PHONE_TYPES and p.method != ContactMethod.EMAIL
    ]
    data["schedules"] = _schedules(resource.hours, sid)
    data["service_areas"] = _service_areas(resource, sid)
    data["languages"] = [
        {
            "id": stable_id("language", sid, language.code),
            "service_id": sid,
            "name": language_name(language.code, "en"),
            "code": language.code,
        }
        for language in sorted(resource.languages.all(), key=lambda lang: lang.code)
    ]
    attributes = [_attribute("service", sid, kind_term(resource.kind))]
    attributes += [
        _attribute("service", sid, topic_term(t))
        for t in sorted(resource.topics.all(), key=lambda t: t.slug)
    ]
    attributes += [
        _attribute("service", sid, audience_term(a.slug))
        for a in sorted(resource.audiences.all(), key=lambda a: a.slug)
    ]
    values = {name: str(getattr(resource, name) or "") for name in FIELDS}
    values["is_demo"] = "true" if resource.is_demo else ""
    attributes += _field_attributes("service", sid, values)
    data["attributes"] = attributes
    if nested_organization and resource.organisation:
        data["organization"] = organization_to_hsds(resource.organisation)
    return data


def _service_areas(resource, sid):
    areas = [("worldwide", "Worldwide")] if resource.worldwide else []
    areas += [
        (f"ISO 3166-1:{c.code}", country_name(c.code, "en"))
        for c in sorted(resource.countries.all(), key=lambda c: c.code)
    ]
    return [
        {
            "id": stable_id("service_area", sid, extent),
            "service_id": sid,
            "name": name,
            "extent": extent,
            "extent_type": "text",
        }
        for extent, name in areas
    ]


# Import -----------------------------------------------------------------------------------

_EXTENT_RE = re.compile(r"^ISO 3166-1:([A-Z]{2})$")
METHODS_BY_PHONE_TYPE = {
    "voice": "phone",
    "cell": "phone",
    "text": "sms",
    "whatsapp": "whatsapp",
}


def _attribute_values(item) -> dict:
    """``{field name: value}`` from an object's Roadcase-field attributes."""
    values = {}
    for attribute in item.get("attributes") or []:
        term = attribute.get("taxonomy_term") or {}
        if term.get("taxonomy_id") == stable_id("taxonomy", "field") and term.get("code"):
            values[term["code"]] = attribute.get("value", "")
    return values


def _term_codes(service, key, terms_by_id):
    codes = []
    for attribute in service.get("attributes") or []:
        term = attribute.get("taxonomy_term") or terms_by_id.get(attribute.get("taxonomy_term_id"))
        if term and term.get("taxonomy_id") == stable_id("taxonomy", key):
            codes.append(term)
    return codes


def service_from_hsds(service: dict, terms_by_id: dict) -> tuple[dict, dict, list[dict]]:
    """``(values, sources, topics)``: an HSDS service as import row values under the CSV column
    names, the HSDS path each came from (for error reports), and its topic terms.
    """
    fields = _attribute_values(service)
    summary, _, description = (service.get("description") or "").partition(SUMMARY_BREAK)
    if len(summary) > 300:  # a long single paragraph from another directory
        summary, description = summary[:299].rsplit(" ", 1)[0] + "…", service["description"]
    kinds = [term.get("code") for term in _term_codes(service, "kind", terms_by_id)]
    topics = _term_codes(service, "topic", terms_by_id)
    audiences = [term.get("code") for term in _term_codes(service, "audience", terms_by_id)]
    values = {
        "external_id": service.get("id", ""),
        "name": service.get("name", ""),
        "kind": kinds[0] if kinds else "",
        "summary": summary.strip(),
        "description": description.strip(),
        "audiences": audiences,
        "eligibility": service.get("eligibility_description", ""),
        "last_verified": service.get("assured_date", ""),
        **{name: fields.get(name, "") for name in FIELDS},
    }
    sources = {
        "external_id": "id",
        "summary": "description",
        "kind": "attributes",
        "topics": "attributes",
        "audiences": "attributes",
        "eligibility": "eligibility_description",
        "last_verified": "assured_date",
        "hours": "schedules",
        "countries": "service_areas",
        "worldwide": "service_areas",
        "languages": "languages",
        "contact_points": "phones",
        "organisation": "organization_id",
        **{name: "attributes" for name in FIELDS},
    }
    worldwide, countries = False, []
    for area in service.get("service_areas") or []:
        extent = area.get("extent", "")
        match = _EXTENT_RE.match(extent)
        if extent == "worldwide":
            worldwide = True
        else:
            countries.append(match[1] if match else area.get("name", extent))
    values["worldwide"], values["countries"] = worldwide, countries
    if not values["time_zone"]:
        values["time_zone"] = _only_time_zone(countries)
    values["languages"] = [
        lang.get("code") or lang.get("name", "") for lang in service.get("languages") or []
    ]
    values["hours"] = _hours_from_schedules(service.get("schedules") or [])
    values["contact_points"] = _contact_points(service, sources)
    return values, sources, topics


def _only_time_zone(countries):
    """The time zone of a service from another directory that serves one country with one
    zone (GB → Europe/London); otherwise "" and the import asks for it.
    """
    if len(countries) != 1:
        return ""
    zones = babel.core.get_global("territory_zones").get(str(countries[0]).upper(), [])
    return zones[0] if len(zones) == 1 else ""


def _hours_from_schedules(schedules):
    rules = []
    for schedule in schedules:
        days = [d.strip().title() for d in (schedule.get("byday") or "").split(",") if d.strip()]
        opens, closes = schedule.get("opens_at", ""), schedule.get("closes_at", "")
        if days and opens and closes:
            rules.append(f"{','.join(days)} {opens[:5]}-{closes[:5]}")
    text = "; ".join(rules)
    if text and str(parse_hours_or_none(text)) == "Mo-Su 00:00-24:00":
        return "24/7"
    return text


def parse_hours_or_none(text):
    try:
        return parse_hours(text)
    except ValueError:
        return None


# Where each contact point field sits in its HSDS object, for error reports.
_POINT_PATHS = {
    "phones": {"value": "number", "label": "description", "hours": "attributes"},
    "contacts": {"value": "email", "label": "name", "hours": "attributes"},
    "service_at_locations": {"value": "url", "label": "name", "hours": "attributes"},
}


def _contact_points(service, sources):
    points = []

    def add(path, position="", **point):
        points.append((path, point, int(position) if position.isdigit() else 10_000))

    for index, phone in enumerate(service.get("phones") or []):
        method = METHODS_BY_PHONE_TYPE.get((phone.get("type") or "voice").lower())
        if method is None:  # fax, pager, textphone, video: not a way Roadcase offers
            continue
        fields = _attribute_values(phone)
        add(
            f"phones[{index}]",
            method=method,
            value=phone.get("number", ""),
            region=fields.get("dialled_in", ""),
            label=phone.get("description", ""),
            hours=fields.get("hours", ""),
            translation_key=_uuid_or_none(phone.get("id")),
            position=fields.get("position", ""),
        )
    emails = set()
    for index, contact in enumerate(service.get("contacts") or []):
        if not contact.get("email"):
            continue
        fields = _attribute_values(contact)
        emails.add(contact["email"])
        add(
            f"contacts[{index}]",
            method=ContactMethod.EMAIL,
            value=contact["email"],
            label=contact.get("name", ""),
            hours=fields.get("hours", ""),
            translation_key=_uuid_or_none(contact.get("id")),
            position=fields.get("position", ""),
        )
    urls = set()
    for index, link in enumerate(service.get("service_at_locations") or []):
        location = link.get("location") or {}
        if location.get("location_type") != "virtual" or not location.get("url"):
            continue
        fields = _attribute_values(location)
        urls.add(location["url"])
        add(
            f"service_at_locations[{index}].location",
            method=fields.get("method") or ContactMethod.WEB,
            value=location["url"],
            label=location.get("name", ""),
            hours=fields.get("hours", ""),
            translation_key=_uuid_or_none(location.get("id")),
            position=fields.get("position", ""),
        )
    if service.get("url") and service["url"] not in urls:
        add("url", method=ContactMethod.WEB, value=service["url"], label="", hours="")
    if service.get("email") and service["email"] not in emails:
        add("email", method=ContactMethod.EMAIL, value=service["email"], label="", hours="")
    points.sort(key=lambda item: item[2])  # stable: without positions, the order above
    for index, (path, _point, _position) in enumerate(points):
        sources[f"contact_points[{index}]"] = path
        for name, hsds_name in _POINT_PATHS.get(path.split("[")[0], {}).items():
            sources[f"contact_points[{index}].{name}"] = f"{path}.{hsds_name}"
    return [point for _path, point, _position in points]


def _uuid_or_none(value):
    return value if value and is_uuid(value) else None


def organization_from_hsds(organization: dict) -> dict:
    """An HSDS organization as the fields of an Organisation record."""
    fields = _attribute_values(organization)
    return {
        "translation_key": organization["id"],
        "name": organization.get("name", ""),
        "description": organization.get("description", ""),
        "website": organization.get("website", ""),
        "country": fields.get("country", ""),
        "source_url": fields.get("source_url", ""),
    }


def topic_from_term(term: dict) -> dict:
    return {
        "slug": term.get("code") or term["id"],
        "name": term.get("name", ""),
        "description": term.get("description", ""),
        "translation_key": term["id"] if is_uuid(term.get("id", "")) else None,
    }
