"""The production entry point keeps long-lived objects out of the garbage collector's sight."""

import gc
import importlib

import pytest
from django.core.signals import request_finished


@pytest.fixture
def wsgi():
    module = importlib.import_module("roadcase_site.wsgi")
    request_finished.connect(module.freeze_after_the_first_request)
    yield module
    request_finished.disconnect(module.freeze_after_the_first_request)
    gc.unfreeze()


@pytest.mark.django_db
def test_what_start_up_and_the_first_request_made_is_frozen_once(wsgi, client):
    frozen_at_start_up = gc.get_freeze_count()
    assert frozen_at_start_up > 0

    client.get("/api/v1/locales/")
    after_the_first = gc.get_freeze_count()
    assert after_the_first > frozen_at_start_up

    # Once only: nothing is frozen after later requests (frozen objects that die leave).
    client.get("/api/v1/locales/")
    assert gc.get_freeze_count() <= after_the_first
