"""Check the directory's web addresses and keep the results for the verification report."""

from django.core.management.base import BaseCommand, CommandError

from cms.verification.links import check_links


class Command(BaseCommand):
    help = "Check every live resource's web addresses (bounded concurrency, with timeouts)."

    def add_arguments(self, parser):
        parser.add_argument("--concurrency", type=int, help="Requests at once.")
        parser.add_argument("--timeout", type=float, help="Seconds before a request gives up.")

    def handle(self, *args, concurrency=None, timeout=None, **options):
        run = check_links(concurrency=concurrency, timeout=timeout)
        if not run.recorded:
            # Exits non-zero: a scheduler or an operator must notice the checker's own fault.
            raise CommandError(run.problem)
        for result in run.broken:
            self.stdout.write(f"BROKEN {result.url}: {result.error}")
        self.stdout.write(f"Checked {len(run.results)} addresses, {len(run.broken)} broken.")
