"""Finding request files on disk and reading them: the only file I/O of a check run."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator

import attrs

REQUEST_SUFFIXES = (".json", ".yaml", ".yml")
# Requests are a few kilobytes; a larger file is reported, not read (a pre-commit hook meets any file).
DEFAULT_MAX_BYTES = 4 * 1024 * 1024


@attrs.frozen
class Unreadable:
    """A path that could not be listed or read, with a one-line reason."""

    path: str
    reason: str


@attrs.frozen
class TooLarge:
    path: str
    size: int
    limit: int


def excluded(path: str, patterns: tuple[str, ...]) -> bool:
    """Whether a walked file or folder matches an exclude glob: by its path relative to the working
    folder, or by its own name."""
    if not patterns:
        return False
    relative = os.path.relpath(path).replace(os.sep, "/")
    name = os.path.basename(path)
    return any(fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def collect(paths: list[str], exclude: tuple[str, ...] = ()) -> Iterator[str | Unreadable]:
    """Request files under `paths`, as given: files as they are, folders walked in sorted order, leaving
    out what matches `exclude` (a file named explicitly is always checked).

    Symbolic links to folders are not followed, so a link loop cannot trap the walk.
    """
    for path in paths:
        if os.path.isdir(path):
            yield from _walk(path, exclude)
        elif os.path.exists(path):
            yield path
        else:
            yield Unreadable(path, "no such file or folder")


def _walk(folder: str, exclude: tuple[str, ...]) -> Iterator[str | Unreadable]:
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = sorted(name for name in dirs if not excluded(os.path.join(root, name), exclude))
        for name in sorted(files):
            path = os.path.join(root, name)
            if name.lower().endswith(REQUEST_SUFFIXES) and not excluded(path, exclude):
                yield path
    for error in errors:
        yield Unreadable(str(error.filename or folder), error.strerror or str(error))


def read(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes | TooLarge | Unreadable:
    """The file's bytes, reading at most `max_bytes` + 1 of them."""
    try:
        with open(path, "rb") as handle:
            # Ask for what the file holds (plus one, to see growth past the limit): asking for the limit
            # itself would allocate megabytes for every few-kilobyte request.
            size = os.fstat(handle.fileno()).st_size
            data = handle.read((min(size, max_bytes) if size else max_bytes) + 1)
            if size and len(data) > size:  # it grew since fstat: read on, still up to the limit
                data += handle.read(max_bytes + 1 - len(data))
            if len(data) > max_bytes:
                size = os.fstat(handle.fileno()).st_size
                return TooLarge(path, max(size, len(data)), max_bytes)
            return data
    except OSError as error:
        return Unreadable(path, error.strerror or str(error))
