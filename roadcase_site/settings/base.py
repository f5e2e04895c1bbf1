"""Settings shared by every way of running the hub (dev, test, production)."""

import os
from datetime import timedelta
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
    # API (drf-spectacular-sidecar serves the API docs' Redoc from this site)
    "rest_framework",
    "drf_spectacular_sidecar",
    "corsheaders",
    # Background work: django-tasks-db's tables, for the "database" task backend below
    "django_tasks_db",
    # Admin login protection: failed logins counted per username and client address
    "axes",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First, so that it sees every answer: errors on /api/ paths are JSON, whoever made them.
    "api.middleware.JSONErrorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, keeping the 404s of the API and admin (pages live under /en/, /ar/…).
    "roadcase_site.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: answers a locked-out login with its 429.
    "axes.middleware.AxesMiddleware",
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
        # A connection kept between requests is checked before it is reused, so a database
        # restart costs no request an error (a stale connection is replaced, not used).
        conn_health_checks=True,
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

# The cache every process must share: API responses and their purge (the content generation),
# throttles. Redis when REDIS_URL is set (production requires it); otherwise files under
# var/cache, which every process on this machine shares (make demo's server and its periodic
# job; roadcase_site/file_cache.py). A Redis that stops answering is given half a second, then
# the API answers uncached (api/fail_open_cache.py).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "roadcase",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "roadcase_site.file_cache.FileCache",
            "LOCATION": VAR_DIR / "cache",
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }

# Admin login protection (django-axes): after AXES_FAILURE_LIMIT failed logins for one
# username from one client address, that pair is refused (429) for AXES_COOLOFF_TIME. The
# client address is Roadcase's (api/clients.py), so X-Forwarded-For counts only from the
# proxies named in ROADCASE["TRUSTED_PROXIES"].
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "api.clients.client_address"
AXES_RESET_ON_SUCCESS = True

# Browser features no page of the hub uses, switched off for all of them (and for anything
# injected into one): django-permissions-policy's Permissions-Policy header.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

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
# The concierge's emails have their own queue (ROADCASE["CONCIERGE_TASK_QUEUE"]), so that they
# never wait behind bulk work on the default one (docs/deployment.md: the workers).
TASK_QUEUES = ["default", "concierge"]
TASKS = {
    "default": {
        "BACKEND": TASK_BACKENDS[os.environ.get("ROADCASE_TASKS_BACKEND", "immediate")],
        "QUEUES": TASK_QUEUES,
    }
}

# Fernet key(s) encrypting the concierge's personal data at rest, comma-separated: the first
# encrypts, all decrypt (rotation). Dev and test settings have a fixed key; production refuses
# to start without one. Generate one with cryptography.fernet.Fernet.generate_key().
ROADCASE_CONCIERGE_KEY = os.environ.get("ROADCASE_CONCIERGE_KEY", "")

# CORS applies to the API only; the allowed origins come from active Partner records.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_CREDENTIALS = False

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
