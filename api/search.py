"""Full-text search over resources, in the requested locale and the default locale.

On PostgreSQL: a stored ``search_vector`` per row (name, summary and description, weighted in
that order) built with the language's own text-search configuration where PostgreSQL has one
(``simple`` otherwise), matched with ``websearch_to_tsquery`` through a GIN index; names also
match with one or two letters wrong (pg_trgm word similarity, GIN index); an exact name ranks
first. Both are created by this app's migrations. Elsewhere (SQLite): a case-insensitive
substring match on the same fields, name matches ranked first.

Typo tolerance is asked for (``typos=True``) only when the words themselves find little: a
common word's near-spellings are thousands of names, each compared letter by letter, which
doubled the time of every search while adding nothing above the exact matches.
"""

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.contrib.postgres.search import SearchVectorExact as Exact
from django.db import connection
from django.db.models import (
    Case,
    Exists,
    Expression,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length
from django.db.models.lookups import Exact as EqualTo
from django.db.models.sql.constants import INNER

SEARCH_FIELDS = ("name", "summary", "description")

# PostgreSQL's built-in text-search configurations for the hub's languages; others use simple.
PG_CONFIGS = {
    "ar": "arabic",
    "da": "danish",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "it": "italian",
    "nl": "dutch",
    "no": "norwegian",
    "pt": "portuguese",
    "ru": "russian",
    "sv": "swedish",
    "tr": "turkish",
}


def search_config(locale_code):
    return PG_CONFIGS.get(locale_code.split("-")[0].lower(), "simple")


def search_vector(config):
    return SearchVector(*SEARCH_FIELDS, config=config)


def uses_postgres_search():
    return connection.vendor == "postgresql"


def apply_search(queryset, text, content_locale, translations, *, typos=False):
    """``queryset`` (default-locale resources) narrowed to those matching ``text`` in their own
    fields or in their live translation into the requested locale, annotated with ``relevance``.
    ``translations`` is the queryset of candidate translation rows. ``typos``: names spelt
    nearly like ``text`` match too (PostgreSQL; the portable search has no such thing).
    """
    if uses_postgres_search():
        return _postgres(queryset, text, content_locale, translations, typos)
    return _portable(queryset, text, content_locale, translations)


def _postgres(queryset, text, content_locale, translations, typos):
    # Matches on the stored, weighted ``search_vector`` (GIN) or, for typos, on names similar
    # word for word (pg_trgm, GIN), written so PostgreSQL combines the two indexes.
    default_query = _query(text, content_locale.default_code)
    if content_locale.is_default or content_locale.locale_id is None:
        return queryset.filter(_matches(default_query, text, typos)).annotate(
            relevance=_relevance(text, default_query, typos)
        )
    # In another locale: the source or its live translation matches, ranked by the better of
    # the two. Each side is matched and ranked once, through its own index, in one subquery
    # of translation keys with their best rank, which the sources are joined to.
    query = _query(text, content_locale.code)
    source_matches = (
        queryset.model.objects.filter(locale_id=content_locale.default_locale_id)
        .filter(_matches(default_query, text, typos))
        .order_by()  # the model's default ordering would sort every branch by name
        .values("translation_key")
        .annotate(rank=_relevance(text, default_query, typos))
    )
    translation_matches = (
        translations.filter(_matches(query, text, typos))
        .order_by()
        .values("translation_key")
        .annotate(rank=_relevance(text, query, typos))
    )
    matches, params = source_matches.union(translation_matches, all=True).query.sql_with_params()
    queryset = join_ranked_keys(
        queryset,
        f"SELECT translation_key, MAX(rank) AS rank FROM ({matches}) matches "
        "GROUP BY translation_key",
        params,
    )
    return queryset.annotate(relevance=RawSQL(f"{RANKED_KEYS}.rank", [], FloatField()))


RANKED_KEYS = "roadcase_ranked_keys"


def join_ranked_keys(queryset, sql, params):
    """``queryset`` inner-joined, on ``translation_key``, to the rows of ``sql`` (a
    ``translation_key`` and a ``rank`` column), which the query can read as
    ``roadcase_ranked_keys.rank``.

    The ORM joins tables, not subqueries, and writing the whole search by hand would repeat
    every filter the selectors build. Before this join, the translation's rank was a lookup
    per matching row, and the match a second one (docs/performance.md, item 21).
    """
    queryset = queryset.all()
    query = queryset.query
    join = RankedKeysJoin(sql, params, query.get_initial_alias())
    query.alias_map[RANKED_KEYS] = join
    query.alias_refcount[RANKED_KEYS] = 1
    query.table_map[RANKED_KEYS] = [RANKED_KEYS]
    return queryset


class RankedKeysJoin:
    """A FROM-clause entry joining a subquery, with what Django's ``Query.alias_map`` asks of
    its entries (``django.db.models.sql.datastructures.Join``): names, a parent alias, an
    inner join type, ``as_sql`` and ``relabeled_clone``.
    """

    join_type = INNER
    nullable = False
    filtered_relation = None
    table_name = table_alias = RANKED_KEYS

    def __init__(self, sql, params, parent_alias):
        self.sql = sql
        self.params = tuple(params)
        self.parent_alias = parent_alias

    def as_sql(self, compiler, connection):
        parent = compiler.quote_name_unless_alias(self.parent_alias)
        return (
            f"INNER JOIN ({self.sql}) {RANKED_KEYS} "
            f"ON ({RANKED_KEYS}.translation_key = {parent}.translation_key)",
            list(self.params),
        )

    def relabeled_clone(self, change_map):
        parent = change_map.get(self.parent_alias, self.parent_alias)
        return RankedKeysJoin(self.sql, self.params, parent)


def _query(text, locale_code):
    return SearchQuery(text, config=search_config(locale_code), search_type="websearch")


def _matches(query, text, typos):
    words = Q(Exact(StoredSearchVector(), query))
    return words | Q(TrigramWordSimilar(F("name"), text)) if typos else words


def _relevance(text, query, typos):
    """Text rank for text matches (names weigh most), name similarity for typo-only matches,
    and one more for an exact name, which therefore comes first.
    """
    rank = SearchRank(StoredSearchVector(), query)
    if typos:
        rank = Case(
            When(Exact(StoredSearchVector(), query), then=rank),
            default=TrigramWordSimilarity(text, "name"),
        )
    return ExpressionWrapper(
        rank + Case(When(_names_exactly(text), then=Value(1.0)), default=Value(0.0)),
        output_field=FloatField(),
    )


def _names_exactly(text):
    """Names equal to ``text`` but for case. The length is compared first: upper-casing every
    match's name cost about a quarter of ranking it (thousands for a common word), and a
    name of another length cannot be equal (PostgreSQL's libc case mapping keeps the number
    of characters; an ICU collation's may not, so "Straße" might then miss the bonus).
    """
    return Q(EqualTo(Length("name"), len(text))) & Q(name__iexact=text)


class StoredSearchVector(Expression):
    """The ``search_vector`` column of resources: weighted, in the row's own locale's
    configuration, kept by a trigger (``api/migrations/0002_resource_search_vector.py``).
    The model does not declare it, so it is read as a column of the query's own table.
    """

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        alias = compiler.query.get_initial_alias()
        return f"{compiler.quote_name_unless_alias(alias)}.search_vector", []


def _portable(queryset, text, content_locale, translations):
    words = text.split()[:8]

    def matches_all(prefix=""):
        condition = Q()
        for word in words:
            condition &= (
                Q(**{f"{prefix}name__icontains": word})
                | Q(**{f"{prefix}summary__icontains": word})
                | Q(**{f"{prefix}description__icontains": word})
            )
        return condition

    def name_matches():
        condition = Q()
        for word in words:
            condition &= Q(name__icontains=word)
        return condition

    own = matches_all()
    if content_locale.is_default or content_locale.locale_id is None:
        candidates = own
        translated_name = Value(False)
    else:
        translated = translations.filter(translation_key=OuterRef("translation_key"))
        candidates = own | Exists(translated.filter(matches_all()))
        translated_name = Exists(translated.filter(name_matches()))
    return queryset.filter(candidates).annotate(
        relevance=Case(
            When(name_matches(), then=Value(2.0)),
            When(translated_name, then=Value(2.0)),
            When(own, then=Value(1.0)),
            default=Value(1.0),
            output_field=FloatField(),
        )
    )
