"""The search index (issue 19; docs/api.md, docs/performance.md): one row per live resource and
locale with its analysed text (``api/search/models.py``), and the vocabulary for typos.

Each engine gets its own full-text index over the rows:

- PostgreSQL: the generated, weighted ``document`` and ``name_document`` tsvectors, each in a
  GIN index led by the locale (``btree_gin``, from 0004), so a search reads its locale only,
  the first with the countries served;
- SQLite: an FTS5 table over the four text columns (external content: the rows stay in the
  entry table), kept in step by triggers, as SQLite's FTS5 documentation describes.

The search columns, trigger and indexes that 0002 and 0004 put on the resource table are
dropped (on PostgreSQL): nothing reads them any more, and the trigger cost every resource
write. Going back puts them back. The rows are written after migrate when the index is empty
(``api.apps``) and by ``manage.py rebuild_search_index``.
"""

import api.search.models
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

FTS = "roadcase_search_fts"
ENTRY = "roadcase_api_searchentry"
COLUMNS = ("names", "topics", "summary", "description")
# The country is a column of the text index (api.search.engine.serves_country): "anxiety" in
# GB is then one index scan, with no row visited that is not both. Each locale's rows have a
# partial index of their own too (api.search.models.locale_index_statements), which searches
# use; this one serves a locale created without it.
PG_INDEXES = {
    "roadcase_search_document": "(locale_id, document, (string_to_array(btrim(countries), ' ')))",
    "roadcase_search_name_document": "(locale_id, name_document)",
}
OLD_TRIGGER = "roadcase_resource_search_vector"
OLD_INDEXES = ("roadcase_res_locale_search", "roadcase_res_locale_name_trgm")


def forwards(apps, schema_editor):
    run = schema_editor.execute
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        from api.search.models import locale_index_statements

        for name, columns in PG_INDEXES.items():
            run(f"CREATE INDEX {name} ON {ENTRY} USING gin {columns}")
        for locale_id in apps.get_model("wagtailcore", "Locale").objects.values_list("pk", flat=True):
            for statement in locale_index_statements(locale_id):
                run(statement)
        run(f"DROP TRIGGER IF EXISTS {OLD_TRIGGER} ON roadcase_resource")
        run(f"DROP FUNCTION IF EXISTS {OLD_TRIGGER}()")
        for name in OLD_INDEXES:
            run(f"DROP INDEX IF EXISTS {name}")
        run("ALTER TABLE roadcase_resource DROP COLUMN IF EXISTS search_vector")
    elif vendor == "sqlite":
        columns = ", ".join(COLUMNS)
        new = ", ".join(f"new.{c}" for c in COLUMNS)
        old = ", ".join(f"old.{c}" for c in COLUMNS)
        run(
            f"CREATE VIRTUAL TABLE {FTS} USING fts5({columns}, content='{ENTRY}', "
            "content_rowid='id', tokenize='unicode61 remove_diacritics 0')"
        )
        run(
            f"CREATE TRIGGER {FTS}_insert AFTER INSERT ON {ENTRY} BEGIN "
            f"INSERT INTO {FTS}(rowid, {columns}) VALUES (new.id, {new}); END"
        )
        run(
            f"CREATE TRIGGER {FTS}_delete AFTER DELETE ON {ENTRY} BEGIN "
            f"INSERT INTO {FTS}({FTS}, rowid, {columns}) VALUES ('delete', old.id, {old}); END"
        )
        run(
            f"CREATE TRIGGER {FTS}_update AFTER UPDATE ON {ENTRY} BEGIN "
            f"INSERT INTO {FTS}({FTS}, rowid, {columns}) VALUES ('delete', old.id, {old}); "
            f"INSERT INTO {FTS}(rowid, {columns}) VALUES (new.id, {new}); END"
        )


def backwards(apps, schema_editor):
    run = schema_editor.execute
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        from importlib import import_module

        from api.search.models import locale_index_statements

        for name in PG_INDEXES:
            run(f"DROP INDEX IF EXISTS {name}")
        for locale_id in apps.get_model("wagtailcore", "Locale").objects.values_list("pk", flat=True):
            for statement in locale_index_statements(locale_id, drop=True):
                run(statement)
        import_module("api.migrations.0002_resource_search_vector").forwards(apps, schema_editor)
        import_module("api.migrations.0004_search_indexes_by_locale").forwards(apps, schema_editor)
    elif vendor == "sqlite":
        for suffix in ("insert", "delete", "update"):
            run(f"DROP TRIGGER IF EXISTS {FTS}_{suffix}")
        run(f"DROP TABLE IF EXISTS {FTS}")


class Migration(migrations.Migration):

    dependencies = [
        ('roadcase', '0006_localization_indexes'),
        ('roadcase_api', '0005_resource_filter_terms'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchWord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=64)),
                ('word', models.CharField(max_length=64)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('key', 'word'), name='roadcase_search_word_key')],
            },
        ),
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('expire_at', models.DateTimeField(blank=True, null=True)),
                ('countries', models.CharField(blank=True, max_length=1000)),
                ('exact_name', models.CharField(blank=True, max_length=255)),
                ('exact_default_name', models.CharField(blank=True, max_length=255)),
                ('names', models.TextField(blank=True)),
                ('topics', models.TextField(blank=True)),
                ('summary', models.TextField(blank=True)),
                ('description', models.TextField(blank=True)),
                ('document', models.GeneratedField(db_persist=True, expression=api.search.models.PostgresTsvector('names', 'topics', 'summary', 'description'), output_field=django.contrib.postgres.search.SearchVectorField(null=True))),
                ('name_document', models.GeneratedField(db_persist=True, expression=api.search.models.PostgresTsvector('names'), output_field=django.contrib.postgres.search.SearchVectorField(null=True))),
                ('locale', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.locale')),
                ('resource', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='roadcase.resource')),
            ],
            options={
                'indexes': [models.Index(fields=['locale', 'exact_name'], name='roadcase_search_exact'), models.Index(fields=['locale', 'exact_default_name'], name='roadcase_search_exact_default')],
                'constraints': [models.UniqueConstraint(fields=('resource', 'locale'), name='roadcase_search_entry_resource_locale')],
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
