"""Events for machines: schema.org Event JSON-LD and an RFC 5545 iCalendar feed.

The feed gives each event's times in its own IANA zone (TZID, with a VTIMEZONE per zone), a UID
built from the event's translation key so it survives edits and translation, and STATUS taken
from the event's status (cancelled events stay in the feed as STATUS:CANCELLED so calendars
that already hold them update).
"""

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as ICalEvent

from cms.models import EventStatus

from .rich_text import rich_text_plain

SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.MOVED_ONLINE: "https://schema.org/EventMovedOnline",
}
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.MOVED_ONLINE: "CONFIRMED",
}


def event_json_ld(event, *, url, locale):
    """The schema.org Event for ``event`` (already localized)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": event.local_start().isoformat(),
        "endDate": event.local_end().isoformat(),
        "eventStatus": SCHEMA_STATUS.get(event.status, SCHEMA_STATUS[EventStatus.SCHEDULED]),
        "eventAttendanceMode": (
            "https://schema.org/OnlineEventAttendanceMode"
            if event.is_online
            else "https://schema.org/OfflineEventAttendanceMode"
        ),
        "inLanguage": locale,
    }
    if event.is_online:
        data["location"] = {"@type": "VirtualLocation", "url": event.online_url}
    else:
        address = {"@type": "PostalAddress", "addressLocality": event.city}
        if event.country_id:
            address["addressCountry"] = event.country_id
        data["location"] = {
            "@type": "Place",
            "name": event.venue or event.festival or event.city,
            "address": address,
        }
    if url:
        data["url"] = url
    if event.registration_url:
        data["offers"] = {"@type": "Offer", "url": event.registration_url}
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
    if event.festival:
        data["superEvent"] = {"@type": "Event", "name": event.festival}
    return data


def event_uid(event, host):
    return f"event-{event.translation_key}@{host}"


def event_calendar(events, *, host, locale, url_for):
    """The iCalendar feed (bytes) for localized ``events``; ``url_for(event)`` gives its page."""
    calendar = Calendar()
    calendar.add("prodid", "-//Roadcase//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Roadcase events")
    stamp = timezone.now().replace(microsecond=0)
    for event in events:
        entry = ICalEvent()
        entry.add("uid", event_uid(event, host))
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.local_start())
        entry.add("dtend", event.local_end())
        entry.add("summary", event.title)
        description = "\n\n".join(
            p for p in (event.summary, rich_text_plain(event.description)) if p
        )
        if description:
            entry.add("description", description)
        location = ", ".join(p for p in (event.venue, event.city, event.country_id or "") if p)
        if event.is_online:
            location = event.online_url
        if location:
            entry.add("location", location)
        entry.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
        url = url_for(event)
        if url:
            entry.add("url", url)
        if event.last_published_at:
            entry.add("last-modified", event.last_published_at.replace(microsecond=0))
        entry.add("sequence", _sequence(event))
        calendar.add_component(entry)
    if events:
        # Zone rules for the years the feed spans (a year either side), not 1970-2038.
        first = min(e.starts_at for e in events).date().replace(month=1, day=1)
        last = max(e.ends_at for e in events).date().replace(month=12, day=31)
        calendar.add_missing_timezones(
            first_date=first.replace(year=first.year - 1),
            last_date=last.replace(year=last.year + 1),
        )
    return calendar.to_ical()


def _sequence(event):
    """A revision counter that grows with each publish, as RFC 5545 asks of SEQUENCE."""
    return event.live_revision_id or 0
