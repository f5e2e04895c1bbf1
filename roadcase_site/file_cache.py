"""The cache of a hub without Redis (`make demo`): Django's file cache, culled now and then.

Django's ``FileBasedCache`` lists its whole directory on every write to decide whether it is
full. The API writes each answer it renders (and the crisis path's last good copy), and the
entries of an older content generation stay until they expire, so the cost of every answer grew
with the directory: about 1 ms a write at 1,000 files, 9 ms at 9,000. Here one write in
``CULL_EVERY`` looks; the directory may exceed ``MAX_ENTRIES`` by that many files in between.
"""

import threading

from django.core.cache.backends.filebased import FileBasedCache


class FileCache(FileBasedCache):
    CULL_EVERY = 64

    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._writes = 0
        self._writes_lock = threading.Lock()

    def _cull(self):
        with self._writes_lock:
            self._writes += 1
            due = self._writes % self.CULL_EVERY == 0
        if due:
            super()._cull()
