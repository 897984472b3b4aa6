"""The one way the speed layer forks: a pool of workers that inherit the build's whole state.

The job (what the workers need: config, files, environment...) is set just before forking and
inherited by the workers (fork start method), so nothing is pickled in; the parent forgets it
right after. `in_worker()` tells a worker from the main process.
"""

from __future__ import annotations

import gc
import multiprocessing

_JOB: tuple | None = None


def in_worker() -> bool:
    """True inside a forked worker (which runs the plugins' page events itself)."""
    return _JOB is not None


def job() -> tuple:
    """What this worker was forked with (see `start_forked`)."""
    assert _JOB is not None, "only a forked worker has a job"
    return _JOB


def can_fork() -> bool:
    """Workers inherit the build's state by forking: not on Windows."""
    return "fork" in multiprocessing.get_all_start_methods()


def start_forked(function, chunks: list[list[str]], helpers: int, work: tuple) -> tuple[object, dict[str, object]]:
    """A pool of `helpers` forked processes, each holding `work` as its job, working through
    `chunks` in order; and for each item of a chunk the (asynchronous) result of its chunk."""
    global _JOB
    _JOB = work
    gc.freeze()  # fewer copy-on-write page copies in the workers
    try:
        pool = multiprocessing.get_context("fork").Pool(helpers)
        pending = {}
        for chunk in chunks:
            result = pool.apply_async(function, (chunk,))
            pending.update(dict.fromkeys(chunk, result))
        pool.close()
    finally:
        gc.unfreeze()
        _JOB = None
    return pool, pending
