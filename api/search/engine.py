"""Searching the index: a parsed query becomes each engine's full-text query, matched in the
requested locale's rows of the resources a listing's filters allow, then counted (exactly up
to a bound) and ranked (over a bounded set of candidates).

Both engines match the same tokens (``text.py``) with the same rules, through the ORM and one
boolean expression written for each: PostgreSQL's ``document @@ tsquery`` on the GIN-indexed,
weighted tsvector, SQLite's FTS5 ``MATCH`` with column filters.

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

from django.db.models import (
    BooleanField,
    Case,
    Exists,
    Expression,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.functions import Length
from django.utils import timezone

from cms.models import ContactPoint, Kind

from ..filter_terms import WORLDWIDE
from .index import deletion_keys
from .models import FIELD_WEIGHTS, SearchEntry, SearchWord
from .query import TYPO_MIN_LENGTH

FTS_TABLE = "roadcase_search_fts"
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


class FullTextMatch(Expression):
    """True where the row's text matches ``groups`` (all of them, or any with ``any_group``),
    in every field or in one (``field``, a key of ``FIELD_WEIGHTS``)."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, groups, *, any_group=False, field=None, column="document"):
        super().__init__()
        self.groups, self.any_group, self.in_field = groups, any_group, field
        self.document, self.row_id = F(column), F("pk")

    def get_source_expressions(self):
        return [self.document, self.row_id]

    def set_source_expressions(self, expressions):
        self.document, self.row_id = expressions

    def as_postgresql(self, compiler, connection):
        document, params = compiler.compile(self.document)
        return f"{document} @@ CAST(%s AS tsquery)", [*params, self.tsquery()]

    def as_sqlite(self, compiler, connection):
        row_id, params = compiler.compile(self.row_id)
        return (
            f"{row_id} IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)",
            [*params, self.fts5()],
        )

    def as_sql(self, compiler, connection):
        raise NotImplementedError(f"Search has no full-text query for {connection.vendor}.")

    def tsquery(self):
        weight = FIELD_WEIGHTS[self.in_field] if self.in_field else ""
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
        return f"{{{self.in_field}}} : ({query})" if self.in_field else query


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


class ServesCountry(Expression):
    """True where the row's resource serves the country ``code`` or is worldwide (the row's
    ``countries``: PostgreSQL matches it as an array through a GIN index, SQLite as text)."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, code):
        super().__init__()
        self.code, self.countries = code, F("countries")

    def get_source_expressions(self):
        return [self.countries]

    def set_source_expressions(self, expressions):
        [self.countries] = expressions

    def as_postgresql(self, compiler, connection):
        countries, params = compiler.compile(self.countries)
        return (
            f"string_to_array(btrim({countries}), ' ') && ARRAY[%s, %s]::text[]",
            [*params, self.code, WORLDWIDE],
        )

    def as_sql(self, compiler, connection):
        countries, params = compiler.compile(self.countries)
        return (
            f"({countries} LIKE %s OR {countries} LIKE %s)",
            [*params, f"% {self.code} %", f"% {WORLDWIDE} %"],
        )


URGENT = [Kind.CRISIS_LINE, Kind.HELPLINE]


def search(
    parsed, *, resources, filtered, locale_id, country, offset, size, candidates, count_limit
):
    """One page of the resources of ``resources`` (a queryset of live sources) matching
    ``parsed`` in the rows of ``locale_id``, best first. ``filtered``: whether ``resources``
    leaves out more than unpublished or expired ones and those not serving ``country``; if
    not, the index rows alone are read to count and choose candidates."""
    if not parsed.groups:
        # Nothing to look for (one letter, punctuation): nothing is found, on either engine
        # (an empty MATCH is an error to FTS5).
        return Found([], 0, False, parsed.crisis_intent)
    now = timezone.now()
    entries = SearchEntry.objects.filter(locale_id=locale_id).filter(
        Q(expire_at__isnull=True) | Q(expire_at__gt=now)
    )
    if country:
        entries = entries.filter(ServesCountry(country))
    if filtered:
        entries = entries.filter(resource__in=resources.values("pk"))
    crisis = parsed.crisis_intent
    match = FullTextMatch(parsed.groups)
    count = _bounded_count(entries.filter(match), count_limit)
    if not count and len(parsed.groups) > 1:
        # No resource has every word: any of them will do, ranked by how many and where.
        match = FullTextMatch(parsed.groups, any_group=True)
        count = _bounded_count(entries.filter(match), count_limit)
    urgent = resources.filter(kind__in=URGENT)
    if crisis and count <= count_limit:
        # Crisis lines and helplines are shown whether or not they have the words.
        others = entries.filter(resource__in=urgent.values("pk")).exclude(match)
        count += _bounded_count(others, count_limit)
    if not count:
        return Found([], 0, False, crisis)
    bound = max(candidates, offset + size)
    names = FullTextMatch(parsed.groups, any_group=match.any_group, column="name_document")
    tiers = [entries.filter(match), entries.filter(names)]
    exact = Q(exact_name=parsed.exact) | Q(exact_default_name=parsed.exact)
    if parsed.exact:
        tiers.append(entries.filter(exact))
    if crisis:
        national_first = urgent.order_by("worldwide").values("pk")[:bound]
        tiers.append(SearchEntry.objects.filter(locale_id=locale_id, resource__in=national_first))
    members = [
        SearchEntry.objects.filter(pk__in=tier.values("pk")[:bound]).values("pk") for tier in tiers
    ]
    ranked = SearchEntry.objects.filter(
        pk__in=members[0].union(*members[1:]), resource__live=True
    ).annotate(
        score=_score(parsed, exact if parsed.exact else None),
        urgency=Case(
            When(resource__kind=Kind.CRISIS_LINE, then=Value(0)),
            When(resource__kind=Kind.HELPLINE, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        ),
        worldwide_last=Case(
            When(resource__worldwide=True, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        ),
        # Between equals, the resource about fewer things is the more specific answer: "anxiety"
        # finds the peer group about anxiety before the line about everything.
        breadth=Length("topics"),
    )
    if crisis:
        always_open = Q(resource__hours="24/7") | Exists(
            ContactPoint.objects.filter(resource_id=OuterRef("resource_id"), hours="24/7")
        )
        ranked = ranked.annotate(
            not_always_open=Case(When(always_open, then=Value(0)), default=Value(1))
        )
        ordering = ["urgency", "worldwide_last", "not_always_open", "-score", "breadth"]
    else:
        # Crisis lines are always on screen above the results (the widget's crisis block), and
        # without a country they may be any country's: the other services that match come
        # first (an exact name still leads: "Samaritans" finds Samaritans).
        ranked = ranked.annotate(
            named=Case(When(exact, then=Value(1)), default=Value(0))
            if parsed.exact
            else Value(0, output_field=IntegerField())
        )
        ordering = ["-named", "-urgency", "-score", "worldwide_last", "breadth"]
    ids = list(
        ranked.order_by(*ordering, "resource__name", "resource_id").values_list(
            "resource_id", flat=True
        )[offset : offset + size]
    )
    estimate = count > count_limit
    if estimate:
        count = max(count_limit, offset + len(ids))
    return Found(ids, count, estimate, crisis)


def _bounded_count(queryset, limit):
    """How many rows ``queryset`` has, counted up to ``limit + 1`` (more: "at least limit")."""
    return queryset.values("pk")[: limit + 1].count()


def _score(parsed, exact):
    """An exact name, then each group's matches, field by field (a word in the name and the
    summary scores more than in the name alone)."""
    score = FieldScore(parsed.groups)
    if exact is None:
        return score
    bonus = Case(When(exact, then=Value(EXACT_NAME_SCORE)), default=Value(0))
    return ExpressionWrapper(bonus + score, output_field=IntegerField())


class FieldScore(Expression):
    """The sum, over the query's groups and the fields, of ``FIELD_SCORES`` for each field a
    group matches in. One expression over the row's document and id, written out for each
    engine like ``FullTextMatch``: a query of several words is resolved and compiled in one
    step (an expression per group and field cost more to copy and compile than to run)."""

    output_field = IntegerField()

    def __init__(self, groups):
        super().__init__()
        self.groups = groups
        self.document, self.row_id = F("document"), F("pk")

    def get_source_expressions(self):
        return [self.document, self.row_id]

    def set_source_expressions(self, expressions):
        self.document, self.row_id = expressions

    def _matches(self):
        for group in self.groups:
            for field, points in FIELD_SCORES.items():
                yield FullTextMatch((group,), field=field), points

    def as_postgresql(self, compiler, connection):
        document, params = compiler.compile(self.document)
        parts, values = [], []
        for match, points in self._matches():
            parts.append(f"CASE WHEN {document} @@ CAST(%s AS tsquery) THEN {points} ELSE 0 END")
            values += [*params, match.tsquery()]
        return "(" + " + ".join(parts or ["0"]) + ")", values

    def as_sqlite(self, compiler, connection):
        row_id, params = compiler.compile(self.row_id)
        parts, values = [], []
        for match, points in self._matches():
            parts.append(
                f"CASE WHEN {row_id} IN (SELECT rowid FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH %s) THEN {points} ELSE 0 END"
            )
            values += [*params, match.fts5()]
        return "(" + " + ".join(parts or ["0"]) + ")", values
