"""Worker processes forked from the build's own, which share its memory of the package instead of receiving a copy.

Python's cycle collector writes into every object it examines. A forked process that ran a full collection would
examine every object it inherited, and so copy every page of them (each worker its own copy of the package) and
take seconds doing it. Before forking, the objects that exist are moved out of the collector's reach
(``gc.freeze``): they are still freed when nothing refers to them, but no collection examines them again, in the
workers or in the build's own process.
"""

from __future__ import annotations

import gc
import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` forked processes; the objects of this one are frozen first, garbage collected."""
    gc.collect()
    gc.freeze()
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
