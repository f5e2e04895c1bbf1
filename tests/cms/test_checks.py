"""System checks for what Roadcase needs from its host (cms/checks.py): each names what is
wrong and the setting to change. A host's own `api` package is checked on a real `wagtail
start` site in tests/test_host_site.py."""

import pytest
from django.core.checks import run_checks
from django.test import override_settings

from roadcase_site.settings.base import MIDDLEWARE

CORS = "corsheaders.middleware.CorsMiddleware"
LOCALE = "django.middleware.locale.LocaleMiddleware"
COMMON = "django.middleware.common.CommonMiddleware"


@pytest.fixture(autouse=True)
def no_pseudo_translator(settings):
    """The test settings machine-translate with the pseudo-translator, which the deployment
    checks refuse (roadcase.E008, tests/localization); these tests are about the rest."""
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None


def roadcase_ids():
    return sorted(m.id for m in run_checks(include_deployment_checks=True) if "roadcase" in m.id)


def test_the_hubs_own_settings_pass():
    assert roadcase_ids() == []


@pytest.mark.parametrize(("key", "expected"), [("", "roadcase.W001"), ("abc", "roadcase.E007")])
def test_a_missing_or_broken_concierge_key(settings, key, expected):
    settings.ROADCASE_CONCIERGE_KEY = key
    assert roadcase_ids() == [expected]


def test_cors_middleware_missing_or_after_common_middleware():
    without = [m for m in MIDDLEWARE if m != CORS]
    with override_settings(MIDDLEWARE=without):
        assert roadcase_ids() == ["roadcase.E003"]
    late = [*without[: without.index(COMMON) + 1], CORS, *without[without.index(COMMON) + 1 :]]
    with override_settings(MIDDLEWARE=late):
        assert roadcase_ids() == ["roadcase.E004"]


def test_locale_middleware_missing():
    without = [m for m in MIDDLEWARE if "LocaleMiddleware" not in m]
    with override_settings(MIDDLEWARE=without):
        assert roadcase_ids() == ["roadcase.W002"]
    # Django's own, or a subclass of it (the stand-alone hub's), is enough.
    for locale in (LOCALE, "roadcase_site.middleware.LocaleMiddleware"):
        with override_settings(MIDDLEWARE=[*without[:3], locale, *without[3:]]):
            assert roadcase_ids() == []


def test_cors_for_every_url(settings):
    del settings.CORS_URLS_REGEX
    assert roadcase_ids() == ["roadcase.W003"]


def test_wagtail_i18n_off_or_a_language_code_with_no_content_language(settings):
    settings.WAGTAIL_I18N_ENABLED = False
    assert roadcase_ids() == ["roadcase.E005"]
    settings.WAGTAIL_I18N_ENABLED = True
    settings.LANGUAGE_CODE = "nl"
    assert roadcase_ids() == ["roadcase.E006"]
    settings.LANGUAGE_CODE = "en-us"  # wagtail start's default finds "en"
    assert roadcase_ids() == []


def test_the_demos_check_names_the_locales_it_needs_and_those_it_skips(settings):
    from cms.demo.checks import check_demo_locales

    assert check_demo_locales() == []
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("fr", "Fr")]
    [skipped] = check_demo_locales()
    assert skipped.id == "roadcase.W101" and "es, de, ar" in skipped.msg
    settings.LANGUAGE_CODE = "fr"
    assert [m.id for m in check_demo_locales()] == ["roadcase.E101"]
    settings.LANGUAGE_CODE = "nl"
    assert check_demo_locales() == []  # roadcase.E006 reports this one
