"""Indexes for filtered listings on PostgreSQL (measured in docs/performance.md).

Filters run on the default-locale rows and their relations; the relation tables also hold
every translation's rows, so without these PostgreSQL reads whole tables to build hash joins:

- one covering index of what listings filter and sort on, per locale, so candidates come from
  an index-only scan instead of the wide resource rows;
- (value, resource) indexes on the relation tables and contact points' methods, so "serves
  GB", "about burnout", "reachable by phone" are index-only scans (Django's own indexes are
  (resource, value) and (value) alone, which need the table for the resource id).

Nothing on SQLite, whose planner takes the rows one by one anyway.
"""

from django.db import migrations

INDEXES = {
    "roadcase_res_listing": "roadcase_resource (locale_id, id) "
    "INCLUDE (kind, cost, worldwide, live, expire_at, review_due, name)",
    "roadcase_res_countries_by_value": "roadcase_resource_countries (country_id, resource_id)",
    "roadcase_res_languages_by_value": "roadcase_resource_languages (language_id, resource_id)",
    "roadcase_res_topics_by_value": "roadcase_resource_topics (topic_id, resource_id)",
    "roadcase_res_audiences_by_value": "roadcase_resource_audiences (audience_id, resource_id)",
    "roadcase_contact_by_method": "roadcase_contactpoint (method, resource_id)",
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("roadcase_api", "0002_resource_search_vector"),
        ("roadcase", "0006_localization_indexes"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
