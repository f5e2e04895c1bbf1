"""Search on the demo hub with SQLite, the README's default (issue 19: p95 at most 20 ms).

Not collected by pytest. With the bench settings (DEBUG off, no throttling), serves cold
searches (the response cache retired before each, as a publish does) through Django's test
client, in process, one at a time: the widget's hint examples in several locales, a synonym, a
typo and a crisis phrase, several rounds in turn.

Side by side with a previous version (``--previous COMMIT``, ``none`` to skip) on the same
database: that commit's code is extracted with ``git archive`` into
``var/bench/demo-previous/``, and each version runs in a process of its own, in turns
(``--turns``, ``--rounds`` rounds a turn), so both see the same moments of a noisy machine.

    .venv/bin/python tests/bench/demo_search.py
    .venv/bin/python tests/bench/demo_search.py --previous none --rounds 20 --turns 1

The database (``var/demo-bench.sqlite3`` unless ``DATABASE_URL`` says otherwise) is migrated
and the demo hub loaded first when it has no resources.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PREVIOUS_DIR = ROOT / "var" / "bench" / "demo-previous"
# The last commit before the search's statements were composed as SQL text (issue 19).
PREVIOUS = "5cd5c84"
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


def measure(code, rounds, prepare):
    """In this process, with the code of the tree ``code``: ``{query: [ms, …]}``."""
    if code != ROOT:
        # This checkout is installed in the venv as an editable package: the other tree must
        # import its own modules, not this checkout's.
        sys.meta_path[:] = [
            finder
            for finder in sys.meta_path
            if "editable" not in getattr(finder, "__name__", "").lower()
        ]
    sys.path.insert(0, str(code))
    os.chdir(code)
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from api.caching import bump_generation

    if prepare:
        from cms.models import Resource

        call_command("migrate", verbosity=0)
        if not Resource.objects.exists():
            call_command("load_demo_hub", verbosity=0)
    client = Client()
    timings = {f"{locale} {text}": [] for locale, text in QUERIES}
    for locale, text in QUERIES:  # one request each first: a process looks some things up once
        client.get(f"/api/v1/resources/?locale={locale}&q={text}")
    for _round in range(rounds):
        for locale, text in QUERIES:
            bump_generation()
            started = time.perf_counter()
            response = client.get(f"/api/v1/resources/?locale={locale}&q={text}")
            timings[f"{locale} {text}"].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200 and response.json()["count"], (locale, text)
    return timings


def previous_tree(commit):
    # Imported here, in the driver: a worker must import the package `tests` from its own tree.
    sys.path.insert(0, str(ROOT))
    from tests.bench.previous import extract

    if extract(commit, PREVIOUS_DIR):
        # Its compiled catalogs, as `make messages` would leave them (the API's labels use them).
        subprocess.run(
            [sys.executable, "manage.py", "compile_catalogs"],
            cwd=PREVIOUS_DIR,
            env={**os.environ, "PYTHONPATH": str(PREVIOUS_DIR)},
            check=True,
            capture_output=True,
        )
    return PREVIOUS_DIR


def run_turn(code, rounds, *, prepare=False):
    command = [sys.executable, __file__, "--worker", str(code), "--rounds", str(rounds)]
    if prepare:
        command.append("--prepare")
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output.splitlines()[-1])


def summary(timings):
    every = sorted(t for values in timings.values() for t in values)
    return statistics.median(every), every[int(0.95 * (len(every) - 1))], len(every)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--previous", default=PREVIOUS, help="a git commit, or none")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of searches a turn")
    parser.add_argument("--turns", type=int, default=4)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.bench.settings")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'demo-bench.sqlite3'}")
    if args.worker:
        print(json.dumps(measure(Path(args.worker), args.rounds, args.prepare)))
        return

    versions = {"this": ROOT}
    if args.previous.lower() != "none":
        versions[f"previous ({args.previous})"] = previous_tree(args.previous)
    run_turn(ROOT, 0, prepare=True)
    timings = {name: {} for name in versions}
    for _turn in range(args.turns):
        for name, code in versions.items():
            for query, values in run_turn(code, args.rounds).items():
                timings[name].setdefault(query, []).extend(values)

    names = list(versions)
    print(f"{'median ms':<28}" + "".join(f"{name:>22}" for name in names))
    for query in timings["this"]:
        medians = [statistics.median(timings[name][query]) for name in names]
        print(f"  {query:<26}" + "".join(f"{value:>22.1f}" for value in medians))
    for name in names:
        p50, p95, count = summary(timings[name])
        print(
            f"demo hub on SQLite, {name}: {count} cold searches, p50 {p50:.1f} ms, "
            f"p95 {p95:.1f} ms (target: at most {TARGET_P95_MS} ms)"
        )
    if len(names) == 2:
        (this_p50, this_p95, _), (old_p50, old_p95, _) = (summary(timings[n]) for n in names)
        print(f"ratio this / previous: p50 {this_p50 / old_p50:.2f}, p95 {this_p95 / old_p95:.2f}")


if __name__ == "__main__":
    main()
