import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms.demo.loader import allow_demo_partner_page


class Command(BaseCommand):
    help = (
        "Serve the hub, the partner demo page that embeds the widget (on another origin), and "
        "run roadcase_tick every minute in the background."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--partner-port", type=int, default=8001)

    def handle(self, *args, port, partner_port, **options):
        allow_demo_partner_page(partner_port)
        hub = f"http://localhost:{port}"
        manage = [sys.executable, "manage.py"]
        background = [
            subprocess.Popen(
                [*manage, "serve_partner_demo", "--port", str(partner_port), "--hub", hub]
            ),
            subprocess.Popen(
                [*manage, "roadcase_tick", "--every", "60"], stdout=subprocess.DEVNULL
            ),
        ]
        try:
            call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)
        finally:
            for process in background:
                process.terminate()
