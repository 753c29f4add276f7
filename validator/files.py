"""Finding request files on disk and reading them: the only file I/O of a check run."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterator

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


def excluded(path: str, patterns: tuple[str, ...], base: str | None = None) -> bool:
    """Whether a walked file or folder matches an exclude glob: by its path relative to `base` (the
    configuration file's folder; the working folder when there is none), or by its own name."""
    if not patterns:
        return False
    relative = os.path.relpath(os.path.abspath(path), base or os.getcwd()).replace(os.sep, "/")
    name = os.path.basename(path)
    return any(fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


# Whether a walk leaves out a file or folder (path, is_dir) for reasons of its own (hidden, git-ignored).
Prune = Callable[[str, bool], bool]


def collect(
    paths: list[str], exclude: tuple[str, ...] = (), base: str | None = None, prune: Prune | None = None
) -> Iterator[str | Unreadable]:
    """Request files under `paths`, as given: files as they are, folders walked in sorted order, leaving
    out what matches `exclude` (globs relative to `base`) or `prune` (a file named explicitly is always
    checked).

    Symbolic links to folders are not followed, so a link loop cannot trap the walk.
    """
    for path in paths:
        if os.path.isdir(path):
            yield from _walk(path, exclude, base, prune)
        elif os.path.exists(path):
            yield path
        else:
            yield Unreadable(path, "no such file or folder")


def _walk(folder: str, exclude: tuple[str, ...], base: str | None, prune: Prune | None) -> Iterator[str | Unreadable]:
    def left_out(path: str, is_dir: bool) -> bool:
        return excluded(path, exclude, base) or (prune is not None and prune(path, is_dir))

    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = sorted(name for name in dirs if not left_out(os.path.join(root, name), True))
        for name in sorted(files):
            path = os.path.join(root, name)
            if name.lower().endswith(REQUEST_SUFFIXES) and not left_out(path, False):
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
