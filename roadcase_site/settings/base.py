"""Settings shared by every way of running the hub (dev, test, production)."""

import os
from pathlib import Path

import dj_database_url

from cms.localization.machine_translation import translator_setting

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("ROADCASE_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = os.environ.get("SECRET_KEY", "roadcase-insecure-development-key")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h]

INSTALLED_APPS = [
    # Roadcase
    "cms",
    "api",
    "widget",
    # Translation
    "wagtail_localize",
    "wagtail_localize.locales",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # API
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    # Background work: django-tasks-db's tables, for the "database" task backend below
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "roadcase_site.urls"
WSGI_APPLICATION = "roadcase_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# DATABASE_URL picks the database; the default is an embedded SQLite file under var/.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'roadcase.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles queries it estimates as expensive, which costs 10-20 ms on
    # each of the API's filtered listings and never pays back on queries this short; and its
    # default random_page_cost (4, for spinning disks) makes it hash whole relation tables
    # where a few thousand index lookups are faster on SSDs and cached data
    # (docs/performance.md).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off -c random_page_cost=1.1"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A shared cache (Redis) when REDIS_URL is set; otherwise per-process memory.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "roadcase",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: the admin UI and gettext catalogs (LANGUAGES) and the content locales
# (WAGTAIL_CONTENT_LANGUAGES). English is the default; ar is right-to-left, ja is CJK.
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("pt-br", "Português (Brasil)"),
    ("ja", "日本語"),
    ("ar", "العربية"),
    ("sv", "Svenska"),
]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Roadcase"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background work runs as django-tasks tasks. ROADCASE_TASKS_BACKEND picks the backend:
# "immediate" (the default) runs them in-process, for dev and tests; "database" stores them as
# rows (django-tasks-db) that `manage.py db_worker` runs, for production. docs/concierge.md.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {
    "default": {"BACKEND": TASK_BACKENDS[os.environ.get("ROADCASE_TASKS_BACKEND", "immediate")]}
}

# Fernet key(s) encrypting the concierge's personal data at rest, comma-separated: the first
# encrypts, all decrypt (rotation). Dev and test settings have a fixed key; production refuses
# to start without one. Generate one with cryptography.fernet.Fernet.generate_key().
ROADCASE_CONCIERGE_KEY = os.environ.get("ROADCASE_CONCIERGE_KEY", "")

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
}

# CORS applies to the API only; the allowed origins come from active Partner records.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_CREDENTIALS = False

# --- Roadcase API (api/) -----------------------------------------------------------------
# The OpenAPI schema at /api/v1/schema/ and its docs page at /api/v1/docs/ (Redoc, served from
# this site through drf-spectacular-sidecar: no third-party CDN). Page sizes, cache ages and
# throttle rates are ROADCASE keys (API_*), documented in cms/conf.py and docs/api.md.
SPECTACULAR_SETTINGS = {
    "TITLE": "Roadcase API",
    "DESCRIPTION": "Mental-health support for music-industry workers: directory, crisis lines, "
    "guides and events in every locale of the hub.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "REDOC_DIST": "SIDECAR",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["api.schema.public_api_only"],
}
# --- end Roadcase API ---------------------------------------------------------------------

# --- Machine translation (docs/localization.md) -------------------------------------------
# wagtail-localize's "Machine translate" and the translation queue's first drafts, through its
# own translator classes: DeepL when DEEPL_API_KEY is set, a LibreTranslate server when
# LIBRETRANSLATE_URL is, else (development and tests only) the pseudo-translator, which marks
# strings "[fr] …" instead of translating; MACHINE_TRANSLATOR names one outright. Either way the
# result is a draft of machine-flagged strings for a person to review.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = translator_setting(os.environ, pseudo_allowed=True)
# --- end machine translation ---------------------------------------------------------------

# Roadcase's own options; see cms/conf.py for every key and its default.
ROADCASE = {}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
