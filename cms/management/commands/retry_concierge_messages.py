"""Enqueue concierge emails whose next delivery attempt is due (the periodic job runs this)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.concierge.services import concierge_retry_due


class Command(BaseCommand):
    help = "Retry concierge emails that could not be sent yet and are due for another attempt."

    def handle(self, *args, **options):
        count = concierge_retry_due(now=timezone.now())
        self.stdout.write(f"Enqueued {count} concierge email(s).")
