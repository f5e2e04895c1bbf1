"""What a Wagtail developer would check on their own site after following the README's "Add
Roadcase to an existing Wagtail site" steps (migrate and load_demo_hub included), run inside that
site: ``cd SITE_DIR && python PATH/TO/check_host.py``.

It uses only the installed Roadcase (in CI, the wheel) and Django's test client, and reads the
expected translations from the repository's catalog sources (``locale/``), so a catalog the site
cannot find shows up as English. Prints ``ok NAME`` or ``FAIL NAME: why`` per check, in order
(later checks change the database: a superuser, the demo pages), and exits 1 if any failed.
Set ``ROADCASE_EXPECT_WHEEL=1`` to require that Roadcase is imported from site-packages.
"""

import base64
import hashlib
import io
import json
import os
import sys
import traceback
from pathlib import Path

import polib

REPOSITORY = Path(__file__).resolve().parent.parent.parent
CHECKS = []
# A partner's page posting to the concierge: the demo partner's origin.
DEMO_ORIGIN = "http://127.0.0.1:8001"


def check(function):
    CHECKS.append(function)
    return function


def translated(locale, msgid):
    """The translation of ``msgid`` in the repository's catalog source for ``locale``."""
    catalog = polib.pofile(str(REPOSITORY / "locale" / locale / "LC_MESSAGES" / "django.po"))
    entry = catalog.find(msgid)
    assert entry and entry.msgstr and entry.msgstr != msgid, (locale, msgid)
    return entry.msgstr


def client(**kwargs):
    from django.test import Client

    return Client(**kwargs)


def get_json(url, expect=200, **headers):
    response = client().get(url, **headers)
    assert response.status_code == expect, (url, response.status_code, response.content[:300])
    assert "json" in response["Content-Type"], response["Content-Type"]
    return response.json()


def superuser(language=""):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    user, _created = get_user_model().objects.get_or_create(
        username="host-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@check
def a_stock_wagtail_start_site():
    from django.conf import settings
    from wagtail.models import Site

    assert settings.LANGUAGE_CODE == "en-us", settings.LANGUAGE_CODE
    assert "home" in settings.INSTALLED_APPS and "search" in settings.INSTALLED_APPS
    root = Site.objects.get(is_default_site=True).root_page.specific
    assert type(root).__name__ == "HomePage" and type(root)._meta.app_label == "home"
    assert not hasattr(settings, "LOCALE_PATHS") or not settings.LOCALE_PATHS


@check
def roadcase_comes_from_the_installed_distribution():
    import cms

    where = Path(cms.__file__).resolve()
    if os.environ.get("ROADCASE_EXPECT_WHEEL") == "1":
        assert "site-packages" in where.parts and REPOSITORY not in where.parents, where
    print(f"   (cms imported from {where.parent})")


@check
def system_checks_report_only_the_missing_concierge_key():
    from django.core.checks import run_checks

    messages = run_checks(include_deployment_checks=True)
    ids = {message.id for message in messages}
    assert not {i for i in ids if i.startswith("drf_spectacular")}, ids
    roadcase = {i for i in ids if i.startswith("roadcase.")}
    assert roadcase == {"roadcase.W001"}, [str(m) for m in messages if m.id in roadcase]


@check
def the_host_would_make_no_migration_for_roadcase():
    # Whatever the host's DEFAULT_AUTO_FIELD: Roadcase's models are as its migrations say.
    from django.core.checks import run_checks
    from django.core.management import call_command

    warned = [
        str(m)
        for m in run_checks()
        if m.id == "models.W042" and m.obj._meta.app_label.startswith("roadcase")
    ]
    assert not warned, warned
    planned = io.StringIO()
    try:
        call_command(
            "makemigrations", "roadcase", "roadcase_api", check=True, dry_run=True, stdout=planned
        )
    except SystemExit:  # --check exits when there are changes
        raise AssertionError(planned.getvalue()) from None


@check
def crisis_lines_for_gb_in_en_us():
    for url, headers in [
        ("/api/v1/crisis-lines/?country=GB", {}),
        ("/api/v1/crisis-lines/?country=GB", {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.8"}),
        ("/api/v1/crisis-lines/?country=GB&locale=en-US", {}),
    ]:
        data = get_json(url, **headers)
        assert data["locale"] == "en", (url, headers, data["locale"])
        names = [line["name"] for line in data["results"]]
        assert "Samaritans" in names, names
        numbers = [n["number"] for n in data["country"]["emergency_numbers"]]
        assert "999" in numbers, numbers
    resources = get_json("/api/v1/resources/?country=GB")
    assert resources["locale"] == "en" and resources["count"] > 5, resources["count"]


@check
def french_and_arabic_strings():
    for locale, direction in [("fr", "ltr"), ("ar", "rtl")]:
        config = get_json(f"/api/v1/widget/?locale={locale}")
        assert (config["locale"], config["direction"]) == (locale, direction)
        assert config["strings"]["crisis_heading"] == translated(locale, "Need help right now?")
        assert config["strings"]["quick_exit"] == translated(locale, "Quick exit")
        error = get_json(f"/api/v1/crisis-lines/?country=ZZ&locale={locale}", expect=400)
        assert error["detail"] == translated(locale, "Some parameters are not valid."), error
        lines = get_json(f"/api/v1/crisis-lines/?country=GB&locale={locale}")
        assert locale in {line["locale"] for line in lines["results"]}, "no demo translation"
    missing = get_json("/api/v1/nothing-here/", expect=404, HTTP_ACCEPT_LANGUAGE="fr")
    assert missing["detail"] == translated("fr", "Not found."), missing


@check
def the_widget_bundle_and_its_pinned_embed_code():
    from cms.models import Partner
    from widget.bundle import manifest

    build = manifest()
    floating = client().get("/widget/v1/roadcase-finder.js")
    assert floating.status_code == 200 and floating["Content-Type"].startswith("text/javascript")
    pinned = client().get(f"/widget/v1/{build.file}")
    assert pinned.status_code == 200
    digest = base64.b64encode(hashlib.sha384(pinned.content).digest()).decode()
    assert build.integrity == f"sha384-{digest}", build.integrity
    admin = client()
    admin.force_login(superuser())
    partner = Partner.objects.get(slug="demo-festival")
    page = admin.get(f"/admin/snippets/roadcase/partner/edit/{partner.pk}/")
    assert page.status_code == 200, page.status_code
    html = page.content.decode()
    assert f"/widget/v1/{build.file}" in html and build.integrity in html, "no pinned embed"


@check
def the_concierge_without_a_key_answers_503_and_the_widget_hides_it():
    from cms.models import ConciergeRequest

    assert get_json("/api/v1/widget/demo-festival/")["concierge_available"] is False
    response = client(HTTP_ORIGIN=DEMO_ORIGIN).post(
        "/api/v1/concierge-requests/",
        json.dumps(
            {
                "email": "sam@example.org",
                "country": "GB",
                "language": "en",
                "message": "I need a counsellor near Leeds.",
                "consent": True,
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 503, (response.status_code, response.content[:300])
    body = response.json()
    assert body["code"] == "concierge_not_set_up" and body["crisis_lines"], body
    assert "999" in [n["number"] for n in body["country"]["emergency_numbers"]]
    assert ConciergeRequest.objects.count() == 0


@check
def the_hosts_drf_defaults_do_not_reach_roadcases_api():
    from django.conf import settings

    # A stock site has no REST_FRAMEWORK: DRF's defaults, session and Basic authentication.
    assert not getattr(settings, "REST_FRAMEWORK", {}), settings.REST_FRAMEWORK
    stray = client().get(
        "/api/v1/crisis-lines/?country=GB", HTTP_AUTHORIZATION="Basic bm9ib2R5Om5vdGhpbmc="
    )
    assert stray.status_code == 200, stray.status_code
    editor = client(enforce_csrf_checks=True, HTTP_ORIGIN=DEMO_ORIGIN)
    editor.force_login(superuser())
    # As the widget posts: URL-encoded (a CORS "simple" request).
    posted = editor.post(
        "/api/v1/concierge-requests/",
        "email=a%40example.org&country=GB&language=en&message=Hi",
        content_type="application/x-www-form-urlencoded",
    )
    assert posted.status_code == 503, (posted.status_code, posted.content[:200])


@check
def the_schema_and_docs_are_roadcases_own_and_served_here():
    schema = get_json("/api/v1/schema/?format=json")
    paths = list(schema["paths"])
    assert "/api/v1/crisis-lines/" in paths, paths
    assert all(path.startswith("/api/v1/") for path in paths), paths
    assert schema["info"]["title"] == "Roadcase API"
    docs = client().get("/api/v1/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "://" not in html, "the docs page loads something from another host"
    script = html.split('<script src="')[1].split('"')[0]
    assert script.startswith("/static/drf_spectacular_sidecar/"), script
    # DEBUG is on in a `wagtail start` site's dev settings, so staticfiles serves it.
    asset = client().get(script)
    assert asset.status_code == 200, (script, asset.status_code)


@check
def the_admin_menus_in_english_french_and_arabic():
    for language, labels in [
        ("en", ["Directory", "Partners", "Guides", "Events"]),
        ("fr", [translated("fr", label) for label in ("Directory", "Partners", "Events")]),
        ("ar", [translated("ar", label) for label in ("Directory", "Partners", "Guides")]),
    ]:
        admin = client()
        admin.force_login(superuser(language))
        response = admin.get("/admin/")
        assert response.status_code == 200, response.status_code
        html = response.content.decode()
        sidebar = html.split('id="wagtail-sidebar-props"')[1].split("</script>")[0]
        for label in labels:
            assert json.dumps(label)[1:-1] in sidebar or label in sidebar, (language, label)
        resources = admin.get("/admin/snippets/roadcase/resource/")
        assert resources.status_code == 200, (language, resources.status_code)


@check
def load_demo_hub_left_the_hosts_pages_as_they_were():
    from wagtail.models import Page, Site

    root = Site.objects.get(is_default_site=True).root_page
    assert Page.objects.count() == 2, list(
        Page.objects.values_list("title", "locale__language_code")
    )
    assert root.get_translations().count() == 0


@check
def load_demo_hub_pages_go_under_a_section_of_their_own():
    from django.core.management import call_command
    from wagtail.models import Page, Site

    from cms.models import EventPage, GuidePage

    root = Site.objects.get(is_default_site=True).root_page
    before = list(Page.objects.values_list("pk", "title", "path", "locale_id", "live"))
    output = io.StringIO()
    call_command("load_demo_hub", "--pages", stdout=output)
    said = output.getvalue()
    assert "skipped for es, de" in said, said
    assert "not translated into ar, fr" in said, said
    root.refresh_from_db()
    [section] = root.get_children().filter(slug="support-hub")
    guide = GuidePage.objects.get()
    assert guide.get_parent().get_parent().pk == section.pk
    assert EventPage.objects.descendant_of(section).count() == EventPage.objects.count() > 0
    after = set(Page.objects.values_list("pk", "title", "path", "locale_id", "live"))
    assert set(before) <= after and root.get_translations().count() == 0
    served = client().get(guide.url)
    assert served.status_code == 200, (guide.url, served.status_code)
    guides = get_json("/api/v1/guides/")
    assert [g["slug"] for g in guides["results"]] == [guide.slug]


@check
def a_short_link_lands_on_the_finder_and_its_admin_offers_the_qr_code():
    from cms.models import Country, ShortLink

    link = ShortLink.objects.create(
        code="poster", target="finder", finder_country=Country.objects.get(code="AU")
    )
    response = client().get("/s/poster", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302 and response["Location"].startswith("/s/?"), response
    finder = client().get(response["Location"])
    assert finder.status_code == 200 and b'country="AU"' in finder.content, finder.status_code
    admin = client()
    admin.force_login(superuser())
    edit = admin.get(f"/admin/snippets/roadcase/shortlink/edit/{link.pk}/")
    assert edit.status_code == 200 and b"/s/poster" in edit.content, edit.status_code


def main():
    sys.path.insert(0, os.getcwd())
    if "DJANGO_SETTINGS_MODULE" not in os.environ:
        [project] = [p.parent.name for p in Path.cwd().glob("*/wsgi.py")]
        os.environ["DJANGO_SETTINGS_MODULE"] = f"{project}.settings.dev"
    import django

    django.setup()
    failed = 0
    for function in CHECKS:
        try:
            function()
        except Exception as error:  # each check reports; the next one runs
            failed += 1
            where = traceback.extract_tb(error.__traceback__)[-1]
            print(
                f"FAIL {function.__name__}: {type(error).__name__}: {error} (line {where.lineno})"
            )
        else:
            print(f"ok {function.__name__}")
        sys.stdout.flush()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
