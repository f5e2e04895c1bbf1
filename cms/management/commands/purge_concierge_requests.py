"""Delete closed concierge requests past their retention period (the periodic job runs this)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.concierge.services import concierge_purge_expired


class Command(BaseCommand):
    help = "Delete closed concierge requests older than ROADCASE['CONCIERGE_RETENTION_DAYS']."

    def handle(self, *args, **options):
        count = concierge_purge_expired(now=timezone.now())
        self.stdout.write(f"Purged {count} concierge request(s).")
