"""Per-item work in a pool of processes (``workers``: 1 = in this process).

A plain map: ``fn`` runs on each chunk in a worker and its results come back in the order of the
chunks, so what a caller builds from them is the same with any number of workers. Workers start by
fork where the platform has it (they share the parent's imported modules; nothing is kept in
them between maps) and by spawn elsewhere.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

MIN_ITEMS = 64  # fewer items than this: a pool costs more than it saves
CHUNK = 128  # items per task


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def chunks(items: list, size: int = CHUNK) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def pool_map(fn, tasks: list, workers: int) -> list:
    """``[fn(task) for task in tasks]``, in ``workers`` processes when it pays."""
    if workers <= 1 or len(tasks) <= 1:
        return [fn(task) for task in tasks]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(min(workers, len(tasks)), mp_context=multiprocessing.get_context(method)) as pool:
        return list(pool.map(fn, tasks))
