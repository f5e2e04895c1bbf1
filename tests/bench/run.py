"""`make bench`: the API under a production server and a real load tool, on a large hub.

Not collected by pytest (no ``test_`` prefix). Steps, each printed as it runs:

1. a PostgreSQL database (``--db``, default ``roadcase_bench`` on 127.0.0.1:5432) is created if
   missing and migrated; ``generate_hub`` fills it (skipped when it already holds a hub of the
   same size; a hub of another size is dropped with the database) and the demo hub is loaded on
   top (real records such as Samaritans, for the relevance checks);
2. gunicorn serves the hub on 127.0.0.1 only, with ``tests/bench/settings.py``: production
   settings plus Wagtail's API v2 to compare against, no throttling, and cold requests on demand;
3. wrk (Debian's package, installed if missing) drives each endpoint at each concurrency,
   bounded in time (``--duration``) and in count (``--max-requests``): cold (every request
   retires the response cache first, as a publish does) and cached;
4. SQL queries per request are counted through Django's test client at page sizes 10/50/100;
   memory per worker is read from /proc; relevance is checked (exact name first, a typo found);
5. a table is printed with the targets of issues 9 and 19, results are written to
   ``var/bench/results.json`` and the plot to ``docs/performance-latency.png``.

Search is measured side by side with the previous implementation (``--previous``, a git
commit; ``--previous none`` to skip) in the same run: that commit's code is extracted into
``var/bench/previous/`` and served by a second gunicorn from a copy of the database
(``<db>_previous``) migrated back to that code's schema, and both are driven path by path in
turn ("resource search (previous)" in the table).

    .venv/bin/python tests/bench/run.py                   # everything, as make bench
    .venv/bin/python tests/bench/run.py --only search --concurrency 1 --duration 5
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.previous import extract  # noqa: E402

SETTINGS = "tests.bench.settings"
HOST = "127.0.0.1"
OUT_DIR = ROOT / "var" / "bench"
PLOT = ROOT / "docs" / "performance-latency.png"

TARGET_SEARCH_P95_MS = 50
# The last commit with the search that issue 19 replaced (a table of its own, FTS5 and tsvector).
PREVIOUS_SEARCH = "32af685"
PREVIOUS_DIR = OUT_DIR / "previous"
# The API migration the previous code ends with: the copy of the database is taken back to it.
PREVIOUS_API_MIGRATION = "0005_resource_filter_terms"
TARGET_UNCACHED_P95_MS = 100
TARGET_CACHED_RPS = 1000
TARGET_WAGTAIL_RATIO = 2.0


@dataclass
class Endpoint:
    """One thing to measure: a name, the request paths to cycle through, and, for guides, the
    Wagtail API v2 endpoint it is compared with."""

    name: str
    paths: list[str]
    group: str
    cached: bool = True  # served through the API's response cache
    compare_with: str | None = None
    previous: bool = False  # served by the previous implementation's server
    # The same paths on the previous implementation, measured cold right after each cold run.
    twin: "Endpoint | None" = None
    measured: list = field(default_factory=list)


# 1. The database ---------------------------------------------------------------------------


def database_url(db):
    return f"postgres://postgres@{HOST}:5432/{db}"


def admin_sql(sql):
    import psycopg

    with psycopg.connect(f"host={HOST} user=postgres dbname=postgres", autocommit=True) as conn:
        cursor = conn.execute(sql)
        # Only a SELECT has rows; the conditional used to skip executing anything else, so
        # CREATE DATABASE never ran on a fresh machine.
        return cursor.fetchall() if cursor.description else None


def manage(env, *args, check=True):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=check,
        text=True,
        capture_output=not check,
    )


def prepare_database(args, env):
    exists = admin_sql(f"SELECT 1 FROM pg_database WHERE datname = '{args.db}'")
    if not exists:
        print(f"creating database {args.db}")
        admin_sql(f'CREATE DATABASE "{args.db}"')
    print("migrating")
    manage(env, "migrate", "--noinput", "-v0")
    size = [
        f"--resources={args.resources}",
        f"--guides={args.guides}",
        f"--events={args.events}",
    ]
    started = time.monotonic()
    import psycopg

    with psycopg.connect(f"host={HOST} user=postgres dbname={args.db}") as conn:
        empty = not conn.execute("SELECT 1 FROM roadcase_resource LIMIT 1").fetchone()
    if empty:
        # The demo hub first, into the empty database (real records such as Samaritans, for
        # the relevance checks): loaded on top of the generated hub, it would build the
        # translation queue of all 50,000 resources (hours), which no measurement reads.
        manage(env, "load_demo_hub", "--pages")
    result = manage(env, "generate_hub", *size, check=False)
    if result.returncode and "different generated hub" in result.stderr:
        print("the database holds a hub of another size: recreating it")
        admin_sql(f'DROP DATABASE "{args.db}" WITH (FORCE)')
        admin_sql(f'CREATE DATABASE "{args.db}"')
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo_hub", "--pages")
        result = manage(env, "generate_hub", *size, check=False)
    print(result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "")
    if result.returncode:
        sys.exit(result.stderr)
    if "Generated in" in result.stdout:
        print("indexing for search")
        manage(env, "rebuild_search_index")
    manage(env, "compile_catalogs", check=False)
    # Fresh planner statistics after bulk loading (autovacuum may not have run yet), and the
    # resource table compacted: the filter-terms triggers rewrite each resource once per
    # relation loaded, leaving it twice its size, as after any large import
    # (docs/deployment.md).
    with psycopg.connect(f"host={HOST} user=postgres dbname={args.db}", autocommit=True) as conn:
        conn.execute("VACUUM (FULL, ANALYZE) roadcase_resource")
        conn.execute("VACUUM ANALYZE")
    print(f"data ready in {time.monotonic() - started:.0f} s")


def prepare_previous(args, env):
    """The previous implementation's code (``git archive``) and database: a copy of the
    prepared one, migrated back to that code's schema, compacted like the original. The bench's
    own middleware is this checkout's on both sides (what "cold" costs must be the same)."""
    extract(args.previous, PREVIOUS_DIR)
    shutil.copy(
        Path(__file__).with_name("middleware.py"), PREVIOUS_DIR / "tests/bench/middleware.py"
    )
    previous_db = f"{args.db}_previous"
    if admin_sql(f"SELECT 1 FROM pg_database WHERE datname = '{previous_db}'"):
        if not args.fresh_previous:
            return
        admin_sql(f'DROP DATABASE "{previous_db}" WITH (FORCE)')
    print(f"copying {args.db} to {previous_db} for the previous implementation")
    admin_sql(f'CREATE DATABASE "{previous_db}" TEMPLATE "{args.db}"')
    previous_env = {**env, "DATABASE_URL": database_url(previous_db)}
    manage(previous_env, "migrate", "roadcase_api", PREVIOUS_API_MIGRATION, "--noinput", "-v0")
    import psycopg

    with psycopg.connect(
        f"host={HOST} user=postgres dbname={previous_db}", autocommit=True
    ) as conn:
        conn.execute("VACUUM (FULL, ANALYZE) roadcase_resource")
        conn.execute("VACUUM ANALYZE")


def redis_answers():
    import socket

    try:
        with socket.create_connection((HOST, 6379), timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


# 2. The server -----------------------------------------------------------------------------


def start_server(args, env, *, port=None, cwd=ROOT, log_name="gunicorn.log"):
    port = port or args.port
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "roadcase_site.wsgi",
        f"--bind={HOST}:{port}",
        f"--workers={args.workers}",
        f"--worker-class={args.worker_class}",
        f"--threads={args.threads}",
        "--access-logfile=-" if args.access_log else "--access-logfile=/dev/null",
        "--log-level=warning",
    ]
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    with open(OUT_DIR / log_name, "w") as log:
        server = subprocess.Popen(
            command, cwd=cwd, env=env, start_new_session=True, stdout=log, stderr=log
        )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://{HOST}:{port}/api/v1/locales/", timeout=30)
            return server
        except OSError:  # not listening yet, or still starting
            time.sleep(0.5)
    os.killpg(server.pid, 15)
    sys.exit(f"gunicorn did not answer within 90 s (var/bench/{log_name})")


def worker_rss_mb(server):
    """Resident memory of each gunicorn worker (children of the master), in MiB."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(server.pid) and "VmRSS" in fields:
            sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
    return sorted(sizes)


# 3. Load -----------------------------------------------------------------------------------

WRK_SCRIPT = """
local paths = {%(paths)s}
local limit = %(limit)d
local count = 0
local offset = 0
function init(args)
  offset = math.random(#paths)
end
function request()
  count = count + 1
  return wrk.format("GET", paths[((count + offset) %% #paths) + 1])
end
function response(status, headers, body)
  if count >= limit then wrk.thread:stop() end
end
function done(summary, latency, requests)
  io.write(string.format(
    "RESULT {\\"requests\\": %%d, \\"duration_us\\": %%d, \\"p50\\": %%d, \\"p95\\": %%d, " ..
    "\\"p99\\": %%d, \\"errors\\": %%d, \\"non_2xx\\": %%d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout, summary.errors.status))
end
"""


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("installing wrk (Debian package)")
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)


def run_wrk(args, paths, concurrency, *, cold, port=None):
    threads = min(concurrency, 2)
    lua = WRK_SCRIPT % {
        "paths": ", ".join(json.dumps(p) for p in paths),
        "limit": max(1, args.max_requests // threads),
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua)
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{concurrency}",
        f"-d{args.duration}s",
        "--timeout=10s",
        f"-s{script.name}",
        "-HAccept-Encoding: gzip",
    ]
    if cold:
        command.append("-HX-Roadcase-Bench-Cold: 1")
    command.append(f"http://{HOST}:{port or args.port}{paths[0]}")
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    os.unlink(script.name)
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    raw = json.loads(line.removeprefix("RESULT "))
    seconds = raw["duration_us"] / 1e6
    return {
        "requests": raw["requests"],
        "rps": raw["requests"] / seconds if seconds else 0.0,
        "p50": raw["p50"] / 1000,
        "p95": raw["p95"] / 1000,
        "p99": raw["p99"] / 1000,
        "errors": raw["errors"] + raw["non_2xx"],
    }


def warm(args, paths):
    """Fill every worker's response cache for ``paths`` (each worker has its own)."""
    for _ in range(args.workers * args.threads * 2):
        for path in paths:
            urllib.request.urlopen(f"http://{HOST}:{args.port}{path}", timeout=30).read()


# The endpoints ------------------------------------------------------------------------------


def endpoints(*, previous=True):
    """Paths drawn from the generated hub: several per endpoint, cycled through by wrk."""
    from wagtail.models import Locale

    from cms.demo.generator import GENERATED_PREFIX, PLACES
    from cms.models import GuidePage

    default = Locale.get_default()
    guides = list(
        GuidePage.objects.live()
        .filter(locale=default, slug__startswith=GENERATED_PREFIX)
        .order_by("path")
        .values_list("pk", "slug")[:50:5]
    )
    countries = sorted({place[0] for place in PLACES})
    searches = [
        "anxiety",
        "burnout",
        "grief support",
        "sleep",
        "touring life",
        "money worries",
        "peer support",
        "crisis line",
        "podcast",
        "harbour minds",
    ]
    localized = [("fr", "sommeil"), ("de", "Trauer"), ("es", "ansiedad"), ("ja", "睡眠")]
    filters = [
        "country=GB&kind=therapy,peer_support&language=en",
        "country=US&topic=burnout&free=true",
        "country=DE&contact=phone,chat&audience=crew",
        "country=FR&kind=helpline,crisis_line&locale=fr",
        "kind=financial_aid&topic=financial-hardship&page=2",
    ]
    search_paths = [f"/api/v1/resources/?q={q.replace(' ', '+')}" for q in searches] + [
        f"/api/v1/resources/?q={urllib.request.quote(q)}&locale={loc}" for loc, q in localized
    ]
    # As the widget asks: always with the visitor's country.
    in_country = [
        f"/api/v1/resources/?q={urllib.request.quote(q)}&country={country}&locale={loc}"
        for (loc, q), country in zip(
            [("en", q) for q in searches[:6]] + localized,
            ["GB", "US", "AU", "IE", "CA", "GB", "FR", "DE", "ES", "JP"],
            strict=True,
        )
    ]

    def searched(name, paths):
        return Endpoint(
            name,
            paths,
            "search",
            twin=Endpoint(f"{name} (previous)", paths, "search", cached=False, previous=True)
            if previous
            else None,
        )

    return [
        searched("resource search", search_paths),
        searched("search in a country", in_country),
        Endpoint("filtered listing", [f"/api/v1/resources/?{f}" for f in filters], "listing"),
        Endpoint(
            "crisis lines", [f"/api/v1/crisis-lines/?country={c}" for c in countries], "crisis"
        ),
        Endpoint(
            "guide detail",
            [f"/api/v1/guides/{slug}/" for _pk, slug in guides],
            "guides",
            compare_with="Wagtail v2 page detail",
        ),
        Endpoint(
            "guide list",
            [f"/api/v1/guides/?page={n}" for n in range(1, 11)],
            "guides",
            compare_with="Wagtail v2 page list",
        ),
        Endpoint(
            "events listing",
            ["/api/v1/events/"] + [f"/api/v1/events/?country={c}" for c in countries[:9]],
            "events",
        ),
        Endpoint("widget bundle", ["/widget/v1/roadcase-finder.js"], "widget", cached=False),
        Endpoint(
            "Wagtail v2 page detail",
            [f"/api/v2/pages/{pk}/" for pk, _slug in guides],
            "guides",
            cached=False,
        ),
        Endpoint(
            "Wagtail v2 page list",
            [
                f"/api/v2/pages/?type=roadcase.GuidePage&locale=en&fields=intro"
                f"&limit=20&offset={20 * n}"
                for n in range(10)
            ],
            "guides",
            cached=False,
        ),
    ]


# 4. Queries, relevance -----------------------------------------------------------------------


def query_counts():
    """Queries of one cold request per endpoint and page size (Django's test client)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_X_ROADCASE_BENCH_COLD="1")
    lists = {
        "resource search": "/api/v1/resources/?q=anxiety&page_size={n}",
        "filtered listing": "/api/v1/resources/?country=GB&kind=therapy,peer_support&page_size={n}",
        "resource search (fr)": "/api/v1/resources/?q=sommeil&locale=fr&page_size={n}",
        "search in a country": "/api/v1/resources/?q=anxiety&country=GB&page_size={n}",
        "guide list": "/api/v1/guides/?page_size={n}",
        "events listing": "/api/v1/events/?page_size={n}&locale=de",
    }
    counts = {}
    # One request of each first: a process looks some things up once (content types, the
    # site's root paths) and keeps them, which is not a cost per request.
    for template in lists.values():
        client.get(template.format(n=10))
    for name, template in lists.items():
        for size in (10, 50, 100):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(template.format(n=size))
            assert response.status_code == 200, (name, response.status_code)
            counts.setdefault(name, {})[size] = len(queries)
    from cms.models import GuidePage

    slug = GuidePage.objects.filter(slug__startswith="gen-").values_list("slug", flat=True)[0]
    for name, path in {
        "crisis lines": "/api/v1/crisis-lines/?country=GB",
        "guide detail": f"/api/v1/guides/{slug}/",
    }.items():
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counts[name] = {"-": len(queries)}
    return counts


def relevance(args):
    """An exact name match ranks first; a one-letter typo still finds Samaritans; a crisis
    phrase puts a crisis line of the visitor's country first."""
    from cms.models import Resource

    def first_names(query, locale="en"):
        url = (
            f"http://{HOST}:{args.port}/api/v1/resources/?locale={locale}"
            f"&q={urllib.request.quote(query)}"
        )
        data = json.load(urllib.request.urlopen(url, timeout=30))
        return [r["name"] for r in data["results"]]

    name = (
        Resource.objects.filter(external_id="gen-012345", locale__language_code="en")
        .values_list("name", flat=True)
        .first()
    )
    checks = {}
    if name:
        names = first_names(name)
        checks[f"exact name first ({name!r})"] = bool(names) and names[0] == name
    for typo in ("Samaritns", "Smaritans"):
        names = first_names(typo)
        checks[f"typo {typo!r} finds Samaritans"] = any("Samaritans" in n for n in names[:3])
    url = f"http://{HOST}:{args.port}/api/v1/resources/?q=suicidal&country=GB"
    data = json.load(urllib.request.urlopen(url, timeout=30))
    first = data["results"][0] if data["results"] else {}
    checks["'suicidal' in GB: crisis intent, a GB crisis line first"] = (
        data.get("crisis_intent") is True
        and first.get("kind") == "crisis_line"
        and "GB" in first.get("countries", [])
    )
    return checks


# 5. Report ---------------------------------------------------------------------------------


def measure(args, server_endpoints):
    results = []

    def run(endpoint, mode, concurrency):
        port = args.port + 1 if endpoint.previous else args.port
        row = run_wrk(args, endpoint.paths, concurrency, cold=mode != "cached", port=port)
        row.update(endpoint=endpoint.name, mode=mode, c=concurrency)
        results.append(row)
        print(
            f"  {endpoint.name:<34} {mode:<8} c={concurrency:<3} "
            f"p50 {row['p50']:7.1f}  p95 {row['p95']:7.1f}  p99 {row['p99']:7.1f} ms  "
            f"{row['rps']:8.0f} req/s  {row['errors']} errors",
            flush=True,
        )

    for endpoint in server_endpoints:
        modes = ["cold", "cached"] if endpoint.cached else ["uncached"]
        for mode in modes:
            if mode == "cached":
                warm(args, endpoint.paths)
            for concurrency in args.concurrency:
                run(endpoint, mode, concurrency)
                if endpoint.twin and mode == "cold":
                    run(endpoint.twin, "cold", concurrency)
        if endpoint.twin and args.rounds:
            for row in interleaved(args, endpoint, args.rounds):
                results.append(row)
                print(
                    f"  {row['endpoint']:<34} in turn  c=1   p50 {row['p50']:7.1f}  "
                    f"p95 {row['p95']:7.1f}  p99 {row['p99']:7.1f} ms",
                    flush=True,
                )
    return results


def interleaved(args, endpoint, rounds):
    """Cold requests at c=1 to this implementation and the previous one in turn, path by path
    (the order swapped every round): both see the same minute of a noisy machine, which a
    run of one after the other cannot promise. Two rows, like wrk's."""
    import statistics

    timings = {False: [], True: []}
    for number in range(rounds):
        for path in endpoint.paths:
            order = (False, True) if number % 2 == 0 else (True, False)
            for previous in order:
                port = args.port + 1 if previous else args.port
                request = urllib.request.Request(
                    f"http://{HOST}:{port}{path}", headers={"X-Roadcase-Bench-Cold": "1"}
                )
                started = time.perf_counter()
                urllib.request.urlopen(request, timeout=30).read()
                timings[previous].append((time.perf_counter() - started) * 1000)
    rows = []
    for previous, values in timings.items():
        values.sort()
        rows.append(
            {
                "endpoint": endpoint.twin.name if previous else endpoint.name,
                "mode": "in turn",
                "c": 1,
                "requests": len(values),
                "rps": 1000 / statistics.mean(values),
                "p50": statistics.median(values),
                "p95": values[int(0.95 * (len(values) - 1))],
                "p99": values[int(0.99 * (len(values) - 1))],
                "errors": 0,
            }
        )
    return rows


def previous_ratios(results):
    """The previous implementation's p95 over ours, cold (wrk) and in turn, per search endpoint
    and concurrency."""
    by_key = {(r["endpoint"], r["mode"], r["c"]): r for r in results}
    rows = []
    for (name, mode, c), theirs in by_key.items():
        if not name.endswith(" (previous)"):
            continue
        ours = by_key.get((name.removesuffix(" (previous)"), mode, c))
        if ours and ours["p95"]:
            rows.append(
                {
                    "endpoint": ours["endpoint"],
                    "mode": mode,
                    "c": c,
                    "p95": ours["p95"],
                    "previous_p95": theirs["p95"],
                    "p95_ratio": theirs["p95"] / ours["p95"],
                    "rps_ratio": ours["rps"] / theirs["rps"] if theirs["rps"] else 0.0,
                }
            )
    return rows


def ratios(results, server_endpoints):
    """Our req/s over Wagtail API v2's, per comparable endpoint, mode and concurrency."""
    by_key = {(r["endpoint"], r["mode"], r["c"]): r for r in results}
    rows = []
    for endpoint in server_endpoints:
        if not endpoint.compare_with:
            continue
        for (name, mode, c), row in by_key.items():
            theirs = by_key.get((endpoint.compare_with, "uncached", c))
            if name == endpoint.name and theirs and theirs["rps"]:
                rows.append(
                    {
                        "ours": name,
                        "theirs": endpoint.compare_with,
                        "mode": mode,
                        "c": c,
                        "ratio": row["rps"] / theirs["rps"],
                        "p95_ratio": theirs["p95"] / row["p95"] if row["p95"] else 0.0,
                    }
                )
    return rows


def targets(results, ratio_rows, counts, checks):
    verdicts = []
    ours = [
        r
        for r in results
        if not r["endpoint"].startswith("Wagtail") and not r["endpoint"].endswith("(previous)")
    ]
    search_names = ("resource search", "search in a country")
    search = [r for r in ours if r["endpoint"] in search_names and r["mode"] == "cold"]
    for row in search:
        if row["c"] == 1:
            verdicts.append(
                (
                    f"uncached {row['endpoint']} p95 at c=1: {row['p95']:.1f} ms "
                    f"(search target: at most {TARGET_SEARCH_P95_MS} ms)",
                    row["p95"] <= TARGET_SEARCH_P95_MS,
                )
            )
    for row in ours:
        if row["mode"] != "cached" and row["c"] == 1:
            verdicts.append(
                (
                    f"uncached {row['endpoint']} p95 at c={row['c']}: {row['p95']:.1f} ms "
                    f"(every endpoint: at most {TARGET_UNCACHED_P95_MS} ms)",
                    row["p95"] <= TARGET_UNCACHED_P95_MS,
                )
            )
    for row in ours:
        if row["mode"] == "cached" and row["c"] > 1:
            verdicts.append(
                (
                    f"cached {row['endpoint']} at c={row['c']}: {row['rps']:.0f} req/s "
                    f"(at least {TARGET_CACHED_RPS})",
                    row["rps"] >= TARGET_CACHED_RPS,
                )
            )
    for row in ratio_rows:
        verdicts.append(
            (
                f"{row['ours']} ({row['mode']}) vs {row['theirs']} at c={row['c']}: "
                f"{row['ratio']:.1f}x req/s (at least {TARGET_WAGTAIL_RATIO:.0f}x)",
                row["ratio"] >= TARGET_WAGTAIL_RATIO,
            )
        )
    for name, by_size in counts.items():
        values = set(by_size.values())
        verdicts.append((f"queries per request, {name}: {by_size}", len(values) == 1))
    for name, ok in checks.items():
        verdicts.append((f"relevance: {name}", ok))
    errors = sum(r["errors"] for r in results)
    verdicts.append((f"errors and non-2xx answers during load: {errors}", errors == 0))
    return verdicts


def print_report(results, ratio_rows, counts, rss, checks, verdicts, previous_rows=()):
    print()
    header = f"{'endpoint':<24} {'mode':<8} {'c':>3} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
    print(header + f" {'req/s':>8} {'errors':>6}")
    print("-" * (len(header) + 16))
    for r in results:
        print(
            f"{r['endpoint']:<24} {r['mode']:<8} {r['c']:>3} {r['p50']:>8.1f} {r['p95']:>8.1f} "
            f"{r['p99']:>8.1f} {r['rps']:>8.0f} {r['errors']:>6}"
        )
    if ratio_rows:
        print("\nOurs against Wagtail API v2 (req/s ratio; p95 ratio, theirs over ours):")
        for r in ratio_rows:
            print(
                f"  {r['ours']:<14} {r['mode']:<7} c={r['c']:<3} vs {r['theirs']:<24} "
                f"{r['ratio']:5.1f}x req/s  {r['p95_ratio']:5.1f}x p95"
            )
    if previous_rows:
        print("\nSearch against the previous implementation (p95 ms; previous over ours):")
        for r in previous_rows:
            print(
                f"  {r['endpoint']:<22} {r['mode']:<8} c={r['c']:<3} ours {r['p95']:7.1f}  "
                f"previous {r['previous_p95']:7.1f}  {r['p95_ratio']:5.1f}x p95  "
                f"{r['rps_ratio']:5.1f}x req/s"
            )
    print("\nSQL queries per request (cold), by page size:")
    for name, by_size in counts.items():
        print(f"  {name:<22} " + "  ".join(f"{k}: {v}" for k, v in by_size.items()))
    print(f"\nMemory per worker (RSS, MiB): {', '.join(f'{m:.0f}' for m in rss)}")
    print("\nTargets:")
    for text, ok in verdicts:
        print(f"  [{'ok' if ok else 'MISS'}] {text}")


def plot(results, path):
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed (pip install -e '.[bench]'): no plot")
        return
    figure, axes = plt.subplots(1, 2, figsize=(12, 4.5), sharey=False)
    for axis, modes, title in (
        (axes[0], ("cold", "uncached"), "Uncached (cold) p95 latency"),
        (axes[1], ("cached", "uncached"), "Cached p95 latency (Wagtail v2 has no cache)"),
    ):
        names = sorted({r["endpoint"] for r in results if r["mode"] in modes})
        for name in names:
            rows = sorted(
                (r for r in results if r["endpoint"] == name and r["mode"] in modes),
                key=lambda r: r["c"],
            )
            style = "--" if name.startswith("Wagtail") else "-"
            axis.plot(
                [r["c"] for r in rows], [r["p95"] for r in rows], style, marker="o", label=name
            )
        axis.set_xscale("log", base=2)
        axis.set_yscale("log")
        axis.set_xlabel("concurrent connections")
        axis.set_ylabel("p95 latency (ms)")
        axis.set_title(title)
        axis.grid(True, which="both", alpha=0.3)
    axes[0].legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    print(f"plot written to {path.relative_to(ROOT)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="roadcase_bench")
    parser.add_argument("--resources", type=int, default=50_000)
    parser.add_argument("--guides", type=int, default=2_000)
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (2 x cores)")
    parser.add_argument("--worker-class", default="sync")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--duration", type=int, default=8, help="seconds per wrk run")
    parser.add_argument("--max-requests", type=int, default=20_000, help="per wrk run")
    parser.add_argument(
        "--only", nargs="+", help="endpoint groups: search listing crisis guides events widget"
    )
    parser.add_argument("--skip-data", action="store_true", help="use the database as it is")
    parser.add_argument(
        "--previous",
        default=PREVIOUS_SEARCH,
        help="git commit whose search to measure side by side ('none': skip)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=6,
        help="rounds of cold searches sent to both implementations in turn (0: none)",
    )
    parser.add_argument(
        "--fresh-previous",
        action="store_true",
        help="copy the database for the previous implementation again",
    )
    parser.add_argument("--access-log", action="store_true")
    parser.add_argument("--no-plot", action="store_true")
    args = parser.parse_args()

    env = {
        **os.environ,
        "DATABASE_URL": database_url(args.db),
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "PYTHONPATH": str(ROOT),
    }
    if "REDIS_URL" not in env and redis_answers():
        # The shared cache production uses with several workers (docs/deployment.md); without
        # it each worker keeps its own cache and "cached" would often be a miss.
        env["REDIS_URL"] = "redis://127.0.0.1:6379/15"
    os.environ.update(
        {k: env[k] for k in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "REDIS_URL") if k in env}
    )
    print(f"cache: {env.get('REDIS_URL', 'files under var/cache (no Redis on 127.0.0.1:6379)')}")
    ensure_wrk()
    if not args.skip_data:
        prepare_database(args, env)
    with_previous = args.previous.lower() != "none"
    if with_previous:
        prepare_previous(args, env)

    import django

    django.setup()
    server_endpoints = [
        e for e in endpoints(previous=with_previous) if not args.only or e.group in args.only
    ]
    server = start_server(args, env)
    previous_server = None
    if with_previous and any(e.twin for e in server_endpoints):
        previous_env = {
            **env,
            "DATABASE_URL": database_url(f"{args.db}_previous"),
            "PYTHONPATH": str(PREVIOUS_DIR),
        }
        previous_server = start_server(
            args,
            previous_env,
            port=args.port + 1,
            cwd=PREVIOUS_DIR,
            log_name="gunicorn-previous.log",
        )
    try:
        warm(args, ["/api/v1/locales/"])
        print(
            f"gunicorn: {args.workers} {args.worker_class} workers x {args.threads} threads, "
            f"http://{HOST}:{args.port}"
        )
        results = measure(args, server_endpoints)
        rss = worker_rss_mb(server)
        checks = relevance(args)
    finally:
        for running in (server, previous_server):
            if running is not None:
                os.killpg(running.pid, 15)
                running.wait(timeout=30)
    counts = query_counts()
    ratio_rows = ratios(results, server_endpoints)
    previous_rows = previous_ratios(results)
    verdicts = targets(results, ratio_rows, counts, checks)
    print_report(results, ratio_rows, counts, rss, checks, verdicts, previous_rows)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    report = {
        "args": vars(args),
        "results": results,
        "ratios": ratio_rows,
        "previous": previous_rows,
        "queries": counts,
        "rss_mb": rss,
        "relevance": checks,
        "targets": [{"target": t, "ok": ok} for t, ok in verdicts],
    }
    (OUT_DIR / "results.json").write_text(json.dumps(report, indent=2))
    if not args.no_plot:
        plot(results, PLOT)


if __name__ == "__main__":
    main()
