"""Write the directory as an Open Referral HSDS 3.0 JSON document."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from cms.hsds.export import document_errors, hsds_document


class Command(BaseCommand):
    help = "Write the live directory as HSDS 3.0 JSON (to a file, or standard output)."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="File to write (default: standard output).")
        parser.add_argument(
            "--no-validate",
            action="store_true",
            help="Skip checking the document against the HSDS 3.0 schemas.",
        )

    def handle(self, *args, output=None, no_validate=False, **options):
        document = hsds_document()
        if not no_validate:
            errors = document_errors(document)
            if errors:
                details = "\n".join(f"{path}: {message}" for path, message in errors[:20])
                raise CommandError(f"The export does not match the HSDS schemas:\n{details}")
        text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        if output:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text)
            self.stderr.write(f"Wrote {len(document['services'])} services to {output}.")
        else:
            sys.stdout.write(text)
