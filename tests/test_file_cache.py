"""The demo's file cache (roadcase_site/file_cache.py): culled now and then, still culled."""

import pickle

from django.core.cache.backends.filebased import FileBasedCache

from roadcase_site.file_cache import FileCache


def a_cache(directory, max_entries):
    return FileCache(str(directory), {"OPTIONS": {"MAX_ENTRIES": max_entries, "CULL_FREQUENCY": 2}})


def test_a_write_does_not_list_the_directory_each_time(tmp_path):
    cache = a_cache(tmp_path, max_entries=4)
    for number in range(FileCache.CULL_EVERY - 1):
        cache.set(f"key-{number}", number)

    # Past MAX_ENTRIES, and not culled yet: no write so far looked at the directory.
    assert len(cache._list_cache_files()) == FileCache.CULL_EVERY - 1
    assert cache.get("key-0") == 0


def test_the_cache_is_culled_once_every_cull_every_writes(tmp_path):
    cache = a_cache(tmp_path, max_entries=4)
    for number in range(FileCache.CULL_EVERY):
        cache.set(f"key-{number}", number)

    # The CULL_EVERY-th write culled half the entries (rounded down) before adding its own.
    before = FileCache.CULL_EVERY - 1
    assert len(cache._list_cache_files()) == before - before // 2 + 1
    assert cache.get(f"key-{FileCache.CULL_EVERY - 1}") == FileCache.CULL_EVERY - 1


def test_entries_are_compressed_at_the_fastest_level_and_read_back_by_django(tmp_path):
    value = {"body": b'{"results": []}' * 500}
    a_cache(tmp_path, max_entries=10).set("answer", value)

    [path] = FileCache(str(tmp_path), {})._list_cache_files()
    with open(path, "rb") as file:
        pickle.load(file)  # the expiry
        compressed = file.read()
    # zlib's header says how hard it squeezed: FLEVEL 0 is "fastest" (level 1).
    assert compressed[1] >> 6 == 0
    assert FileBasedCache(str(tmp_path), {}).get("answer") == value
