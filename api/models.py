"""The API's own tables: the search index (``api/search/models.py``)."""

from .search.models import SearchEntry, SearchWord

__all__ = ["SearchEntry", "SearchWord"]
