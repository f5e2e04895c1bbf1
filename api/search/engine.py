"""Searching the index: a parsed query becomes each engine's full-text query, matched in the
requested locale's rows of the resources a listing's filters allow, then counted (exactly up
to a bound) and ranked (over a bounded set of candidates).

Both engines match the same tokens (``text.py``) with the same rules, in SQL written here for
each: PostgreSQL's ``document @@ tsquery`` on the GIN-indexed, weighted tsvector, SQLite's FTS5
``MATCH`` with column filters. The statements are composed as text rather than through the
ORM: composing them as querysets (a subquery per candidate tier, an expression per word and
field) cost several times what the database took to run them. Only the listing's filters
(``resources``, a queryset) are compiled by the ORM, once.

Ranking, the same on both: an exact name first; then services other than crisis lines and
helplines (those are always shown above the results, and without a country may be any
country's); then, for each word (or synonym phrase) of the query, the fields it is found in:
the name (100), topics, organisation and labels (30), summary (10), description (3); then
resources serving the visitor's country before worldwide ones, and those about fewer topics
before those about many. A
query that signals a crisis puts crisis lines, then helplines first (national before
worldwide, 24/7 before the rest), then the others as above.
"""

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.utils import timezone

from cms.models import ContactPoint, Kind, Resource

from ..filter_terms import WORLDWIDE
from .index import deletion_keys
from .models import FIELD_WEIGHTS, SearchEntry, SearchWord
from .query import TYPO_MIN_LENGTH

FTS_TABLE = "roadcase_search_fts"
ENTRY_TABLE = SearchEntry._meta.db_table
RESOURCE_TABLE = Resource._meta.db_table
CONTACT_POINT_TABLE = ContactPoint._meta.db_table
FIELD_SCORES = {"names": 100, "topics": 30, "summary": 10, "description": 3}
EXACT_NAME_SCORE = 1000


@dataclass(frozen=True)
class Found:
    """One page of a search: resource ids in order, the count of all matches (exact up to the
    bound, else the bound or more, with ``count_is_estimate``), and the crisis flag."""

    ids: list
    count: int
    count_is_estimate: bool
    crisis_intent: bool


@dataclass(frozen=True)
class Sql:
    """A fragment of SQL with its parameters (``%s`` placeholders, as Django's cursors take)."""

    text: str
    params: tuple = ()

    def __and__(self, other):
        return Sql(f"{self.text} AND {other.text}", self.params + other.params)


@dataclass(frozen=True)
class FullTextMatch:
    """Where the index row ``e`` matches ``groups`` (all of them, or any with ``any_group``),
    in every field or in one (``field``, a key of ``FIELD_WEIGHTS``)."""

    groups: tuple
    any_group: bool = False
    field: str | None = None

    def sql(self, vendor):
        if vendor == "postgresql":
            if self.field == "names":  # the names alone have a tsvector (and index) of their own
                unweighted = FullTextMatch(self.groups, self.any_group)
                return Sql("e.name_document @@ CAST(%s AS tsquery)", (unweighted.tsquery(),))
            return Sql("e.document @@ CAST(%s AS tsquery)", (self.tsquery(),))
        if vendor == "sqlite":
            return Sql(
                f"e.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)",
                (self.fts5(),),
            )
        raise NotImplementedError(f"Search has no full-text query for {vendor}.")

    def tsquery(self):
        weight = FIELD_WEIGHTS[self.field] if self.field else ""
        joiner = " | " if self.any_group else " & "
        return joiner.join(
            "(" + " | ".join(_ts_term(term, weight) for term in group.terms) + ")"
            for group in self.groups
        )

    def fts5(self):
        joiner = " OR " if self.any_group else " AND "
        query = joiner.join(
            "(" + " OR ".join(_fts_term(term) for term in group.terms) + ")"
            for group in self.groups
        )
        return f"{{{self.field}}} : ({query})" if self.field else query


def _ts_term(term, weight):
    quoted = [f"'{_ts_escape(token)}'" for token in term.tokens]
    last = ":" + ("*" if term.prefix else "") + weight if (term.prefix or weight) else ""
    if weight:
        quoted = [f"{token}:{weight}" for token in quoted[:-1]] + [quoted[-1] + last]
    elif last:
        quoted[-1] += last
    return " <-> ".join(quoted)


def _ts_escape(token):
    return token.replace("\\", "\\\\").replace("'", "''")


def _fts_term(term):
    phrase = '"' + " ".join(token.replace('"', '""') for token in term.tokens) + '"'
    return phrase + ("*" if term.prefix else "")


def look_up(parsed):
    """``(known, corrections)`` for the query's words the vocabulary is asked about (one query,
    whatever their number): the words it holds as typed, and for each other word of five
    letters or more, the known words one edit away."""
    asked = parsed.words_to_look_up()
    if not asked:
        return set(), {}
    keys = {key for word in asked for key in deletion_keys(word)}
    rows = list(SearchWord.objects.filter(key__in=list(keys)).values_list("key", "word"))
    known = {word for key, word in rows if key == word} & set(asked)
    corrections = {}
    for word in asked:
        if word in known or len(word) < TYPO_MIN_LENGTH:
            continue
        mine = deletion_keys(word)
        near = sorted({w for key, w in rows if key in mine and one_edit_apart(word, w)})
        if near:
            corrections[word] = near
    return known, corrections


def one_edit_apart(a, b):
    """Whether ``b`` is ``a`` with one letter inserted, left out, changed or two neighbours
    swapped (Damerau-Levenshtein distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def serves_country(vendor, code):
    """Where the row ``e``'s resource serves the country ``code`` or is worldwide (the row's
    ``countries``: PostgreSQL matches it as an array through the GIN index, SQLite as text)."""
    if vendor == "postgresql":
        return Sql(
            "string_to_array(btrim(e.countries), ' ') && ARRAY[%s, %s]::text[]",
            (code, WORLDWIDE),
        )
    return Sql("(e.countries LIKE %s OR e.countries LIKE %s)", (f"% {code} %", f"% {WORLDWIDE} %"))


URGENT = (Kind.CRISIS_LINE, Kind.HELPLINE)


def search(
    parsed, *, resources, filtered, locale_id, country, offset, size, candidates, count_limit
):
    """One page of the resources of ``resources`` (a queryset of live sources) matching
    ``parsed`` in the rows of ``locale_id``, best first. ``filtered``: whether ``resources``
    leaves out more than unpublished or expired ones and those not serving ``country``; if
    not, the index rows alone are read to count and choose candidates."""
    crisis = parsed.crisis_intent
    if not parsed.groups:
        # Nothing to look for (one letter, punctuation): nothing is found, on either engine
        # (an empty MATCH is an error to FTS5).
        return Found([], 0, False, crisis)
    try:
        allowed = Sql(*resources.order_by().values("pk").query.sql_with_params())
    except EmptyResultSet:  # a filter no resource can meet
        return Found([], 0, False, crisis)
    connection = connections[resources.db]
    vendor = connection.vendor
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    scope = Sql("e.locale_id = %s AND (e.expire_at IS NULL OR e.expire_at > %s)", (locale_id, now))
    if country:
        scope &= serves_country(vendor, country)
    if filtered:
        scope &= Sql(f"e.resource_id IN ({allowed.text})", allowed.params)
    # The listing's resources that are crisis lines or helplines (by id, national first).
    urgent = Sql(
        f"SELECT r.id FROM {RESOURCE_TABLE} r WHERE r.id IN ({allowed.text}) "
        "AND r.kind IN (%s, %s)",
        allowed.params + URGENT,
    )

    exact = Sql("(e.exact_name = %s OR e.exact_default_name = %s)", (parsed.exact,) * 2)
    ranking = Ranking(
        vendor=vendor,
        parsed=parsed,
        scope=scope,
        exact=exact,
        urgent=urgent if crisis else None,
        locale_id=locale_id,
        bound=max(candidates, offset + size),
        count_limit=count_limit,
    )
    with connection.cursor() as cursor:
        match = FullTextMatch(parsed.groups)
        ids, matched, others = ranking.page(cursor, match, offset, size)
        if not matched and len(parsed.groups) > 1:
            # No resource has every word: any of them will do, ranked by how many and where.
            match = FullTextMatch(parsed.groups, any_group=True)
            ids, matched, others = ranking.page(cursor, match, offset, size)
    # Crisis lines and helplines are shown whether or not they have the words.
    count = matched + (others if matched <= count_limit else 0)
    estimate = count > count_limit
    if estimate:
        # At least the bound, and at least as many as the pages up to this one show; a page
        # past the end shows only that there are fewer than its offset.
        count = max(count_limit, offset + len(ids)) if ids else count_limit
    return Found(ids, count, estimate, crisis)


@dataclass(frozen=True)
class Ranking:
    """The statement that ranks a search and counts it in one pass over the matches.

    The matches are read once, into ``matched`` (up to the count's bound, or further when the
    page asks), and both counted and taken as the first candidates from there: counting in a
    statement of its own, then ranking, scanned the same postings twice (a third of the time
    of both for a common word on the 50,000-resource hub).
    """

    vendor: str
    parsed: object
    scope: Sql
    exact: Sql
    urgent: Sql | None  # with a crisis, the listing's crisis lines and helplines
    locale_id: int
    bound: int
    count_limit: int

    def page(self, cursor, match, offset, size):
        """``(ids, matched, others)``: the page's resource ids in order, how many rows have the
        words (counted up to the bound and one more), and with a crisis how many crisis lines
        and helplines do not."""
        matches = self.scope & match.sql(self.vendor)
        names = FullTextMatch(match.groups, any_group=match.any_group, field="names")
        tiers = [self.scope & names.sql(self.vendor)]
        if self.parsed.exact:
            tiers.append(self.scope & self.exact)
        if self.urgent:
            tiers.append(
                Sql(
                    f"e.locale_id = %s AND e.resource_id IN (SELECT id FROM ({self.urgent.text} "
                    f"ORDER BY r.worldwide LIMIT {int(self.bound)}) AS national_first)",
                    (self.locale_id, *self.urgent.params),
                )
            )
        members = " UNION ".join(
            [f"SELECT id FROM (SELECT id FROM matched LIMIT {int(self.bound)}) AS tier_0"]
            + [
                f"SELECT id FROM (SELECT e.id FROM {ENTRY_TABLE} e WHERE {tier.text} "
                f"LIMIT {int(self.bound)}) AS tier_{number}"
                for number, tier in enumerate(tiers, start=1)
            ]
        )
        others = self._others(match)
        order = _ordering(self.vendor, self.parsed, self.exact, bool(self.urgent))
        materialized = "MATERIALIZED " if self.vendor == "postgresql" else ""
        cap = max(self.count_limit + 1, self.bound)
        cursor.execute(
            f"WITH matched AS {materialized}(SELECT e.id FROM {ENTRY_TABLE} e "
            f"WHERE {matches.text} LIMIT {int(cap)}) "
            "SELECT e.resource_id, (SELECT COUNT(*) FROM (SELECT 1 FROM matched "
            f"LIMIT {int(self.count_limit) + 1}) AS counted), {others.text} "
            f"FROM {ENTRY_TABLE} e INNER JOIN {RESOURCE_TABLE} r ON r.id = e.resource_id "
            f"WHERE e.id IN ({members}) AND r.live = %s "
            f"ORDER BY {order.text}, r.name, e.resource_id "
            f"LIMIT {int(size)} OFFSET {int(offset)}",
            [
                *matches.params,
                *others.params,
                *(param for tier in tiers for param in tier.params),
                True,
                *order.params,
            ],
        )
        rows = cursor.fetchall()
        if rows:
            return [row[0] for row in rows], rows[0][1], rows[0][2]
        # Nothing on this page (nothing matches, or the page is past the end): the counts
        # need a statement of their own.
        counted = self._bounded(matches)
        cursor.execute(f"SELECT {counted.text}, {others.text}", counted.params + others.params)
        matched, others_count = cursor.fetchone()
        return [], matched, others_count

    def _others(self, match):
        """How many of the crisis lines and helplines do not have the words (0 without a
        crisis), as a scalar subquery."""
        if not self.urgent:
            return Sql("0")
        matched = match.sql(self.vendor)
        return self._bounded(
            self.scope
            & Sql(
                f"e.resource_id IN ({self.urgent.text}) AND NOT ({matched.text})",
                self.urgent.params + matched.params,
            )
        )

    def _bounded(self, where):
        """How many index rows ``where`` holds for, counted up to the bound and one more (more:
        "at least the bound"), as a scalar subquery."""
        return Sql(
            f"(SELECT COUNT(*) FROM (SELECT 1 FROM {ENTRY_TABLE} e WHERE {where.text} "
            f"LIMIT {int(self.count_limit) + 1}) AS bounded)",
            where.params,
        )


def _ordering(vendor, parsed, exact, crisis):
    """The ORDER BY terms of a search's ranking (see the module's docstring)."""
    score = _score(vendor, parsed.groups)
    if parsed.exact:
        score = Sql(
            f"({score.text} + CASE WHEN {exact.text} THEN {EXACT_NAME_SCORE} ELSE 0 END)",
            score.params + exact.params,
        )
    urgency = Sql(
        "CASE r.kind WHEN %s THEN 0 WHEN %s THEN 1 ELSE 2 END", (Kind.CRISIS_LINE, Kind.HELPLINE)
    )
    worldwide_last = Sql("CASE WHEN r.worldwide THEN 1 ELSE 0 END")
    # Between equals, the resource about fewer things is the more specific answer: "anxiety"
    # finds the peer group about anxiety before the line about everything.
    breadth = Sql("LENGTH(e.topics)")
    if crisis:
        not_always_open = Sql(
            "CASE WHEN r.hours = %s OR EXISTS (SELECT 1 FROM "
            f"{CONTACT_POINT_TABLE} cp WHERE cp.resource_id = e.resource_id AND cp.hours = %s) "
            "THEN 0 ELSE 1 END",
            ("24/7", "24/7"),
        )
        terms = [urgency, worldwide_last, not_always_open, _desc(score), breadth]
    else:
        # Crisis lines are always on screen above the results (the widget's crisis block), and
        # without a country they may be any country's: the other services that match come
        # first (an exact name still leads: "Samaritans" finds Samaritans).
        terms = [_desc(Sql(f"CASE WHEN {exact.text} THEN 1 ELSE 0 END", exact.params))]
        if not parsed.exact:
            terms = []
        terms += [_desc(urgency), _desc(score), worldwide_last, breadth]
    return Sql(
        ", ".join(term.text for term in terms),
        tuple(param for term in terms for param in term.params),
    )


def _desc(term):
    return Sql(f"{term.text} DESC", term.params)


def _score(vendor, groups):
    """The sum, over the query's groups and the fields, of ``FIELD_SCORES`` for each field a
    group matches in (a word in the name and the summary scores more than in the name alone)."""
    parts = []
    for group in groups:
        for field, points in FIELD_SCORES.items():
            match = FullTextMatch((group,), field=field).sql(vendor)
            parts.append(Sql(f"CASE WHEN {match.text} THEN {points} ELSE 0 END", match.params))
    return Sql(
        "(" + " + ".join(part.text for part in parts) + ")",
        tuple(param for part in parts for param in part.params),
    )
