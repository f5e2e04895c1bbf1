"""Run inside the host site (DJANGO_SETTINGS_MODULE=tests.host_site.settings): migrate, add a
crisis line through Roadcase's services, and exercise the admin and the host's own pages.
Prints one line per check; exits non-zero on the first failure."""

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

call_command("migrate", verbosity=0)

from cms.conf import roadcase_setting  # noqa: E402
from cms.models import Country, Resource  # noqa: E402
from tests.factories import make_resource  # noqa: E402

assert Country.objects.count() == 249, Country.objects.count()
resource = make_resource(name="Lifeline", countries=("AU",), time_zone="Australia/Sydney")
assert Resource.objects.filter(live=True).count() == 1
assert roadcase_setting("REVIEW_MONTHS_CRISIS") == 3
print("models ok")

admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
client = Client()
client.force_login(admin)
for url in ["/cms-admin/", "/cms-admin/snippets/roadcase/resource/"]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
response = client.get(f"/cms-admin/snippets/roadcase/resource/edit/{resource.pk}/")
assert response.status_code == 200
print("admin ok")

# A short link lands on the plugin's own finder page: the host's root is its own page.
from tests.factories import make_short_link  # noqa: E402

link = make_short_link(code="poster", target="finder", finder_country_id="AU")
response = Client().get("/s/poster", HTTP_ACCEPT_LANGUAGE="fr")
assert response.status_code == 302 and response["Location"].startswith("/s/?"), response
finder = Client().get(response["Location"])
assert finder.status_code == 200 and b'country="AU"' in finder.content, finder
edit = client.get(f"/cms-admin/snippets/roadcase/shortlink/edit/{link.pk}/")
assert edit.status_code == 200 and b"/s/poster" in edit.content
print("short links ok")
print("settings ok:", settings.ROOT_URLCONF)
