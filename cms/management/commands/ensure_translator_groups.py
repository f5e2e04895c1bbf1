from django.core.management.base import BaseCommand
from wagtail.models import Locale

from cms.localization.services import translator_group_ensure


class Command(BaseCommand):
    help = (
        "Create (or bring up to date) a translator group for every locale but the default: "
        "members translate into that locale only. Idempotent; add people to the groups in "
        "Settings → Groups."
    )

    def handle(self, *args, **options):
        for locale in Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code"):
            group = translator_group_ensure(locale=locale)
            self.stdout.write(f"{locale.language_code}: {group.name}")
