"""How a run ends on a signal (see docs/robustness.md#signals): SIGTERM and SIGHUP end the command with
128 + the signal's number once its workers are stopped and its temporary files removed; a worker process
ends with the command whatever ends it: stopped by it, or on its death (a pipe it watches closes, and on
Linux the kernel sends it SIGTERM as well)."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from validator.workspace import temporaries

# The signals that end a run as SIGINT does (the parent stops the workers), besides SIGINT itself.
ENDING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
_PR_SET_PDEATHSIG = 1


class Terminated(BaseException):
    """The run was ended by a signal (SIGTERM or SIGHUP): not an Exception, so that no handler of errors
    takes it for one."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


def _raise_terminated(signum: int, _frame: FrameType | None) -> None:
    def end() -> None:
        raise Terminated(signum)

    temporaries.when_safe(end)


def on_termination() -> dict[int, Any]:
    """In the command's process: SIGTERM and SIGHUP raise Terminated (once a rename under way is done).
    The handlers replaced, for `restore`; nothing outside the main thread, where none can be set."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    previous = {}
    for signum in ENDING:
        try:
            previous[signum] = signal.signal(signum, _raise_terminated)
        except (OSError, ValueError):
            continue
    return previous


def restore(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler if handler is not None else signal.SIG_DFL)


def blocking(how: int) -> None:
    """Block (or unblock) the signals that end a run while workers are forked: a worker starts with them
    blocked, and unblocks them once its own handlers are set."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(how, {signal.SIGINT, *ENDING})


def start_worker(parent: int, watched: int, unwatched: int) -> None:
    """A worker's first step: the parent alone handles Ctrl-C and SIGHUP (and stops the workers); SIGTERM
    removes the worker's temporary file and ends it; the worker ends when its parent does."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _end_worker)
    if unwatched >= 0:  # a forked worker holds both ends (a spawned one neither: -1)
        os.close(unwatched)  # the parent's end of the pipe: only the parent may hold it open
    _with_parent(parent, watched)
    blocking(signal.SIG_UNBLOCK)


def _end_worker(signum: int, _frame: FrameType | None) -> None:
    def end() -> None:
        temporaries.remove_all()
        os._exit(128 + signum)

    temporaries.when_safe(end)


def _with_parent(parent: int, watched: int) -> None:
    """Be sent SIGTERM when the parent dies: by the kernel on Linux (PR_SET_PDEATHSIG), and everywhere by a
    thread that waits for the end of a pipe only the parent holds open."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the pipe still tells
    if watched >= 0:
        threading.Thread(target=_watch, args=(watched,), name="parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the watch began
        os.kill(os.getpid(), signal.SIGTERM)


def _watch(watched: int) -> None:
    try:
        while os.read(watched, 1):
            pass
    except OSError:
        pass
    os.kill(os.getpid(), signal.SIGTERM)


def parent_pipe() -> tuple[int, int, Callable[[], None]]:
    """The pipe the workers watch: its two ends, and what closes them."""
    watched, unwatched = os.pipe()

    def close() -> None:
        for fd in (watched, unwatched):
            with contextlib.suppress(OSError):
                os.close(fd)

    return watched, unwatched, close
