"""The listing filters over a resource's relations: country (or worldwide), language, topic,
audience and contact method.

On PostgreSQL each resource keeps its relations as an array of terms, kept by triggers and
indexed with its locale (``api/migrations/0005_resource_filter_terms.py``), so every filter is
a lookup in one GIN index. Elsewhere (SQLite) each is a subquery on the relation table.
"""

from django.contrib.postgres.fields import ArrayField
from django.db import connection
from django.db.models import BooleanField, CharField, Exists, Expression, OuterRef, Q

from cms.models import ContactPoint, Resource

WORLDWIDE = "*"

# term -> (relation field, column of its through table)
RELATIONS = {
    "country": ("countries", "country_id"),
    "language": ("languages", "language_id"),
    "topic": ("topics", "topic_id"),
    "audience": ("audiences", "audience_id"),
}


def related_to_any(term, values):
    """A condition on resources: related to any of ``values`` by ``term`` (a key of
    ``RELATIONS`` or ``method``, of contact points). ``country`` accepts ``WORLDWIDE``."""
    values = list(values)
    if connection.vendor == "postgresql":
        return Q(HasAnyTerm([f"{term}:{value}" for value in values]))
    if term == "method":
        return Q(Exists(ContactPoint.objects.filter(resource_id=OuterRef("pk"), method__in=values)))
    field, column = RELATIONS[term]
    through = Resource._meta.get_field(field).remote_field.through
    related = through.objects.filter(resource_id=OuterRef("pk"), **{f"{column}__in": values})
    condition = Q(Exists(related))
    return condition | Q(worldwide=True) if term == "country" and WORLDWIDE in values else condition


class HasAnyTerm(Expression):
    """``filter_terms && ARRAY[...]`` on the query's own resource table (the model does not
    declare the column)."""

    output_field = BooleanField()

    def __init__(self, terms):
        super().__init__()
        self.terms = terms

    def as_sql(self, compiler, connection):
        column, params = compiler.compile(StoredFilterTerms())
        return f"{column} && %s::text[]", [*params, self.terms]


def stored_terms():
    """Annotations that read each resource's stored terms along with it (PostgreSQL), so its
    codes need no query of their own (``values_of``); none elsewhere."""
    return {"filter_terms": StoredFilterTerms()} if connection.vendor == "postgresql" else {}


def values_of(terms, term):
    """The values of one kind of term, sorted: ``values_of(terms, "country")`` -> ``["GB"]``
    (worldwide is not a country)."""
    prefix = f"{term}:"
    return sorted(
        value
        for value in (t.removeprefix(prefix) for t in terms if t.startswith(prefix))
        if not (term == "country" and value == WORLDWIDE)
    )


class StoredFilterTerms(Expression):
    """The ``filter_terms`` column of the query's own resource table."""

    output_field = ArrayField(CharField())

    def as_sql(self, compiler, connection):
        alias = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{alias}.filter_terms", []
