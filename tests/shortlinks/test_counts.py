"""Privacy-preserving counts: one number per link per day, and nothing about the visitor."""

from datetime import datetime, timedelta

import time_machine
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from cms.models import ShortLinkDailyCount
from cms.shortlinks.services import record_visit
from tests.factories import make_short_link

VISITOR = {
    "REMOTE_ADDR": "203.0.113.77",
    "HTTP_USER_AGENT": "Visitor-Agent/9.9 (unique-ua-marker)",
    "HTTP_REFERER": "https://referrer.example/unique-referrer-marker",
    "HTTP_COOKIE": "tracking=unique-cookie-marker",
    "HTTP_ACCEPT_LANGUAGE": "es",
}


def test_visits_are_counted_per_link_per_day(client, guide):
    link = make_short_link(code="mind", target="guide", page=guide)
    other = make_short_link(code="other", target="guide", page=guide)
    with time_machine.travel(datetime(2026, 7, 1, 10, tzinfo=timezone.get_current_timezone())):
        client.get("/s/mind")
        client.get("/s/mind")
        client.get("/s/other")
    with time_machine.travel(datetime(2026, 7, 2, 9, tzinfo=timezone.get_current_timezone())):
        client.get("/s/mind")
    counts = {
        (count.link.code, count.day.isoformat()): count.visits
        for count in ShortLinkDailyCount.objects.select_related("link")
    }
    assert counts == {
        ("mind", "2026-07-01"): 2,
        ("other", "2026-07-01"): 1,
        ("mind", "2026-07-02"): 1,
    }
    assert link.daily_counts.count() == 2 and other.daily_counts.count() == 1


def test_head_requests_and_prefetches_are_not_visits(client, guide):
    make_short_link(code="mind", target="guide", page=guide)
    assert client.head("/s/mind").status_code == 302
    assert client.get("/s/mind", HTTP_SEC_PURPOSE="prefetch").status_code == 302
    assert client.get("/s/mind", HTTP_PURPOSE="prefetch").status_code == 302
    assert not ShortLinkDailyCount.objects.exists()
    client.get("/s/mind")
    assert ShortLinkDailyCount.objects.get().visits == 1


def test_a_visit_leaves_no_address_agent_referrer_cookie_or_session(client, guide):
    make_short_link(code="mind", target="guide", page=guide)
    response = client.get("/s/mind", **VISITOR)
    assert response.status_code == 302
    assert not response.cookies
    assert not Session.objects.exists()
    # The count's table holds the link, the day and a number, and nothing else.
    columns = {field.name for field in ShortLinkDailyCount._meta.get_fields()}
    assert columns == {"id", "link", "day", "visits"}
    # Nor is any trace of the visitor written anywhere in the database.
    dump = _database_text()
    for value in ("203.0.113.77", "unique-ua-marker", "unique-referrer-marker", "unique-cookie"):
        assert value not in dump, value
    assert ShortLinkDailyCount.objects.get().visits == 1


def _database_text():
    """Every row of every table, as text."""
    text = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")
            text.extend(repr(row) for row in cursor.fetchall())
    out = "\n".join(text)
    call_command("dumpdata", stdout=_Sink(text))
    return out + "\n".join(text)


class _Sink:
    def __init__(self, lines):
        self.lines = lines

    def write(self, data):
        self.lines.append(data)

    def flush(self):
        pass


def test_the_days_first_visits_racing_still_count_each(guide):
    link = make_short_link(code="mind", target="guide", page=guide)
    day = timezone.localdate() - timedelta(days=3)
    for _visit in range(3):
        record_visit(link, day=day)
    assert ShortLinkDailyCount.objects.get(link=link, day=day).visits == 3
