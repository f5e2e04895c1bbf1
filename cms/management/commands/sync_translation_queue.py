from django.core.management.base import BaseCommand
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from cms.localization.services import is_live, translation_source_refresh


class Command(BaseCommand):
    help = (
        "Bring the translation queue up to date for all live content in the default locale "
        "(content published before the queue existed, or after restoring a database). "
        "Idempotent."
    )

    def handle(self, *args, **options):
        default = Locale.get_default()
        count = 0
        models = [m for m in get_snippet_models() if issubclass(m, TranslatableMixin)]
        instances = [
            instance
            for model in models
            if model._meta.app_label == "roadcase"
            for instance in model.objects.filter(locale=default)
        ]
        instances += [
            page.specific
            for page in Page.objects.filter(locale=default, live=True, depth__gt=1)
            if page.specific_class._meta.app_label == "roadcase"
        ]
        for instance in instances:
            if is_live(instance):
                translation_source_refresh(instance=instance)
                count += 1
        self.stdout.write(f"Queue refreshed for {count} item(s).")
