from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "roadcase-demo"


class Command(BaseCommand):
    help = "Create the demo admin login (development only) and print it."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo admin is for local demos only (DEBUG is off).")
        User = get_user_model()
        if not User.objects.filter(username=USERNAME).exists():
            User.objects.create_superuser(USERNAME, "admin@example.org", PASSWORD)
        self.stdout.write(f"Demo admin login: {USERNAME} / {PASSWORD}")
