import time

from django.core.management.base import BaseCommand, CommandError

from cms.demo.generator import HubSize, generate_hub, generated_counts


class Command(BaseCommand):
    help = (
        "Fill the database with a large generated hub (for benchmarks): resources in every "
        "content locale, guides and events, by bulk inserts. Does nothing when the database "
        "already holds a generated hub of the same size."
    )

    def add_arguments(self, parser):
        defaults = HubSize()
        parser.add_argument("--resources", type=int, default=defaults.resources)
        parser.add_argument("--guides", type=int, default=defaults.guides)
        parser.add_argument("--events", type=int, default=defaults.events)
        parser.add_argument(
            "--translated",
            type=float,
            default=defaults.translated_share,
            help="Share of resources and pages translated into each other locale (0 to 1).",
        )
        parser.add_argument(
            "--locales",
            default="",
            help="Comma-separated content locales to fill (default: all of them).",
        )
        parser.add_argument("--seed", type=int, default=defaults.seed)

    def handle(self, *args, **options):
        size = HubSize(
            resources=options["resources"],
            guides=options["guides"],
            events=options["events"],
            translated_share=options["translated"],
            locales=tuple(code for code in options["locales"].split(",") if code),
            seed=options["seed"],
        )
        counts = generated_counts()
        wanted = {"resources": size.resources, "guides": size.guides, "events": size.events}
        if all(counts[name] == number for name, number in wanted.items()):
            self.stdout.write(f"The database already holds this generated hub: {counts}")
            return
        if counts["resources"] or counts["guides"] or counts["events"]:
            raise CommandError(
                f"The database holds a different generated hub ({counts}); "
                "generate into a fresh database."
            )
        started = time.monotonic()
        try:
            counts = generate_hub(size, log=self.stdout.write)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Generated in {time.monotonic() - started:.0f} s: {counts}")
