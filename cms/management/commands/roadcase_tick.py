import time

from django.core.management.base import BaseCommand

from cms.scheduling.services import tick


class Command(BaseCommand):
    help = (
        "Run Roadcase's periodic work once: publish/unpublish what is due, retire ended events, "
        "retry webhooks, run retention purges and checks. Call it every minute from cron or a "
        "systemd timer (docs/deployment.md); safe when two machines run it at once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=int,
            metavar="SECONDS",
            help="Keep running, one tick every SECONDS (for the demo; production uses a timer).",
        )

    def handle(self, *args, every=None, **options):
        while True:
            for name, value in tick().items():
                self.stdout.write(f"{name}: {value}")
            if not every:
                return
            time.sleep(every)
