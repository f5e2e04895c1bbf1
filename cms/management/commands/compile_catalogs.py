from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Compile the gettext catalogs in LOCALE_PATHS (.po → .mo) with polib, so setup needs no "
        "GNU gettext tools."
    )

    def handle(self, *args, **options):
        compiled = 0
        for locale_path in map(Path, settings.LOCALE_PATHS):
            for po_path in sorted(locale_path.glob("*/LC_MESSAGES/*.po")):
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
                compiled += 1
        self.stdout.write(f"Compiled {compiled} catalog(s).")
