import os
import re
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class Command(BaseCommand):
    help = (
        "Screenshot the widget on a running partner demo page (make demo) in English and Arabic "
        "into docs/screenshots/widget-<locale>.png, with Debian's Chromium."
    )

    def add_arguments(self, parser):
        parser.add_argument("--partner-url", default="http://127.0.0.1:8001/")
        parser.add_argument("--chromium", default="/usr/bin/chromium")
        parser.add_argument("--out", default=str(Path(settings.BASE_DIR) / "docs" / "screenshots"))

    def handle(self, *args, partner_url, chromium, out, **options):
        from playwright.sync_api import sync_playwright

        os.makedirs(out, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            context = browser.new_context(
                viewport={"width": 480, "height": 1400},
                locale="en-GB",
                timezone_id="Europe/London",
            )
            page = context.new_page()
            for locale in ("en", "ar"):
                page.goto(f"{partner_url}?locale={locale}")
                # The crisis block first, then the results, which load after it.
                page.locator("roadcase-finder section.crisis li.card").first.wait_for()
                page.locator("roadcase-finder [role=status]").filter(
                    has_text=re.compile(r"\d")
                ).wait_for()
                path = Path(out) / f"widget-{locale}.png"
                page.screenshot(path=str(path))
                self.stdout.write(f"Saved {path}")
            browser.close()
