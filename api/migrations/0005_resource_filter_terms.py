"""Filter terms on PostgreSQL (measured in docs/performance.md).

The listing filters (country, language, topic, audience, contact method) used to be semi-joins
with the relation tables, which hold every translation's rows as well: "about burnout" meant
36,000 relation rows probed one by one to find the 6,000 sources among them. Each resource now
keeps its relations as one array of terms (``country:GB``, ``country:*`` for worldwide,
``language:en``, ``topic:33``, ``audience:crew``, ``method:phone``), indexed with its locale in
one GIN index, so every filter of a listing is a lookup in that one index.

Triggers keep the array current whatever writes the relations: the admin, publishing a
revision, wagtail-localize's sync, imports and bulk loads. Statement-level triggers with
transition tables refresh each touched resource once per statement, not once per row. Django's
model does not declare the column: ``api.filter_terms`` reads it. Nothing on SQLite.
"""

from django.db import migrations

FUNCTION = "roadcase_filter_terms"
REFRESH = "roadcase_refresh_filter_terms"
RESOURCE_TRIGGER = "roadcase_resource_filter_terms"

# (table, term, column): the rows whose changes refresh their resource's terms.
SOURCES = [
    ("roadcase_resource_countries", "country", "country_id"),
    ("roadcase_resource_languages", "language", "language_id"),
    ("roadcase_resource_topics", "topic", "topic_id"),
    ("roadcase_resource_audiences", "audience", "audience_id"),
    ("roadcase_contactpoint", "method", "method"),
]


def _terms_sql():
    parts = [
        f"SELECT '{term}:' || {column} FROM {table} WHERE resource_id = resource"
        for table, term, column in SOURCES
    ]
    parts.append("SELECT 'country:*' WHERE worldwide")
    return " UNION ".join(parts)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    run = schema_editor.execute
    run("ALTER TABLE roadcase_resource ADD COLUMN filter_terms text[] NOT NULL DEFAULT '{}'")
    run(
        f"""
        CREATE FUNCTION {FUNCTION}(resource bigint, worldwide boolean) RETURNS text[]
        LANGUAGE sql STABLE AS $$
            SELECT coalesce(array_agg(term ORDER BY term), '{{}}')
            FROM ({_terms_sql()}) AS terms (term)
        $$
        """
    )
    # Refreshes the resources named in the statement's transition table(s): ``changed`` always,
    # ``changed_before`` too on UPDATE (a row may have moved to another resource).
    run(
        f"""
        CREATE FUNCTION {REFRESH}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE roadcase_resource AS r SET filter_terms = {FUNCTION}(r.id, r.worldwide)
            WHERE r.id IN (SELECT resource_id FROM changed);
            IF TG_OP = 'UPDATE' THEN
                UPDATE roadcase_resource AS r SET filter_terms = {FUNCTION}(r.id, r.worldwide)
                WHERE r.id IN (SELECT resource_id FROM changed_before);
            END IF;
            RETURN NULL;
        END $$
        """
    )
    for table, _term, _column in SOURCES:
        for event, referencing in [
            ("INSERT", "NEW TABLE AS changed"),
            ("DELETE", "OLD TABLE AS changed"),
            ("UPDATE", "NEW TABLE AS changed OLD TABLE AS changed_before"),
        ]:
            run(
                f"CREATE TRIGGER {table}_terms_{event.lower()} AFTER {event} ON {table} "
                f"REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION {REFRESH}()"
            )
    # Worldwide is the resource's own column: its term is set as the row is written.
    run(
        f"""
        CREATE FUNCTION {RESOURCE_TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.filter_terms := {FUNCTION}(NEW.id, NEW.worldwide);
            RETURN NEW;
        END $$
        """
    )
    run(
        f"CREATE TRIGGER {RESOURCE_TRIGGER} BEFORE INSERT OR UPDATE OF worldwide "
        f"ON roadcase_resource FOR EACH ROW EXECUTE FUNCTION {RESOURCE_TRIGGER}()"
    )
    run(f"UPDATE roadcase_resource SET filter_terms = {FUNCTION}(id, worldwide)")
    run(
        "CREATE INDEX roadcase_res_locale_terms ON roadcase_resource "
        "USING gin (locale_id, filter_terms)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    run = schema_editor.execute
    for table, _term, _column in SOURCES:
        for event in ("insert", "delete", "update"):
            run(f"DROP TRIGGER IF EXISTS {table}_terms_{event} ON {table}")
    run(f"DROP TRIGGER IF EXISTS {RESOURCE_TRIGGER} ON roadcase_resource")
    run(f"DROP FUNCTION IF EXISTS {RESOURCE_TRIGGER}()")
    run(f"DROP FUNCTION IF EXISTS {REFRESH}()")
    run(f"DROP FUNCTION IF EXISTS {FUNCTION}(bigint, boolean)")
    run("ALTER TABLE roadcase_resource DROP COLUMN IF EXISTS filter_terms")


class Migration(migrations.Migration):
    dependencies = [
        ("roadcase_api", "0004_search_indexes_by_locale"),
        ("roadcase", "0006_localization_indexes"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
