"""Check the directory's web addresses and keep the results for the verification report."""

from django.core.management.base import BaseCommand

from cms.verification.links import check_links


class Command(BaseCommand):
    help = "Check every live resource's web addresses (bounded concurrency, with timeouts)."

    def add_arguments(self, parser):
        parser.add_argument("--concurrency", type=int, help="Requests at once.")
        parser.add_argument("--timeout", type=float, help="Seconds before a request gives up.")

    def handle(self, *args, concurrency=None, timeout=None, **options):
        results = check_links(concurrency=concurrency, timeout=timeout)
        for result in results:
            if not result.ok:
                self.stdout.write(f"BROKEN {result.url}: {result.error}")
        broken = sum(not r.ok for r in results)
        self.stdout.write(f"Checked {len(results)} addresses, {broken} broken.")
