"""Helpers the browser tests share: loading the finder, reading its shadow DOM, running axe."""

import re
from pathlib import Path

from django.utils import translation
from playwright.sync_api import expect

from widget.strings import WIDGET_STRINGS

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "widget" / "node_modules" / "axe-core" / "axe.min.js"
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  (event) => window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
"""
# The focused element inside the widget's shadow root.
ACTIVE = "document.querySelector('roadcase-finder').shadowRoot.activeElement"
STORAGE = """async () => [localStorage.length, sessionStorage.length,
                         (await indexedDB.databases()).length, (await caches.keys()).length]"""


def open_finder(page, url):
    page.add_init_script(CSP_LISTENER)
    page.goto(url)
    expect(status(page)).to_have_text(re.compile(r"\d"))


def status(page):
    return page.locator("roadcase-finder [role=status]")


def widget_string(key, language):
    with translation.override(language):
        return str(WIDGET_STRINGS[key])


def run_axe(page):
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => (await axe.run(document)).violations.map(
             (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)"""
    )
