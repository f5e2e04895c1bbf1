"""The cache of a hub without Redis (`make demo`): Django's file cache, culled now and then.

Django's ``FileBasedCache`` lists its whole directory on every write to decide whether it is
full. The API writes each answer it renders (and the crisis path's last good copy), and the
entries of an older content generation stay until they expire, so the cost of every answer grew
with the directory: about 1 ms a write at 1,000 files, 9 ms at 9,000. Here one write in
``CULL_EVERY`` looks; the directory may exceed ``MAX_ENTRIES`` by that many files in between.

It also compresses each entry at zlib's fastest level rather than its default: an API answer is
cached with its gzipped copy beside it, and squeezing the pair again at level 6 cost 0.7 ms of
every uncached answer (0.26 ms at level 1; measured on a 44 kB search answer). Django reads
either back alike.
"""

import pickle
import threading
import zlib

from django.core.cache.backends.filebased import FileBasedCache


class FileCache(FileBasedCache):
    CULL_EVERY = 64
    COMPRESSION_LEVEL = 1

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

    def _write_content(self, file, timeout, value):
        expiry = self.get_backend_timeout(timeout)
        file.write(pickle.dumps(expiry, self.pickle_protocol))
        file.write(zlib.compress(pickle.dumps(value, self.pickle_protocol), self.COMPRESSION_LEVEL))
