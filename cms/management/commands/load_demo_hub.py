from django.core import checks
from django.core.management.base import BaseCommand, CommandError

from cms.demo.checks import check_demo_locales
from cms.demo.loader import DemoLocaleError, load_demo_hub

# Only a site that loads the demo hears about the locales it needs (roadcase.E101/W101).
checks.register(check_demo_locales, "roadcase_demo")


class Command(BaseCommand):
    help = (
        "Load the demo hub (resources, crisis lines, organisations, topics, their translations "
        "and a demo partner; with --pages, a guide and events too). Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--pages",
            action="store_true",
            help="Also create the demo guide and events as pages: under the site's root when "
            "it is the hub's own, else under a new 'Support hub' section, leaving the "
            "site's existing pages as they are.",
        )

    def handle(self, *args, **options):
        try:
            counts = load_demo_hub(pages=options["pages"], say=self.stdout.write)
        except DemoLocaleError as error:
            raise CommandError(str(error)) from error
        for name, count in counts.items():
            self.stdout.write(f"{name:>22}: {count}")
