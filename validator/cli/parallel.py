"""Checking many files in worker processes, in order; the workers end with the command whatever ends it
(Ctrl-C, SIGTERM, SIGHUP, the command's death: see validator/cli/signals.py)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import TypeVar, cast

Outcome = TypeVar("Outcome")


# Below this many files a process pool costs more than it saves: on the project's 2-core machine two
# processes were slower at 100 and 200 files and faster from 400 (docs/performance.md, the pool table).
PARALLEL_MIN_FILES = 256
# The most files sent to a worker at once: about 40 ms of checking (docs/performance.md).
_BATCH = 100


def workers(jobs: int, files: int) -> int:
    """The processes that can help: no more than asked for, than there are cores, or than files."""
    return max(1, min(jobs, os.cpu_count() or 1, files))


def stop_workers() -> None:
    """End every worker process this run started (after Ctrl-C or SIGTERM), so that none outlives it. A
    worker sent SIGTERM removes its temporary file first."""
    if "multiprocessing" not in sys.modules:
        return
    import multiprocessing

    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join(timeout=5)
    for child in children:
        if child.is_alive():
            child.kill()
            child.join(timeout=5)


def _release_results(results: object) -> None:
    """Close this process's end of the pool's result pipe once the workers are stopped: a worker stopped
    half-way through sending a result leaves the pool's thread reading the rest of the message, which only the
    end of the pipe interrupts (otherwise the interpreter waits for that thread at exit, for ever)."""
    writer = getattr(results, "_writer", None)
    close = getattr(writer, "close", None)
    if callable(close):
        with contextlib.suppress(OSError):
            close()


# A worker's check and the run's files, set once when it starts (handed over by fork, or pickled once per
# worker where processes are spawned), so that a batch of work is sent as two numbers.
_work: list[tuple[Callable[[str], object], list[str]]] = []


def _start_worker(check: Callable[[str], object], files: list[str], *signal_args: int) -> None:
    from validator.cli import signals

    _work[:] = [(check, files)]
    signals.start_worker(*signal_args)


def _check_range(start: int, stop: int) -> list[object]:
    check, files = _work[0]
    return [check(path) for path in files[start:stop]]


def run_all(check: Callable[[str], Outcome], files: list[str], jobs: int) -> list[Outcome]:
    """`check` over `files`, in order: in `jobs` processes when there are enough files to pay for them."""
    jobs = workers(jobs, len(files))
    if jobs <= 1 or len(files) < PARALLEL_MIN_FILES:
        return [check(path) for path in files]
    import multiprocessing
    import signal
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from validator.cli import signals

    # fork: the workers start with everything already imported and compiled. The first file is checked
    # here, before they fork, so that they also start with jsonschema imported, the validator built and
    # the rules collected: work each of them would otherwise do again (docs/performance.md).
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    first, rest = check(files[0]), files[1:]
    # Batches small enough that the workers end together (the last batch is the one core's tail), large
    # enough that sending them costs nothing next to checking them.
    size = max(1, min(_BATCH, len(files) // (jobs * 8)))
    batches = [(start, min(start + size, len(files))) for start in range(1, len(files), size)]
    try:
        watched, unwatched, close_pipe = signals.parent_pipe()
        try:
            pool = ProcessPoolExecutor(
                max_workers=jobs,
                mp_context=context,
                initializer=_start_worker,
                # Only a forked worker inherits the pipe's ends; a spawned one goes without the watch.
                initargs=(
                    check,
                    files,
                    os.getpid(),
                    *((watched, unwatched) if context.get_start_method() == "fork" else (-1, -1)),
                ),
            )
            ended = True
            try:
                # Futures of our own rather than pool.map: map cancels its futures when interrupted, and the
                # pool's thread then fails on them with a traceback of its own once the workers are stopped.
                signals.blocking(signal.SIG_BLOCK)  # until the workers are forked and have their handlers
                try:
                    futures = [pool.submit(_check_range, start, stop) for start, stop in batches]
                finally:
                    signals.blocking(signal.SIG_UNBLOCK)
                outcomes = [first, *(cast(Outcome, outcome) for future in futures for outcome in future.result())]
                ended = False
            finally:
                if ended:
                    # A signal or a broken pool: stop now rather than wait for the queued work.
                    results = getattr(pool, "_result_queue", None)  # shutdown forgets it
                    stop_workers()
                    pool.shutdown(wait=False)
                    _release_results(results)
                else:
                    pool.shutdown()
        finally:
            close_pipe()
        return outcomes
    except (OSError, NotImplementedError, BrokenProcessPool):
        # No process pool here (a sandbox without semaphores, a killed worker): check serially instead.
        return [first, *(check(path) for path in rest)]
