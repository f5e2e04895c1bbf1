"""`make bench-widget`: how fast the finder shows a person the emergency number and the first
crisis line on a partner's page (issue 22), this tree side by side with a previous commit.

A benchmark, not a test (no ``test_`` prefix; nothing here asserts a speed). Steps:

1. the previous version (``--previous``, default ``main`` as issue 22 began: 1e9cf03) is
   extracted with ``git archive`` into ``var/bench/widget-previous/`` and its widget built;
2. each version gets its own PostgreSQL database (``roadcase_widget_bench``, ``…_previous`` on
   127.0.0.1:5432), migrated by its own code and loaded with ``load_demo_hub``, and its own
   Redis database; the demo partner's allowed origins are set to the partner pages below;
3. each version is served by gunicorn with the production settings
   (``roadcase_site.settings.production``, as docs/deployment.md runs it; plain HTTP on
   loopback), and a partner page (``widget.partner_demo``, its strict CSP included) embeds it;
4. Chromium (``/usr/bin/chromium`` through Playwright; never a downloaded browser) loads the
   partner page ``--runs`` times per version, condition and cache state, versions interleaved:
   *loopback* (no emulation) and *slow 4G* (CDP: 150 ms latency, 1.6 Mbps down, 750 kbps up,
   CPU slowed 4x); *cold* (a new browser context, so an empty HTTP cache and no open
   connection, and the server's response cache flushed) and *warm* (one context, loaded once
   before measuring; the server's cache warm);
5. per load, times from navigation start, read in the page at the animation frame in which
   the element appears in the widget's shadow root: the emergency number (a ``tel:`` link in
   the crisis block), the first crisis line (the first ``li`` of the crisis block, or
   ``[data-crisis-line]``), and results (the first ``li`` outside the crisis block and the
   suggestions); and, from CDP's network events, the requests, API requests and bytes
   (encoded, as transferred) finished before the first crisis line;
6. median and p90 of each are printed side by side, with the ratio this/previous, and written
   to ``var/bench/widget.json``.

    .venv/bin/python tests/bench/widget.py                 # as make bench-widget
    .venv/bin/python tests/bench/widget.py --runs 3 --previous none
"""

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
HOST = "127.0.0.1"
OUT_DIR = ROOT / "var" / "bench"
PREVIOUS_DIR = OUT_DIR / "widget-previous"
CHROMIUM = "/usr/bin/chromium"
PARTNER = "demo-festival"
# main when issue 22 began: the widget that made several requests before its first crisis line.
PREVIOUS = "1e9cf03"
SLOW_4G = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1.6e6 / 8,
    "uploadThroughput": 750e3 / 8,
}
CPU_SLOWDOWN = 4
TIMEOUT_S = 30
METRICS = [
    ("emergency", "emergency number painted (ms)"),
    ("line", "first crisis line painted (ms)"),
    ("results", "results painted (ms)"),
    ("requests", "requests before first line"),
    ("api_requests", "API requests before first line"),
    ("kbytes", "kB before first line"),
]
# Runs in the page before its own scripts: marks the animation frame in which each element
# first exists (performance.now(), from navigation start). Selectors tolerant of both widget
# versions: the crisis block is ``.crisis``; a ``data-crisis-line`` marks a line if present.
MARKS_SCRIPT = """
(() => {
  const marks = (window.__roadcaseMarks = {});
  // One native query per frame: a slowed CPU spends little of its time on the measuring.
  const RESULT = 'li:not(.crisis li, [role="listbox"] li, [hidden] li)';
  const check = () => {
    const root = document.querySelector('roadcase-finder')?.shadowRoot;
    if (root) {
      const now = performance.now();
      if (!marks.emergency && root.querySelector('.crisis a[href^="tel:"]')) marks.emergency = now;
      if (!marks.line && root.querySelector('.crisis li, [data-crisis-line]')) marks.line = now;
      if (!marks.results && root.querySelector(RESULT)) marks.results = now;
    }
    if (!(marks.emergency && marks.line && marks.results)) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
"""


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def admin_sql(sql):
    import psycopg

    with psycopg.connect(f"host={HOST} user=postgres dbname=postgres", autocommit=True) as conn:
        cursor = conn.execute(sql)
        return cursor.fetchall() if cursor.description else None


class Version:
    """One version of the hub: its code, database, Redis database, gunicorn and partner page."""

    def __init__(self, name, code_dir, db, redis_db, workers):
        self.name = name
        self.code_dir = code_dir
        self.db = db
        self.redis_url = f"redis://{HOST}:6379/{redis_db}"
        self.port = free_port()
        self.page_port = free_port()
        self.workers = workers
        self.server = self.page_server = None
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))},
            "DJANGO_SETTINGS_MODULE": "roadcase_site.settings.production",
            "PYTHONPATH": str(code_dir),
            "SECRET_KEY": "bench-widget-only-kX3v9-Lq2Rz8Wn4Tb7Yc1Hd6Jf0Mg5Ps2Ua8Ve3Xi9Ko4N",
            "ROADCASE_CONCIERGE_KEY": "ZmDfcTF7_60GrrY167zsiPd67pEvs0aGOv2oasOM1Pg=",
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "DATABASE_URL": f"postgres://postgres@{HOST}:5432/{db}",
            "REDIS_URL": self.redis_url,
            # Plain HTTP on loopback: no TLS proxy in front here.
            "SECURE_SSL_REDIRECT": "false",
            "ROADCASE_VAR_DIR": str(OUT_DIR / f"var-{name}"),
        }

    @property
    def hub(self):
        return f"http://{HOST}:{self.port}"

    @property
    def page(self):
        return f"http://{HOST}:{self.page_port}/?locale=en&country=GB"

    def manage(self, *args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=self.code_dir,
            env=self.env,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            sys.exit(f"{self.name}: manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def prepare(self):
        if not admin_sql(f"SELECT 1 FROM pg_database WHERE datname = '{self.db}'"):
            admin_sql(f'CREATE DATABASE "{self.db}"')
        print(f"{self.name}: migrate, load_demo_hub, compile_catalogs")
        self.manage("migrate", "--noinput", "-v0")
        loaded = self.manage(
            "shell",
            "-v0",  # else Django 5.2's shell prints how many objects it imported
            "-c",
            "from cms.models import Partner; "
            f"print(Partner.objects.filter(slug={PARTNER!r}).exists())",
        )
        if loaded.strip() != "True":  # load_demo_hub is idempotent, but takes minutes
            self.manage("load_demo_hub")
        self.manage("compile_catalogs")
        origin = f"http://{HOST}:{self.page_port}"
        self.manage(
            "shell",
            "-c",
            "from cms.models import Partner; "
            f"Partner.objects.filter(slug={PARTNER!r}).update(allowed_origins={origin!r})",
        )

    def start(self):
        log = (OUT_DIR / f"gunicorn-widget-{self.name}.log").open("w")
        self.server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "roadcase_site.wsgi",
                f"--bind={HOST}:{self.port}",
                f"--workers={self.workers}",
                "--access-logfile=/dev/null",
                "--log-level=warning",
            ],
            cwd=self.code_dir,
            env=self.env,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{self.hub}/api/v1/locales/", timeout=10)
                break
            except OSError:
                if time.monotonic() > deadline or self.server.poll() is not None:
                    self.stop()
                    sys.exit(f"{self.name}: gunicorn did not answer (see {log.name})")
                time.sleep(0.5)
        from widget.partner_demo import make_server

        self.page_server = make_server(hub=self.hub, partner=PARTNER, port=self.page_port)
        threading.Thread(target=self.page_server.serve_forever, daemon=True).start()

    def flush_cache(self):
        """Empty this version's Redis database: the server's response cache starts cold (the
        throttles' counters go too, so that the runs never meet a 429)."""
        import redis

        redis.Redis.from_url(self.redis_url).flushdb()

    def stop(self):
        if self.page_server is not None:
            self.page_server.shutdown()
        if self.server is not None and self.server.poll() is None:
            os.killpg(self.server.pid, 15)
            self.server.wait(timeout=20)


def prepare_previous(commit):
    """The previous version's code, with its widget built (node_modules shared with this tree:
    run ``make widget`` first)."""
    if PREVIOUS_DIR.exists():
        shutil.rmtree(PREVIOUS_DIR)
    PREVIOUS_DIR.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(PREVIOUS_DIR)], input=archive.stdout, check=True)
    (PREVIOUS_DIR / "widget" / "node_modules").symlink_to(ROOT / "widget" / "node_modules")
    subprocess.run(
        ["npm", "--prefix", str(PREVIOUS_DIR / "widget"), "run", "--silent", "build"], check=True
    )


def load_once(browser, context, version, *, slow):
    """One page load: the marks and the network before the first crisis line."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if slow:
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    sent, finished, clock = {}, {}, {}

    def on_sent(event):
        sent[event["requestId"]] = event["request"]["url"]
        clock.setdefault("offset", event["wallTime"] - event["timestamp"])

    def on_finished(event):
        finished[event["requestId"]] = (event["timestamp"], event["encodedDataLength"])

    cdp.on("Network.requestWillBeSent", on_sent)
    cdp.on("Network.loadingFinished", on_finished)
    try:
        page.goto(version.page, wait_until="commit", timeout=TIMEOUT_S * 1000)
        page.wait_for_function(
            "() => { const m = window.__roadcaseMarks; return m && m.line && m.emergency"
            " && m.results; }",
            timeout=TIMEOUT_S * 1000,
            polling=100,
        )
    except Exception as error:  # a load that never shows a line is reported, not fatal
        print(f"  {version.name}: {type(error).__name__}: {str(error).splitlines()[0]}")
    marks = page.evaluate(
        "() => ({...(window.__roadcaseMarks || {}), origin: performance.timeOrigin})"
    )
    result = {key: marks.get(key) for key in ("emergency", "line", "results")}
    if marks.get("line") and "offset" in clock:
        cutoff = (marks["origin"] + marks["line"]) / 1000 - clock["offset"]
        before = [rid for rid, (at, _size) in finished.items() if at <= cutoff]
        result["requests"] = len(before)
        result["api_requests"] = sum("/api/" in sent.get(rid, "") for rid in before)
        result["kbytes"] = sum(finished[rid][1] for rid in before) / 1000
    cdp.detach()
    page.close()
    return result


def summary(values):
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    p90 = values[min(len(values) - 1, round(0.9 * (len(values) - 1)))]
    return {"median": statistics.median(values), "p90": p90, "n": len(values)}


def measure(browser, versions, *, runs, slow, cold):
    samples = {v.name: [] for v in versions}
    contexts = {}
    if not cold:
        for version in versions:
            contexts[version.name] = browser.new_context(bypass_csp=False)
            contexts[version.name].add_init_script(MARKS_SCRIPT)
            load_once(browser, contexts[version.name], version, slow=slow)  # warms both caches
    for _run in range(runs):
        for version in versions:
            if cold:
                version.flush_cache()
                context = browser.new_context()
                context.add_init_script(MARKS_SCRIPT)
            else:
                context = contexts[version.name]
            samples[version.name].append(load_once(browser, context, version, slow=slow))
            if cold:
                context.close()
    for context in contexts.values():
        context.close()
    return {
        name: {key: summary([s.get(key) for s in found]) for key, _label in METRICS}
        for name, found in samples.items()
    }


def print_table(results, names):
    def cell(stat):
        if stat is None:
            return "n/a"
        return f"{stat['median']:.0f} / {stat['p90']:.0f}"

    header = ["metric (median / p90)", *names]
    if len(names) == 2:
        header.append("ratio (median)")
    for condition, by_version in results.items():
        print(f"\n### {condition}\n")
        print("| " + " | ".join(header) + " |")
        print("|" + " --- |" * len(header))
        for key, label in METRICS:
            row = [label, *(cell(by_version[name][key]) for name in names)]
            if len(names) == 2:
                a, b = (by_version[name][key] for name in names)
                row.append(f"{a['median'] / b['median']:.2f}" if a and b and b["median"] else "")
            print("| " + " | ".join(row) + " |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--previous", default=PREVIOUS, help="a git commit, or none")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", choices=["loopback", "slow4g"], action="append")
    args = parser.parse_args()

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    versions = [Version("this", ROOT, "roadcase_widget_bench", 13, args.workers)]
    if args.previous.lower() != "none":
        prepare_previous(args.previous)
        versions.append(
            Version("previous", PREVIOUS_DIR, "roadcase_widget_bench_previous", 14, args.workers)
        )
    for version in versions:
        version.prepare()
    from playwright.sync_api import sync_playwright

    results = {}
    try:
        for version in versions:
            version.start()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"]
            )
            for condition in args.only or ["loopback", "slow4g"]:
                for cold in (True, False):
                    name = f"{condition}, {'cold' if cold else 'warm'}"
                    print(f"measuring {name}: {args.runs} runs per version")
                    results[name] = measure(
                        browser, versions, runs=args.runs, slow=condition == "slow4g", cold=cold
                    )
            browser.close()
    finally:
        for version in versions:
            version.stop()
    names = [v.name for v in versions]
    print_table(results, names)
    record = {
        "runs": args.runs,
        "previous": args.previous,
        "workers": args.workers,
        "cpu_count": os.cpu_count(),
        "load_average": os.getloadavg(),
        "results": results,
    }
    (OUT_DIR / "widget.json").write_text(json.dumps(record, indent=2))
    print(f"\nwritten to {OUT_DIR / 'widget.json'}")


if __name__ == "__main__":
    main()
