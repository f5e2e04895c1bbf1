from django.core.management.base import BaseCommand

from widget.partner_demo import make_server


class Command(BaseCommand):
    help = "Serve a partner's demo page (strict CSP) that embeds the widget from the hub."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8001)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--hub", default="http://localhost:8000")
        parser.add_argument("--partner", default="demo-festival")

    def handle(self, *args, port, host, hub, partner, **options):
        server = make_server(hub=hub, partner=partner, host=host, port=port)
        self.stdout.write(f"Partner demo page: http://{host}:{port}/ (widget from {hub})")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
