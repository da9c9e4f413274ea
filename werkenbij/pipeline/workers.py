"""Run one task over many items, in worker processes when there are enough of them.

On Linux the workers are forked, so they start with everything the main process has: the
content read so far, the compiled templates, the Markdown converted while reading. The task is
handed to each worker when it starts; only items and results travel between processes.

Windows has no fork, and on macOS it is unsafe (system libraries may run threads), so there the
workers are spawned: each is a new Python that imports the project and gets the task pickled
once, when it starts. A task that holds compiled templates rebuilds them from their sources
then (see SiteRenderer.__reduce__). A new Python costs far more than a fork, so a spawned pool
only starts for more items.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

# Fewer items than this are not worth starting workers for. A forked worker starts in a few
# milliseconds; a spawned one imports the project and compiles the templates first, for each of
# the three stages. Measured on Linux with 2 cores: 192 vacancies still built faster in one
# process than in spawned workers (8 s against 17 s), so spawn waits for a much larger site.
IN_PROCESS_BELOW = {"fork": 24, "spawn": 400}
CHUNK = 8              # items handed to a worker at a time

_task: Callable[..., Any] | None = None  # in a worker process: the task it was started with


def run_all(task: Callable[..., Any], items: Sequence[tuple], jobs: int) -> Iterator[Any]:
    """`task(*item)` for each item, in order; in `jobs` worker processes when that pays off."""
    method = start_method()
    if jobs <= 1 or len(items) < IN_PROCESS_BELOW[method]:
        yield from (task(*item) for item in items)
        return
    # A worker's garbage collector would touch every object it inherited and so copy the whole
    # parent; frozen objects are left alone (the CPython docs' advice for forked workers).
    gc.freeze()
    pool = multiprocessing.get_context(method).Pool(jobs, initializer=_start, initargs=(task,))
    try:
        yield from pool.imap(_run, items, chunksize=CHUNK)
        # Every result is in: the workers end by themselves. (Pool's `with` terminates them
        # instead, which can leave a worker waiting for a queue lock for ever.)
        pool.close()
    except BaseException:  # a failed task, Ctrl-C, or a caller that stopped early
        pool.terminate()
        raise
    finally:
        pool.join()
        gc.unfreeze()


def start_method() -> str:
    """"fork" where the platform has it and it is safe (Linux), else "spawn" (Windows, macOS)."""
    if sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def remembered(task: Callable[..., Any], items: Sequence[tuple], jobs: int,
               memo: dict | None) -> Iterator[Any]:
    """`run_all`, but an outcome found in `memo` is not worked out again. The memo is keyed by
    the task, then by the item: together, the whole input (the task is a frozen value or an
    object that does not change). It keeps only what this call asked for: one site. No memo:
    `run_all`."""
    if memo is None:
        yield from run_all(task, items, jobs)
        return
    known = memo.get(task, {})
    missing = [item for item in dict.fromkeys(items) if item not in known]
    known.update(zip(missing, run_all(task, missing, jobs), strict=True))
    memo.clear()
    memo[task] = {item: known[item] for item in items}
    yield from (memo[task][item] for item in items)


def _start(task: Callable[..., Any]) -> None:
    global _task
    _task = task
    # Ctrl-C and SIGTERM are the main process's to handle: it stops the workers and leaves
    # output/ as it was.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _run(item: tuple) -> Any:
    assert _task is not None
    return _task(*item)


def default_jobs() -> int:
    """One worker per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
