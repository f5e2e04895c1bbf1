from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.catalogs import SOURCE_DIR
from cms.localization.catalogs import missing_translations

DEFAULT_SOURCES = ["cms", "api", "widget"]


class Command(BaseCommand):
    help = (
        "Report, per locale, the UI strings (gettext) used in the code that the catalogs in "
        "locale/ (or LOCALE_PATHS) do not translate (missing, empty or fuzzy). Content is "
        "wagtail-localize's job, not this command's."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--locale", action="append", help="Only these language codes (e.g. fr, pt-br)."
        )
        parser.add_argument(
            "--path",
            action="append",
            help=f"Source directories to scan (default: {', '.join(DEFAULT_SOURCES)}).",
        )
        parser.add_argument("--list", action="store_true", help="List each missing string.")
        parser.add_argument(
            "--fail", action="store_true", help="Exit with an error when anything is missing."
        )

    def handle(self, *args, **options):
        default = settings.LANGUAGE_CODE
        languages = options["locale"] or [
            code for code, _name in settings.LANGUAGES if code != default
        ]
        sources = [settings.BASE_DIR / path for path in options["path"] or DEFAULT_SOURCES]
        reports = missing_translations(
            roots=sources,
            locale_paths=settings.LOCALE_PATHS or [SOURCE_DIR],
            languages=languages,
        )
        self.stdout.write(
            f"{'locale':<8} {'strings':>8} {'translated':>10} {'fuzzy':>6} {'missing':>8} "
            f"{'done':>5}"
        )
        for report in reports:
            note = "" if report.exists else "  (no catalog)"
            self.stdout.write(
                f"{report.locale:<8} {report.total:>8} {report.translated:>10} "
                f"{report.fuzzy:>6} {len(report.missing):>8} {report.percent:>4}%{note}"
            )
            if options["list"]:
                for context, msgid in report.missing:
                    label = f"{context}|{msgid}" if context else msgid
                    self.stdout.write(f"    {label}")
        missing = sum(len(report.missing) for report in reports)
        if options["fail"] and missing:
            raise CommandError(f"{missing} translation(s) missing.")
