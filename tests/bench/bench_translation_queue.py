"""Benchmark: the translation queue and dashboard with 10,000 queue items.

Not collected by pytest (no ``test_`` prefix). Run it against the database you care about:

    .venv/bin/python tests/bench/bench_translation_queue.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/roadcase_l10n \
        .venv/bin/python tests/bench/bench_translation_queue.py

It creates a throwaway test database (``test_<name>``), publishes a few real resources through
the normal pipeline (signals → tasks → queue), adds synthetic queue rows up to ``--items``,
then times each screen (median of ``--repeat`` requests through Django's test client, full
middleware and template rendering) and counts its queries. It prints a table.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roadcase_site.settings.test")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    import django

    django.setup()
    from django.test.runner import DiscoverRunner
    from django.test.utils import setup_test_environment

    setup_test_environment()
    runner = DiscoverRunner(verbosity=0, interactive=False)
    old_config = runner.setup_databases()
    try:
        run(args)
    finally:
        runner.teardown_databases(old_config)


def timed(repeat, function):
    """(median milliseconds, queries of one run, milliseconds those queries took)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    function()  # warm up caches (content types, locales, templates)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        function()
    sql_ms = sum(float(query["time"]) for query in queries.captured_queries) * 1000
    return statistics.median(times), len(queries), sql_ms


def run(args):
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone
    from wagtail.models import Locale
    from wagtail_localize.models import StringSegment, StringTranslation, TranslatableObject

    from cms.localization import services
    from cms.models import Resource, TaskStatus, TranslationTask
    from tests.factories import make_resource

    random.seed(5)
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }
    targets = [locale for code, locale in locales.items() if code != "en"]
    users = get_user_model()
    coordinator = users.objects.create_superuser("coordinator", "c@example.org", "pw")
    translators = [
        users.objects.create_user(f"translator{n}", f"t{n}@example.org", "pw") for n in range(5)
    ]
    french_group = services.translator_group_ensure(locale=locales["fr"])
    translators[0].groups.add(french_group)

    # Real content through the real pipeline (publish → signal → task → queue).
    real = []
    publish_times = []
    for number in range(20):
        start = time.perf_counter()
        real.append(
            make_resource(name=f"Line {number}", summary="Talk to us any time, day or night")
        )
        publish_times.append((time.perf_counter() - start) * 1000)

    # Synthetic rows up to --items (the queue reads only its own table).
    content_type = ContentType.objects.get_for_model(Resource)
    missing = max(0, args.items - TranslationTask.objects.count())
    objects = TranslatableObject.objects.bulk_create(
        [
            TranslatableObject(translation_key=uuid.uuid4(), content_type=content_type)
            for _ in range(missing // len(targets) + 1)
        ]
    )
    statuses = (
        [TaskStatus.NEW] * 5
        + [TaskStatus.IN_PROGRESS] * 3
        + [TaskStatus.STALE]
        + [TaskStatus.DONE] * 2
    )
    today = timezone.localdate()
    rows = []
    for index in range(missing):
        obj = objects[index // len(targets)]
        locale = targets[index % len(targets)]
        words = random.randint(5, 900)
        status = random.choice(statuses)
        base = random.choice([100, 90, 50, 50, 40, 30, 20])
        rows.append(
            TranslationTask(
                object=obj,
                content_type=content_type,
                source_locale=locales["en"],
                target_locale=locale,
                source_object_id=str(index),
                object_repr=f"Synthetic item {index}",
                kind=random.choice(
                    ["crisis_line", "helpline", "therapy", "topic", "guide", "event"]
                ),
                status=status,
                base_priority=base,
                priority=base,
                segments_total=20,
                segments_translated=0 if status == TaskStatus.NEW else random.randint(0, 20),
                words_total=words,
                words_untranslated=0 if status == TaskStatus.DONE else random.randint(1, words),
                percent=random.randint(0, 99),
                due_date=today + timedelta(days=random.randint(-10, 90)) if index % 3 else None,
                assignee=random.choice([None, None, *translators]),
                needs_work_since=timezone.now() - timedelta(hours=random.randint(1, 2000)),
                changed_strings=[{"path": "summary", "before": "a", "after": "b"}]
                if status == TaskStatus.STALE
                else [],
            )
        )
    TranslationTask.objects.bulk_create(rows, batch_size=2000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    total = TranslationTask.objects.count()

    editor_client, translator_client = Client(), Client()
    editor_client.force_login(coordinator)
    translator_client.force_login(translators[0])
    queue = reverse("roadcase_localization:queue")
    pages = -(-TranslationTask.objects.exclude(status=TaskStatus.DONE).count() // 50)
    screens = [
        ("queue, priority (editor)", editor_client, queue),
        ("queue, by due date", editor_client, f"{queue}?ordering=due"),
        ("queue, locale=fr, stale", editor_client, f"{queue}?locale=fr&status=stale"),
        ("queue, kind=crisis_line", editor_client, f"{queue}?kind=crisis_line"),
        ("queue, search 'item 99'", editor_client, f"{queue}?q=item+99"),
        (f"queue, last page ({pages})", editor_client, f"{queue}?p={pages}"),
        ("queue, translator (fr only)", translator_client, queue),
        ("queue, assigned to me", translator_client, f"{queue}?assigned=me"),
        ("dashboard (editor)", editor_client, reverse("roadcase_localization:dashboard")),
    ]
    results = []
    for label, client, url in screens:

        def request(client=client, url=url):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        results.append((label, *timed(args.repeat, request)))

    # Keeping progress current: one translated string → one recount (what the signal's task does).
    resource = real[0]
    segment = StringSegment.objects.filter(source__object_id=resource.translation_key).first()

    def translate_one_string():
        StringTranslation.objects.update_or_create(
            translation_of_id=segment.string_id,
            locale=locales["fr"],
            context_id=segment.context_id,
            defaults={"data": f"Ligne {time.perf_counter()}", "translation_type": "manual"},
        )
        services.translation_tasks_refresh(
            object_id=resource.translation_key, locale_ids=[locales["fr"].pk]
        )

    results.append(("string saved → item recount", *timed(args.repeat, translate_one_string)))

    def republish():
        item = Resource.objects.get(pk=resource.pk)
        item.summary = f"Talk to us {time.perf_counter()}"
        item.save()
        services.translation_source_refresh(instance=item)

    results.append(("source published → 7 items refreshed", *timed(args.repeat, republish)))

    print()
    print(
        f"Translation queue benchmark — {connection.vendor}, {total:,} queue items "
        f"({total - TranslationTask.objects.filter(status=TaskStatus.DONE).count():,} open), "
        f"median of {args.repeat}"
    )
    print(f"{'screen / operation':<40} {'ms':>9} {'queries':>8} {'SQL ms':>8}")
    print("-" * 68)
    for label, ms, queries, sql_ms in results:
        print(f"{label:<40} {ms:>9.1f} {queries:>8} {sql_ms:>8.1f}")
    print(f"{'make_resource + publish + queue (x20)':<40} {statistics.median(publish_times):>9.1f}")


if __name__ == "__main__":
    main()
