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
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest

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
    # In another locale: the source or its live translation matches. One subquery finds the
    # translation keys of both, so neither side forces a scan of the other.
    query = _query(text, content_locale.code)
    # Unordered: the model's default ordering would sort every subquery's rows by name.
    translated = translations.filter(_matches(query, text, typos)).order_by()
    source_keys = (
        queryset.model.objects.filter(locale_id=content_locale.default_locale_id)
        .filter(_matches(default_query, text, typos))
        .order_by()
        .values("translation_key")
    )
    keys = source_keys.union(translated.values("translation_key"))
    rank = (
        translated.filter(translation_key=OuterRef("translation_key"))
        .annotate(_rank=_relevance(text, query, typos))
        .values("_rank")[:1]
    )
    # The source's own relevance only where the source matched (a hashed lookup): computing
    # it for every candidate meant a trigram similarity of each English name with, say, a
    # Spanish word, which cost more than the rest of the query.
    source_relevance = Case(
        When(translation_key__in=source_keys, then=_relevance(text, default_query, typos)),
        default=Value(0.0),
        output_field=FloatField(),
    )
    return queryset.filter(translation_key__in=keys).annotate(
        relevance=Greatest(
            source_relevance,
            Coalesce(Subquery(rank, output_field=FloatField()), Value(0.0)),
        )
    )


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
        rank + Case(When(name__iexact=text, then=Value(1.0)), default=Value(0.0)),
        output_field=FloatField(),
    )


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
