"""Search over the directory, behind one small seam.

``search_resources()`` answers the API's ``?q=``; ``update()`` and ``rebuild()`` keep the index
current (``signals.py``, ``manage.py rebuild_search_index``). They go through the backend named
in ``ROADCASE["SEARCH_BACKEND"]``: by default ``IndexSearch``, the denormalised index of this
package on each engine's own full-text search (SQLite FTS5, PostgreSQL tsvector). A hub that
outgrows PostgreSQL can name a subclass of ``SearchBackend`` that answers from elsewhere
(e.g. Wagtail's OpenSearch backend): docs/api.md says how.

Modules: ``text.py`` (analysis), ``query.py`` (a query's words, synonyms, crisis intent),
``index.py`` (the rows), ``engine.py`` (matching, counting, ranking), ``models.py``.
"""

from functools import lru_cache

from django.utils.module_loading import import_string

from cms.conf import roadcase_setting
from cms.text import text_lines

from .engine import Found
from .historic import PG_CONFIGS, SEARCH_FIELDS, search_config, search_vector

__all__ = [
    "PG_CONFIGS",
    "SEARCH_FIELDS",
    "Found",
    "IndexSearch",
    "SearchBackend",
    "backend",
    "search_config",
    "search_resources",
    "search_vector",
]


class SearchBackend:
    """What the API asks of a search. ``resources`` is a queryset of the live default-locale
    resources the request's filters allow, among them serving ``country`` (or worldwide) when
    one is given; ``filtered``: whether any other filter narrows it. The answer is a ``Found``
    (resource ids of one page in order, the count, whether it is an estimate, whether the
    query signals a crisis)."""

    def search(self, *, text, resources, filtered, content_locale, country, offset, size):
        raise NotImplementedError

    def update(self, keys):
        """The resources with these translation keys changed (published, unpublished, their
        topics or organisation edited, translated)."""

    def rebuild(self, *, log=None):
        """Index every live resource again."""


class IndexSearch(SearchBackend):
    """The built-in search: this package's index on SQLite FTS5 or PostgreSQL tsvector."""

    def search(self, *, text, resources, filtered, content_locale, country, offset, size):
        from . import engine, query

        parsed = query.parse(text, content_locale.code, synonyms())
        parsed = parsed.resolved(*engine.look_up(parsed))
        return engine.search(
            parsed,
            resources=resources,
            filtered=filtered,
            locale_id=content_locale.locale_id or content_locale.default_locale_id,
            country=country,
            offset=offset,
            size=size,
            candidates=roadcase_setting("API_SEARCH_CANDIDATES"),
            count_limit=roadcase_setting("API_SEARCH_COUNT_LIMIT"),
        )

    def update(self, keys):
        from cms.signals import is_bulk_loading

        from .index import index_resources

        if not is_bulk_loading():
            index_resources(keys)

    def rebuild(self, *, log=None):
        from .index import rebuild_index

        return rebuild_index(log=log)


def synonyms():
    """The editors' search synonyms (one query; what is built from the rows is kept while they
    are unchanged, and ``query.parse`` keeps what it builds from these)."""
    from cms.models import SearchSynonym

    rows = SearchSynonym.objects.order_by("pk").values_list(
        "language", "phrases", "search_for", "signals_crisis"
    )
    return _synonyms(tuple(rows))


@lru_cache(maxsize=4)
def _synonyms(rows):
    from .query import Synonym

    return tuple(
        Synonym(language, tuple(text_lines(phrases)), tuple(text_lines(search_for)), crisis)
        for language, phrases, search_for, crisis in rows
    )


def backend():
    return _backend(roadcase_setting("SEARCH_BACKEND"))


@lru_cache(maxsize=4)
def _backend(path):
    return import_string(path)()


def search_resources(
    *, text, resources, filtered=True, content_locale, country=None, offset=0, size=20
):
    return backend().search(
        text=text,
        resources=resources,
        filtered=filtered,
        content_locale=content_locale,
        country=country,
        offset=offset,
        size=size,
    )
