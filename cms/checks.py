"""System checks for what Roadcase needs from the site it is installed in (``manage.py check``).

Each names the setting to change. Errors stop ``migrate`` and ``runserver``: the widget would not
reach the API, or another package answers where Roadcase's should. Warnings describe a feature
that degrades (the concierge without its key answers 503 and the widget hides its form).
The demo loader's own check is in ``cms/demo/checks.py``.
"""

import importlib.util
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from wagtail.coreutils import get_supported_content_language_variant

from .concierge.fields import concierge_key_problem

ROADCASE_ROOT = Path(__file__).resolve().parent.parent
# Roadcase's top-level packages and the labels of their apps.
PACKAGES = {"cms": "roadcase", "api": "roadcase_api", "widget": "roadcase_widget"}
CORS_MIDDLEWARE = "corsheaders.middleware.CorsMiddleware"
LOCALE_MIDDLEWARE = "django.middleware.locale.LocaleMiddleware"
# Middleware that may answer an API request before CORS headers are added (django-cors-headers'
# advice): CommonMiddleware's redirects. (WhiteNoise answers only under STATIC_URL, never on
# the API's paths, and belongs right after SecurityMiddleware, as its docs ask.)
ANSWERING_MIDDLEWARE = ("django.middleware.common.CommonMiddleware",)
KEY_HINT = (
    "Set ROADCASE_CONCIERGE_KEY to a Fernet key, e.g. from "
    "`python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'`"
    " (docs/concierge.md)."
)


@register(Tags.compatibility)
def check_packages(app_configs, **kwargs):
    """``api``, ``cms`` and ``widget`` must be Roadcase's: a host's own module of that name, found
    first on the path, would silently take the place of Roadcase's (its API answering 404)."""
    errors = []
    for name, label in PACKAGES.items():
        spec = importlib.util.find_spec(name)
        origin = Path(spec.origin).resolve() if spec and spec.origin else None
        if origin != ROADCASE_ROOT / name / "__init__.py":
            errors.append(
                Error(
                    f"The module {name!r} at {origin} is not Roadcase's ({ROADCASE_ROOT / name}).",
                    hint=f"Rename your project's {name!r} package or module: Roadcase's "
                    "top-level packages are api, cms and widget.",
                    id="roadcase.E001",
                )
            )
        elif not apps.is_installed(name) or not _has_app(label):
            errors.append(
                Error(
                    f"Roadcase's {name!r} app is not in INSTALLED_APPS.",
                    hint="Use INSTALLED_APPS = roadcase_apps(INSTALLED_APPS) "
                    "(README: Add Roadcase to an existing Wagtail site).",
                    id="roadcase.E002",
                )
            )
    return errors


def _has_app(label):
    try:
        return apps.get_app_config(label).name in PACKAGES
    except LookupError:
        return False


@register(Tags.compatibility)
def check_middleware(app_configs, **kwargs):
    middleware = list(getattr(settings, "MIDDLEWARE", None) or [])
    issues = []
    if CORS_MIDDLEWARE not in middleware:
        issues.append(
            Error(
                "CorsMiddleware is not in MIDDLEWARE: partner sites' widgets cannot read the API.",
                hint="Use MIDDLEWARE = roadcase_middleware(MIDDLEWARE), or add "
                f"{CORS_MIDDLEWARE!r} before CommonMiddleware.",
                id="roadcase.E003",
            )
        )
    else:
        position = middleware.index(CORS_MIDDLEWARE)
        before = [name for name in ANSWERING_MIDDLEWARE if name in middleware[:position]]
        if before:
            issues.append(
                Error(
                    f"CorsMiddleware comes after {', '.join(before)}, whose answers (redirects, "
                    "static files) would then lack CORS headers.",
                    hint="Move CorsMiddleware above them, as high as possible.",
                    id="roadcase.E004",
                )
            )
    if not any(_is_locale_middleware(name) for name in middleware):
        issues.append(
            Warning(
                "LocaleMiddleware is not in MIDDLEWARE: Roadcase's pages stay in LANGUAGE_CODE "
                "whatever the visitor's language.",
                hint=f"Add {LOCALE_MIDDLEWARE!r} after SessionMiddleware and before "
                "CommonMiddleware (roadcase_middleware does).",
                id="roadcase.W002",
            )
        )
    if getattr(settings, "CORS_URLS_REGEX", None) is None:
        issues.append(
            Warning(
                "CORS_URLS_REGEX is not set: partners' origins get CORS headers on every URL of "
                "the site, not only the API.",
                hint="Set CORS_URLS_REGEX = r'^/api/.*$'.",
                id="roadcase.W003",
            )
        )
    return issues


@register(Tags.compatibility)
def check_languages(app_configs, **kwargs):
    issues = []
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        issues.append(
            Error(
                "WAGTAIL_I18N_ENABLED is not True: Roadcase's content is translated with "
                "wagtail-localize, which needs Wagtail's localisation.",
                hint="Set WAGTAIL_I18N_ENABLED = True.",
                id="roadcase.E005",
            )
        )
    try:
        get_supported_content_language_variant(settings.LANGUAGE_CODE)
    except LookupError:
        issues.append(
            Error(
                f"LANGUAGE_CODE {settings.LANGUAGE_CODE!r} is none of the content languages, nor "
                "a variant of one: there is no default locale to serve.",
                hint="Add its language to WAGTAIL_CONTENT_LANGUAGES (and LANGUAGES).",
                id="roadcase.E006",
            )
        )
    return issues


@register(Tags.security)
def check_concierge_key(app_configs, **kwargs):
    problem = concierge_key_problem()
    if problem == "missing":
        return [
            Warning(
                "ROADCASE_CONCIERGE_KEY is not set: the concierge cannot store requests, so its "
                "intake answers 503 and the widget hides the concierge form.",
                hint=KEY_HINT,
                id="roadcase.W001",
            )
        ]
    if problem == "invalid":
        return [
            Error(
                "ROADCASE_CONCIERGE_KEY is not one or more Fernet keys, comma-separated.",
                hint=KEY_HINT,
                id="roadcase.E007",
            )
        ]
    return []


@register(Tags.staticfiles)
def check_docs_assets(app_configs, **kwargs):
    if apps.is_installed("drf_spectacular_sidecar"):
        return []
    return [
        Warning(
            "drf_spectacular_sidecar is not in INSTALLED_APPS: the API docs page "
            "(/api/v1/docs/) cannot load Redoc, which Roadcase serves from this site.",
            hint="Add 'drf_spectacular_sidecar' to INSTALLED_APPS (roadcase_apps does).",
            id="roadcase.W004",
        )
    ]


def _is_locale_middleware(path):
    """Django's LocaleMiddleware or a subclass of it (the stand-alone hub has one)."""
    from django.middleware.locale import LocaleMiddleware
    from django.utils.module_loading import import_string

    try:
        middleware = import_string(path)
    except ImportError:
        return False
    return isinstance(middleware, type) and issubclass(middleware, LocaleMiddleware)
