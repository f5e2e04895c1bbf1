from django.core.management.base import BaseCommand

from cms.localization.services import translation_queue_sync


class Command(BaseCommand):
    help = (
        "Bring the translation queue up to date for all live content in the default locale "
        "(content published before the queue existed, or after restoring a database). "
        "Idempotent."
    )

    def handle(self, *args, **options):
        count = translation_queue_sync()
        self.stdout.write(f"Queue refreshed for {count} item(s).")
