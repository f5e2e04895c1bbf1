"""The demo directory, loaded once for the search tests that judge relevance against it and
rolled back after them, so the rest of the suite never sees it."""

import pytest
from django.core.cache import cache
from django.db import transaction


@pytest.fixture(scope="module")
def demo_directory(django_db_setup, django_db_blocker):
    """``{external_id: pk}`` of the demo's resources, indexed for search."""
    from api.search import backend
    from cms.crisis_lines import load_crisis_lines
    from cms.demo.loader import load_demo_directory
    from cms.signals import bulk_loading

    with django_db_blocker.unblock(), transaction.atomic():
        with bulk_loading():
            resources = load_demo_directory()
            # The shipped crisis lines too (untranslated: quicker, and matched in English).
            load_crisis_lines(translations={})
        backend().rebuild()
        cache.clear()
        yield {external_id: resource.pk for external_id, resource in resources.items()}
        transaction.set_rollback(True)
