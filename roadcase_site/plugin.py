"""Adding Roadcase to an existing Wagtail site's settings (README: "Add Roadcase to an existing
Wagtail site")::

    from roadcase_site.plugin import roadcase_apps, roadcase_middleware

    INSTALLED_APPS = roadcase_apps(INSTALLED_APPS)
    MIDDLEWARE = roadcase_middleware(MIDDLEWARE)

Both return new lists and leave what the host already has where it is; running them twice
changes nothing. ``cms/checks.py`` reports what is still missing.
"""

# Roadcase's apps and the apps they need that a `wagtail start` site lacks, in order.
ROADCASE_APPS = [
    "cms",  # content, admin, workflows (app label "roadcase")
    "api",  # the public API (label "roadcase_api")
    "widget",  # the finder widget's bundle (label "roadcase_widget")
    "wagtail_localize",
    "wagtail_localize.locales",  # takes the place of wagtail.locales
    "rest_framework",
    "drf_spectacular_sidecar",  # the API docs' Redoc, served from the site itself
    "corsheaders",
]
REPLACED_APPS = {"wagtail.locales": "wagtail_localize.locales"}

JSON_ERRORS_MIDDLEWARE = "api.middleware.JSONErrorsMiddleware"
CORS_MIDDLEWARE = "corsheaders.middleware.CorsMiddleware"
LOCALE_MIDDLEWARE = "django.middleware.locale.LocaleMiddleware"
SESSION_MIDDLEWARE = "django.contrib.sessions.middleware.SessionMiddleware"
COMMON_MIDDLEWARE = "django.middleware.common.CommonMiddleware"
SECURITY_MIDDLEWARE = "django.middleware.security.SecurityMiddleware"


def roadcase_apps(installed_apps):
    """``installed_apps`` with Roadcase's apps (and those it needs) before the first Wagtail
    app, so that Roadcase's templates and translations take precedence over Wagtail's."""
    apps = [REPLACED_APPS.get(app, app) for app in installed_apps]
    apps = list(dict.fromkeys(apps))
    missing = [app for app in ROADCASE_APPS if app not in apps]
    first_wagtail = next(
        (i for i, app in enumerate(apps) if app == "wagtail" or app.startswith("wagtail.")),
        len(apps),
    )
    return apps[:first_wagtail] + missing + apps[first_wagtail:]


def roadcase_middleware(middleware):
    """``middleware`` with Roadcase's JSON errors first (so that errors Django answers itself on
    /api/ paths are JSON too), django-cors-headers' CorsMiddleware as high as it may go (right
    after SecurityMiddleware) and Django's LocaleMiddleware after SessionMiddleware (before
    CommonMiddleware, as Django's docs ask); each is moved there if it is already elsewhere."""
    ours = (JSON_ERRORS_MIDDLEWARE, CORS_MIDDLEWARE, LOCALE_MIDDLEWARE)
    result = [name for name in middleware if name not in ours]
    cors_at = result.index(SECURITY_MIDDLEWARE) + 1 if SECURITY_MIDDLEWARE in result else 0
    result.insert(cors_at, CORS_MIDDLEWARE)
    if SESSION_MIDDLEWARE in result:
        locale_at = result.index(SESSION_MIDDLEWARE) + 1
    elif COMMON_MIDDLEWARE in result:
        locale_at = result.index(COMMON_MIDDLEWARE)
    else:
        locale_at = len(result)
    result.insert(locale_at, LOCALE_MIDDLEWARE)
    return [JSON_ERRORS_MIDDLEWARE, *result]
