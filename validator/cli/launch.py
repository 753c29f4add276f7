"""How the `jdcloud-preflight` process starts and ends (the console script and `python -m validator`).

A run is short and makes most of its objects once, at start-up, to keep them to the end: the cyclic garbage
collector, at its default pace, walks them again and again while they are created, and the interpreter's
tear-down frees them one by one after the last byte is written. So the collector runs at a slower pace,
and a run that has written and flushed everything leaves at once (docs/performance.md#start-and-exit)."""

from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import NoReturn

# Collect the youngest generation after this many new container objects instead of 700: a run on one small
# file then collects 8 times instead of 55, and the collector still bounds cyclic garbage.
YOUNG_THRESHOLD = 100_000


def run(argv: Sequence[str] | None = None) -> NoReturn:
    """Run the command line as a process: its exit code, with nothing of its output lost."""
    gc.set_threshold(YOUNG_THRESHOLD, *gc.get_threshold()[1:])
    from validator.cli.main import main  # after the collector's pace is set: this imports the command

    leave(main, argv)


def leave(main: Callable[[Sequence[str] | None], int], argv: Sequence[str] | None = None) -> NoReturn:
    """Run `main` and exit with its code. After a run that ended normally, with nothing else running, the
    process ends without the interpreter's tear-down, once its streams are flushed: there is nothing left for
    the tear-down to do but free memory. Anything else (an exception, a thread still running) exits the
    ordinary way, which waits for threads and runs every exit handler."""
    code = main(argv)
    if threading.active_count() == 1 and _flushed():
        os._exit(code)
    sys.exit(code)


def _flushed() -> bool:
    """Flush standard output and error; whether both are flushed (or absent). A stream that cannot be flushed
    is left to the ordinary exit, which reports it as Python does."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        try:
            stream.flush()
        except (OSError, ValueError):
            return False
    return True
