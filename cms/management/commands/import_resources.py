"""Import resources from a CSV file or an HSDS 3.0 JSON document (see docs/data-exchange.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.imports.readers import read_file
from cms.imports.service import import_rows


class Command(BaseCommand):
    help = (
        "Import resources from CSV or HSDS 3.0 JSON, matched by external id. Writes nothing "
        "unless every row is good, unless --skip-bad-rows."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Report, change nothing.")
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--all-or-nothing",
            dest="all_or_nothing",
            action="store_true",
            default=True,
            help="Write nothing if any row is bad (the default).",
        )
        mode.add_argument(
            "--skip-bad-rows",
            dest="all_or_nothing",
            action="store_false",
            help="Import the good rows and report the bad ones.",
        )
        parser.add_argument(
            "--format", choices=["csv", "hsds"], help="Default: from the file's extension."
        )

    def handle(self, *args, file, dry_run, all_or_nothing, format=None, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        rows, file_errors = read_file(data, name=file.name, format=format)
        report = import_rows(
            rows, file_errors=file_errors, dry_run=dry_run, all_or_nothing=all_or_nothing
        )
        for line in report.lines():
            self.stdout.write(line)
        if report.errors and not dry_run:
            raise CommandError(f"{len(report.errors)} problem(s) found; see the report above.")
