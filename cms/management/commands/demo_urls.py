from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Print the URLs of a running demo hub."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--partner-port", type=int, default=8001)

    def handle(self, *args, port, partner_port, **options):
        hub = f"http://localhost:{port}"
        self.stdout.write(
            "\n".join(
                [
                    "Roadcase demo hub:",
                    f"  Home page:         {hub}/  (every language: {hub}/en/ {hub}/ar/ …)",
                    f"  Admin:             {hub}/admin/",
                    f"  API:               {hub}/api/v1/  (docs: {hub}/api/v1/docs/)",
                    f"  Widget demo page:  http://127.0.0.1:{partner_port}/",
                    f"  Guides, events:    {hub}/en/guides/  {hub}/en/events/",
                    f"  Stories:           {hub}/en/stories/",
                    f"  Short links:       {hub}/admin/snippets/roadcase/shortlink/",
                ]
            )
        )
