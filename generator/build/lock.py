"""One build at a time in a checkout, started from a clean slate (Paths.lock_file, Paths.transient)."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil

from generator.base.paths import Paths
from generator.base.problems import GeneratorError


@contextlib.contextmanager
def exclusive(paths: Paths):
    """Run one build at a time in a checkout, and start it from a clean slate.

    Holds an exclusive lock (flock) on Paths.lock_file for the whole build, with the holder's process id written
    in it; a second build started meanwhile stops at once and says which process holds it. The operating system
    releases the lock when its process ends, killed or not, so no stale lock is left to remove by hand.
    Then clears what a build killed halfway may have left (Paths.transient): staging folders, the old site.
    """
    with open(paths.lock_file, "a+", encoding="ascii") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise
            lock.seek(0)
            holder = lock.read().strip() or "unknown"
            raise GeneratorError(
                f"another build is running in this checkout (pid {holder}); wait for it to finish, then build again"
            ) from None
        lock.seek(0)
        lock.truncate()
        lock.write(f"{os.getpid()}\n")
        lock.flush()
        try:
            clear_leftovers(paths)
            yield
        finally:
            lock.seek(0)
            lock.truncate()
            fcntl.flock(lock, fcntl.LOCK_UN)


def clear_leftovers(paths: Paths) -> None:
    """Remove what a build killed halfway left: its staging folders and the previous site. If it was killed in the
    middle of the swap, after site/ moved aside and before the new one took its place, the previous site returns."""
    if not paths.site_dir.exists() and paths.old_site_dir.is_dir():
        os.replace(paths.old_site_dir, paths.site_dir)
    for path in paths.transient:
        shutil.rmtree(path, ignore_errors=True)
