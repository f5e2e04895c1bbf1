"""Names the API's early migrations import (``0001_resource_search_indexes``,
``0002_resource_search_vector``), kept so that a new database still migrates from the start.
They built search columns and indexes on the resource table, which ``0006_search_index``
drops in favour of the search index (``models.py``). Nothing else uses them.
"""

from django.contrib.postgres.search import SearchVector

from .text import STEMMERS

SEARCH_FIELDS = ("name", "summary", "description")

# PostgreSQL's text search configurations carry the Snowball stemmers' names.
PG_CONFIGS = STEMMERS


def search_config(locale_code):
    return PG_CONFIGS.get(locale_code.split("-")[0].lower(), "simple")


def search_vector(config):
    return SearchVector(*SEARCH_FIELDS, config=config)
