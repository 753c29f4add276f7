"""Writing to the terminal or pipe: always UTF-8, whatever the locale, and a failed write is an error the
command line can report in one line (a reader that went away ends the run quietly)."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from validator.output import one_line


class OutputError(Exception):
    """The report could not be written (standard output closed, disk full, ...)."""


def _bytes_stream(stream: TextIO) -> object:
    return getattr(stream, "buffer", None)


def write(text: str) -> None:
    """Write a report to standard output as UTF-8, flushed; raises OutputError when that fails.

    A closed pipe (`| head`) is not a failure: the reader has what it wanted, so the rest is dropped."""
    # The formatters leave nothing unencodable; backslashreplace is the last guard, never a crash.
    write_bytes(text.encode("utf-8", "backslashreplace"))


def write_bytes(data: bytes) -> None:
    """Write bytes to standard output as they are (a fixed request on its way through a pipe), flushed;
    raises OutputError as `write` does."""
    stream = sys.stdout
    if stream is None:  # started with standard output closed
        raise OutputError("standard output is closed")
    try:
        stream.flush()
        raw = _bytes_stream(stream)
        if raw is None:  # a text-only stream (an embedding program's StringIO)
            stream.write(data.decode("utf-8", "replace"))
        else:
            raw.write(data)  # type: ignore[attr-defined]
            raw.flush()  # type: ignore[attr-defined]
    except BrokenPipeError:
        discard_stdout()
    except (OSError, ValueError) as exc:  # ValueError: the stream was closed by the embedding program
        discard_stdout()
        raise OutputError(getattr(exc, "strerror", None) or str(exc)) from None


def discard_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush cannot fail again
    and print a traceback of its own."""
    try:
        fd = sys.stdout.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except (AttributeError, OSError, ValueError):
        pass  # not a real file: nothing will flush it at exit


def say(text: str) -> None:
    """One line to standard error, escaped so that it is one line of valid UTF-8."""
    stream = sys.stderr
    if stream is None:
        return
    data = (one_line(text) + "\n").encode("utf-8", "backslashreplace")
    try:
        stream.flush()
        raw = _bytes_stream(stream)
        if raw is None:
            stream.write(data.decode("utf-8"))
        else:
            raw.write(data)  # type: ignore[attr-defined]
            raw.flush()  # type: ignore[attr-defined]
    except (OSError, ValueError):
        pass  # nowhere left to say anything
