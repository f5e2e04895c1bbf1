from django.core.management.base import BaseCommand, CommandError

from cms.crisis_lines import CrisisDataError, load_crisis_lines


class Command(BaseCommand):
    help = (
        "Create the shipped crisis lines and helplines (cms/data/crisis_lines) the hub does not "
        "have yet, as listed from their sources and not verified. Never overwrites a line that "
        "exists. Idempotent."
    )

    def handle(self, *args, **options):
        try:
            report = load_crisis_lines()
        except CrisisDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Crisis lines: {report.created} created, {report.existing} already there, "
            f"{report.translated} translations made."
        )
