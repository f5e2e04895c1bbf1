"""GIN indexes for full-text search of resources on PostgreSQL: one expression index per
text-search configuration the hub's locales use, built from the very expression the search
query filters on (``api.search.search_vector``), so PostgreSQL can use it. Nothing on SQLite.
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations


def _configs():
    from django.conf import settings

    from api.search import search_config

    return sorted({search_config(code) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES})


def _indexes():
    from api.search import search_vector

    return [
        GinIndex(search_vector(config), name=f"roadcase_res_fts_{config}"[:30])
        for config in _configs()
    ]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("roadcase", "Resource")
    for index in _indexes():
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(index.name)}")
        schema_editor.add_index(model, index)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in _indexes():
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(index.name)}")


class Migration(migrations.Migration):
    dependencies = [("roadcase", "0001_initial")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
