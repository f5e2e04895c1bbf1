"""Search on PostgreSQL, second version (measured in docs/performance.md):

- a stored ``search_vector`` column on resources, weighted (name A, summary B, description C)
  and built with the text-search configuration of the row's own locale, kept up to date by a
  trigger on every insert and update (so bulk loads, imports and the admin all maintain it),
  with one GIN index. It replaces the eight expression indexes of 0001, which indexed every row
  in every configuration and made ranking re-parse each matching row's text;
- pg_trgm and a trigram GIN index on names, for typo-tolerant name matches.

Django's model does not declare the column: ``api.search`` reads it. Nothing on SQLite.
"""

from django.db import migrations

TRIGGER = "roadcase_resource_search_vector"


def _config_case():
    from api.search import PG_CONFIGS

    whens = " ".join(
        f"WHEN '{code}' THEN '{config}'" for code, config in sorted(PG_CONFIGS.items())
    )
    return f"CASE split_part(lower(language_code), '-', 1) {whens} ELSE 'simple' END"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from api.search import SEARCH_FIELDS

    weights = dict(zip(SEARCH_FIELDS, "ABC", strict=True))
    vector = " || ".join(
        f"setweight(to_tsvector(config, coalesce(NEW.{field}, '')), '{weight}')"
        for field, weight in weights.items()
    )
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute("ALTER TABLE roadcase_resource ADD COLUMN search_vector tsvector")
    schema_editor.execute(
        f"""
        CREATE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE config regconfig;
        BEGIN
            SELECT ({_config_case()})::regconfig INTO config
            FROM wagtailcore_locale WHERE id = NEW.locale_id;
            config := coalesce(config, 'simple'::regconfig);
            NEW.search_vector := {vector};
            RETURN NEW;
        END $$
        """
    )
    schema_editor.execute(
        f"CREATE TRIGGER {TRIGGER} BEFORE INSERT OR UPDATE OF name, summary, description, "
        f"locale_id ON roadcase_resource FOR EACH ROW EXECUTE FUNCTION {TRIGGER}()"
    )
    schema_editor.execute("UPDATE roadcase_resource SET name = name")
    schema_editor.execute(
        "CREATE INDEX roadcase_res_search_vector ON roadcase_resource USING gin (search_vector)"
    )
    schema_editor.execute(
        "CREATE INDEX roadcase_res_name_trgm ON roadcase_resource USING gin (name gin_trgm_ops)"
    )
    for name in _old_indexes(schema_editor):
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON roadcase_resource")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {TRIGGER}()")
    schema_editor.execute("DROP INDEX IF EXISTS roadcase_res_name_trgm")
    schema_editor.execute("ALTER TABLE roadcase_resource DROP COLUMN IF EXISTS search_vector")
    from importlib import import_module

    import_module("api.migrations.0001_resource_search_indexes").create_indexes(apps, schema_editor)


def _old_indexes(schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'roadcase_resource' "
            "AND indexname LIKE 'roadcase_res_fts_%%'"
        )
        return [row[0] for row in cursor.fetchall()]


class Migration(migrations.Migration):
    dependencies = [
        ("roadcase_api", "0001_resource_search_indexes"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
