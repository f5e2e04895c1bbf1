"""Search indexes per locale on PostgreSQL (measured in docs/performance.md).

Every search is in one locale (the requested one, or the default locale's sources), so the text
and trigram indexes lead with ``locale_id`` (``btree_gin`` makes an integer a GIN key): a search
for "peer support" no longer collects the matches of all eight locales from the index and then
throws seven eighths of them away against the locale index. Nothing on SQLite.
"""

from django.db import migrations

INDEXES = {
    "roadcase_res_locale_search": "(locale_id, search_vector)",
    "roadcase_res_locale_name_trgm": "(locale_id, name gin_trgm_ops)",
}
REPLACED = {
    "roadcase_res_search_vector": "(search_vector)",
    "roadcase_res_name_trgm": "(name gin_trgm_ops)",
}


def _swap(schema_editor, create, drop):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, columns in create.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON roadcase_resource USING gin {columns}"
        )
    for name in drop:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # A trusted extension: the database's owner may create it.
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    _swap(schema_editor, INDEXES, REPLACED)


def backwards(apps, schema_editor):
    _swap(schema_editor, REPLACED, INDEXES)


class Migration(migrations.Migration):
    dependencies = [("roadcase_api", "0003_listing_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
