"""The search index: one row per live resource and locale, and the vocabulary for typos.

A row holds a resource's searchable text in one locale, already analysed (``text.py``): its
names; its topics', organisation's, kind's and audiences' names; its summary with its topics'
descriptions; its description; each in that locale and in the default locale (the fallback). A
search reads only its own locale's rows. ``index.py`` keeps the rows current on publish.

Each engine matches the tokens with its own full-text index, created by this app's migration
``0006_search_index``: on PostgreSQL the generated, weighted ``document`` (names A, topics B,
summary C, description D) and ``name_document`` tsvectors with GIN indexes per locale; on SQLite
an FTS5 table over the four text columns, kept by triggers.
"""

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Func

# The searched fields, best first, with the weight each has in PostgreSQL's ``document``.
FIELD_WEIGHTS = {"names": "A", "topics": "B", "summary": "C", "description": "D"}


class PostgresTsvector(Func):
    """A tsvector of the given weighted text columns on PostgreSQL; NULL elsewhere (SQLite
    searches its FTS5 table instead). Used only as a generated column's expression."""

    output_field = SearchVectorField()

    def __init__(self, *fields):
        self.fields = fields
        super().__init__(output_field=SearchVectorField())

    def _vector(self):
        vector = None
        for field in self.fields:
            part = SearchVector(field, config="simple", weight=FIELD_WEIGHTS[field])
            vector = part if vector is None else vector + part
        return vector

    def resolve_expression(self, *args, **kwargs):
        clone = super().resolve_expression(*args, **kwargs)
        clone.vector = self._vector().resolve_expression(*args, **kwargs)
        return clone

    def as_postgresql(self, compiler, connection, **extra):
        return compiler.compile(self.vector)

    def as_sql(self, compiler, connection, **extra):
        return "NULL", []

    def deconstruct(self):
        return ("api.search.models.PostgresTsvector", self.fields, {})


class SearchEntry(models.Model):
    """A live default-locale resource's searchable text in one locale (its translation's, where
    there is one, and the default locale's). ``exact_name`` and ``exact_default_name`` are its
    names reduced for comparing whole names (``text.exact_form``)."""

    resource = models.ForeignKey("roadcase.Resource", on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    # The resource's own expiry, copied (it changes only when the resource is published), so
    # a search without filters never needs the resource table to count and rank.
    expire_at = models.DateTimeField(null=True, blank=True)
    # The countries it serves, " GB IE ", with "*" for worldwide: copied for the same reason,
    # as the widget always asks for a country (``engine.serves_country``).
    countries = models.CharField(max_length=1000, blank=True)
    exact_name = models.CharField(max_length=255, blank=True)
    exact_default_name = models.CharField(max_length=255, blank=True)
    names = models.TextField(blank=True)
    topics = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    description = models.TextField(blank=True)
    document = models.GeneratedField(
        expression=PostgresTsvector("names", "topics", "summary", "description"),
        output_field=SearchVectorField(null=True),
        db_persist=True,
    )
    name_document = models.GeneratedField(
        expression=PostgresTsvector("names"),
        output_field=SearchVectorField(null=True),
        db_persist=True,
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "locale"], name="roadcase_search_entry_resource_locale"
            )
        ]
        indexes = [
            models.Index(fields=["locale", "exact_name"], name="roadcase_search_exact"),
            models.Index(
                fields=["locale", "exact_default_name"], name="roadcase_search_exact_default"
            ),
        ]

    def __str__(self):
        return f"{self.resource_id} in {self.locale_id}"


class SearchWord(models.Model):
    """A word of the indexed text, once under itself and once under each spelling with one
    letter left out (its ``key``): a query word and a known word one edit apart share a key
    ("samaritns" and "samaritans" share "samaritns"), so a misspelling is found with one
    index lookup, the same on every engine (the symmetric-deletion method)."""

    key = models.CharField(max_length=64)
    word = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "word"], name="roadcase_search_word_key")
        ]

    def __str__(self):
        return self.word


def locale_index_statements(locale_id, *, drop=False):
    """SQL for the PostgreSQL text index of one locale's rows (a partial GIN index of the
    weighted document and the countries served). Every row holds the default locale's text
    as well as its own, so a word's entries in an index of all locales are eight times as
    many as one locale's: a search scanned them all to keep its own (19 ms against 3 for
    "money worries" on the 50,000-resource hub). Created by the migration for each locale,
    and when a locale is added (``signals.py``)."""
    name = f"roadcase_search_document_{int(locale_id)}"
    if drop:
        return [f"DROP INDEX IF EXISTS {name}"]
    return [
        f"CREATE INDEX IF NOT EXISTS {name} ON roadcase_api_searchentry USING gin "
        f"(document, (string_to_array(btrim(countries), ' '))) WHERE locale_id = {int(locale_id)}"
    ]
