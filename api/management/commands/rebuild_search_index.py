from django.core.management.base import BaseCommand

from api.search import backend


class Command(BaseCommand):
    help = (
        "Index every live resource again for search (after a bulk import or load that bypassed "
        "publishing, or a new locale on a large hub). Publishing keeps the index current."
    )

    def handle(self, *args, **options):
        written = backend().rebuild(log=self.stdout.write if options["verbosity"] > 1 else None)
        if options["verbosity"]:
            self.stdout.write(f"search index: {written or 0} rows")
