"""A partner's page on another origin than the hub, for ``make demo`` and the browser tests.

It holds what the embed code gives (a preconnect to the hub, the script, the element with its
fallback content) and sends the strictest CSP a partner could reasonably use, so the demo proves
the widget works under it: only the hub may run scripts and be fetched from, no inline styles,
Trusted Types on.
The query string picks the locale (``?locale=ar`` makes the whole page Arabic, right-to-left),
the country (``?country=GB``) and the quick exit's address (``?quick-exit=https://…/``), as a
partner's own page would; inside the element is fallback content, as in the embed code.
"""

import re
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

RTL_LANGUAGES = {"ar", "he", "fa", "ur"}
ATTRIBUTE_VALUE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$|^https://[\w.-]+/$")

PAGE_CSS = """\
body{margin:0;font-family:system-ui,sans-serif;background:#f4f1ea;color:#1f2937;line-height:1.5}
header{background:#1f2937;color:#fff;padding:.5rem 1rem}
header p{margin:0}
main{max-width:44rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:0 0 .5rem}
"""

# The partner's own words, in the page's language where the demo has them.
TEXTS = {
    "en": {
        "banner": "Demo Festival, a partner site on its own origin",
        "title": "Look after yourself this summer",
        "intro": "Touring and festival season is hard on everyone. Support is a tap away.",
    },
    "ar": {
        "banner": "مهرجان تجريبي، موقع شريك على أصل مختلف",
        "title": "اعتنِ بنفسك هذا الصيف",
        "intro": "موسم الجولات والمهرجانات صعب على الجميع. الدعم على بُعد نقرة.",
    },
}

PAGE = """\
<!doctype html>
<html lang="{lang}" dir="{dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="/demo.css">
<link rel="preconnect" href="{hub}" crossorigin>
<script async src="{hub}/widget/v1/roadcase-finder.js"></script>
</head>
<body>
<header><p>{banner}</p></header>
<main>
<h1>{title}</h1>
<p>{intro}</p>
<roadcase-finder {attributes}>{fallback}</roadcase-finder>
</main>
</body>
</html>
"""


# What the page shows inside the element until the widget has something to show, and for good
# if the hub cannot be reached at all (the widget's script never arrives): the embed code's
# fallback content (docs/widget.md, "When things fail").
FALLBACK = """
<p>Need help right now? In an emergency, call your local emergency number.</p>
<p><a href="{hub}/">Find support on the hub</a></p>
"""


def content_security_policy(hub):
    """The partner page's CSP: the one issue 4 says the widget must work under."""
    return (
        f"default-src 'self'; script-src {hub}; style-src 'self'; connect-src {hub}; "
        "require-trusted-types-for 'script'"
    )


def render_page(hub, partner, query):
    params = {key: values[0] for key, values in parse_qs(query).items()}
    attributes = {"partner": partner}
    for name in ("locale", "country", "quick-exit"):
        if ATTRIBUTE_VALUE.match(params.get(name, "")):
            attributes[name] = params[name]
    lang = attributes.get("locale", "en")
    texts = TEXTS.get(lang.split("-")[0].lower(), TEXTS["en"])
    return PAGE.format(
        **{key: escape(text) for key, text in texts.items()},
        lang=escape(lang),
        dir="rtl" if lang.split("-")[0].lower() in RTL_LANGUAGES else "ltr",
        hub=escape(hub),
        fallback=FALLBACK.format(hub=escape(hub)),
        attributes=" ".join(f'{name}="{escape(value)}"' for name, value in attributes.items()),
    )


def make_server(*, hub, partner="demo-festival", host="127.0.0.1", port=8001):
    """A ThreadingHTTPServer for the demo page (``port=0`` picks a free port)."""
    hub = hub.rstrip("/")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlsplit(self.path)
            if url.path == "/":
                self.reply(render_page(hub, partner, url.query), "text/html; charset=utf-8")
            elif url.path == "/demo.css":
                self.reply(PAGE_CSS, "text/css; charset=utf-8")
            elif url.path == "/favicon.ico":
                self.reply("", "image/x-icon", status=204)
            else:
                self.reply("Not found", "text/plain; charset=utf-8", status=404)

        def reply(self, text, content_type, status=200):
            body = text.encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Content-Security-Policy", content_security_policy(hub))
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format, *args):
            pass

    return ThreadingHTTPServer((host, port), Handler)
