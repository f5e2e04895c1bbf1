"""A minimal existing Wagtail site that adds Roadcase as the README describes."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).parent
SECRET_KEY = "host-site-test-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "tests.host_site.urls"

INSTALLED_APPS = [
    "tests.host_site.hostapp",
    # --- Roadcase (README: "Add Roadcase to an existing Wagtail site") ---
    "cms",
    "api",
    "widget",
    "wagtail_localize",
    "wagtail_localize.locales",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    # --- the host's own Wagtail setup ---
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
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
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["HOST_SITE_DB"]}
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
STATIC_URL = "/static/"
USE_TZ = True
WAGTAIL_SITE_NAME = "Host site"
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAIL_I18N_ENABLED = True
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("fr", "Français")]
CORS_URLS_REGEX = r"^/api/.*$"
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
ROADCASE = {"REVIEW_MONTHS_CRISIS": 3}
