"""Checking many files in worker processes, in order, with Ctrl-C stopping every worker."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TypeVar

Outcome = TypeVar("Outcome")


# Below this many files a process pool costs more than it saves.
PARALLEL_MIN_FILES = 64


def workers(jobs: int, files: int) -> int:
    """The processes that can help: no more than asked for, than there are cores, or than files."""
    return max(1, min(jobs, os.cpu_count() or 1, files))


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the parent alone handles it (and stops the workers). The
    # worker was forked with SIGINT blocked (see run_all), so one sent before this line is dropped here.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _interrupts(signal.SIG_UNBLOCK)


def _interrupts(how: int) -> None:
    import signal  # only runs that start workers

    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(how, {signal.SIGINT})


def stop_workers() -> None:
    """End every worker process this run started (after Ctrl-C), so that none outlives it."""
    if "multiprocessing" not in sys.modules:
        return
    import multiprocessing

    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join(timeout=5)


def _check_all(check: Callable[[str], Outcome], paths: list[str]) -> list[Outcome]:
    return [check(path) for path in paths]


def run_all(check: Callable[[str], Outcome], files: list[str], jobs: int) -> list[Outcome]:
    """`check` over `files`, in order: in `jobs` processes when there are enough files to pay for them."""
    jobs = workers(jobs, len(files))
    if jobs <= 1 or len(files) < PARALLEL_MIN_FILES:
        return [check(path) for path in files]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: the workers start with everything already imported and compiled.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    import signal
    from concurrent.futures.process import BrokenProcessPool

    size = max(1, len(files) // (jobs * 8))
    chunks = [files[start : start + size] for start in range(0, len(files), size)]
    try:
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_ignore_interrupts)
        try:
            # Futures of our own rather than pool.map: map cancels its futures when interrupted, and the
            # pool's thread then fails on them with a traceback of its own once the workers are stopped.
            _interrupts(signal.SIG_BLOCK)  # until the workers are forked and ignore Ctrl-C themselves
            try:
                futures = [pool.submit(_check_all, check, chunk) for chunk in chunks]
            finally:
                _interrupts(signal.SIG_UNBLOCK)
            outcomes = [outcome for future in futures for outcome in future.result()]
        except BaseException:
            # Ctrl-C or a broken pool: stop now rather than wait for the queued work (shutdown's default).
            stop_workers()
            pool.shutdown(wait=False)
            raise
        pool.shutdown()
        return outcomes
    except (OSError, NotImplementedError, BrokenProcessPool):
        # No process pool here (a sandbox without semaphores, a killed worker): check serially instead.
        return [check(path) for path in files]
