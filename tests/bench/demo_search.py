"""Search on the demo hub with SQLite, the README's default (issue 19: p95 at most 20 ms).

Not collected by pytest. With the bench settings (DEBUG off, no throttling), serves cold
searches (the response cache retired before each, as a publish does) through Django's test
client, in process, one at a time: the widget's hint examples in several locales, a synonym, a
typo and a crisis phrase, several rounds in turn.

    .venv/bin/python tests/bench/demo_search.py

The database (``var/demo-bench.sqlite3`` unless ``DATABASE_URL`` says otherwise) is migrated
and the demo hub loaded first when it has no resources.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.bench.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'demo-bench.sqlite3'}")

TARGET_P95_MS = 20
QUERIES = [
    ("en", "anxiety"),
    ("en", "burnout"),
    ("en", "grief"),
    ("en", "stage fright"),
    ("en", "samaritns"),
    ("en", "suicidal&country=GB"),
    ("es", "ansiedad"),
    ("fr", "épuisement"),
    ("de", "Trauer"),
    ("pt-br", "luto"),
    ("ja", "不安"),
    ("ar", "القلق"),
    ("en", "money&country=US"),
]


def main(rounds=20):
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from api.caching import bump_generation
    from cms.models import Resource

    call_command("migrate", verbosity=0)
    if not Resource.objects.exists():
        call_command("load_demo_hub", verbosity=0)
    client = Client()
    timings = {query: [] for query in QUERIES}
    for query in QUERIES:  # one request each first: a process looks some things up once
        client.get(f"/api/v1/resources/?locale={query[0]}&q={query[1]}")
    for _round in range(rounds):
        for query in QUERIES:
            bump_generation()
            started = time.perf_counter()
            response = client.get(f"/api/v1/resources/?locale={query[0]}&q={query[1]}")
            timings[query].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200 and response.json()["count"], query
    every = sorted(t for values in timings.values() for t in values)
    p95 = every[int(0.95 * (len(every) - 1))]
    for (locale, text), values in timings.items():
        print(f"  {locale:<6} {text:<24} median {statistics.median(values):6.1f} ms")
    print(
        f"demo hub on SQLite, {len(every)} cold searches: p50 {statistics.median(every):.1f} ms, "
        f"p95 {p95:.1f} ms (target: at most {TARGET_P95_MS} ms)"
    )


if __name__ == "__main__":
    main()
