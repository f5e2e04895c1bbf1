from django.core.management.base import BaseCommand

from cms.demo.loader import load_demo_hub


class Command(BaseCommand):
    help = "Load the demo hub (resources, guide, events, translations, a partner). Idempotent."

    def handle(self, *args, **options):
        counts = load_demo_hub()
        for name, count in counts.items():
            self.stdout.write(f"{name:>22}: {count}")
