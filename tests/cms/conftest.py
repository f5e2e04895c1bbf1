"""Fixtures for the content model's tests: a real Chromium for the admin (see
tests/admin_browser.py)."""

from tests.admin_browser import admin_as, chromium  # noqa: F401
