"""roadcase_site.plugin: a host's settings gain Roadcase's apps and middleware in the right
places, keeping the host's own order, and applying them twice changes nothing."""

from roadcase_site.plugin import ROADCASE_APPS, roadcase_apps, roadcase_middleware

# What `wagtail start` (Wagtail 7.4 and 8) writes.
STOCK_APPS = [
    "home",
    "search",
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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
STOCK_MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]


def test_roadcases_apps_go_after_the_hosts_own_and_before_wagtails():
    apps = roadcase_apps(STOCK_APPS)
    assert apps == ["home", "search", *ROADCASE_APPS, *STOCK_APPS[2:]]
    assert roadcase_apps(apps) == apps


def test_wagtail_locales_is_replaced_by_wagtail_localizes_and_nothing_is_doubled():
    host = [*STOCK_APPS[:2], "rest_framework", "wagtail.locales", *STOCK_APPS[2:]]
    apps = roadcase_apps(host)
    assert "wagtail.locales" not in apps
    assert apps.count("wagtail_localize.locales") == 1 and apps.count("rest_framework") == 1
    assert apps.index("rest_framework") < apps.index("cms")  # the host's place is kept


def test_json_errors_first_cors_after_security_and_locale_after_sessions():
    middleware = roadcase_middleware(STOCK_MIDDLEWARE)
    assert middleware[:5] == [
        "api.middleware.JSONErrorsMiddleware",
        "django.middleware.security.SecurityMiddleware",
        "corsheaders.middleware.CorsMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.locale.LocaleMiddleware",
    ]
    assert middleware[5:] == STOCK_MIDDLEWARE[2:]
    assert roadcase_middleware(middleware) == middleware


def test_misplaced_cors_middleware_is_moved_up():
    late = [*STOCK_MIDDLEWARE, "corsheaders.middleware.CorsMiddleware"]
    middleware = roadcase_middleware(late)
    assert middleware.count("corsheaders.middleware.CorsMiddleware") == 1
    assert middleware.index("corsheaders.middleware.CorsMiddleware") == 2
