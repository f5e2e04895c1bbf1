from django.core.management.base import BaseCommand

from cms.catalogs import COMPILED_DIR, SOURCE_DIR, compile_catalogs


class Command(BaseCommand):
    help = (
        f"Compile Roadcase's gettext catalogs ({SOURCE_DIR}, .po) into {COMPILED_DIR} (.mo), "
        "where Django finds an app's catalogs, with polib: setup needs no GNU gettext tools."
    )

    def handle(self, *args, **options):
        written = compile_catalogs()
        self.stdout.write(f"Compiled {len(written)} catalog(s) into {COMPILED_DIR}.")
