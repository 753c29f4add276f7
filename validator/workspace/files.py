"""Finding request files on disk and reading them: the only file I/O of a check run."""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Callable, Iterator
from typing import BinaryIO

import attrs

REQUEST_SUFFIXES = (".json", ".yaml", ".yml")
# Requests are a few kilobytes; a larger file is reported, not read (a pre-commit hook meets any file).
DEFAULT_MAX_BYTES = 4 * 1024 * 1024
# The largest --max-bytes (and max-bytes) accepted: 1 GiB, far above any request (see docs/robustness.md).
MAX_MAX_BYTES = 1024 * 1024 * 1024


@attrs.frozen
class Unreadable:
    """A path that could not be listed or read, with a one-line reason."""

    path: str
    reason: str


@attrs.frozen
class Special:
    """Something met while walking a folder that is not a regular file (a FIFO, a socket, a device, a
    dangling link): left out, and said so."""

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
) -> Iterator[str | Unreadable | Special]:
    """Request files under `paths`, as given: files as they are, folders walked in sorted order, leaving
    out what matches `exclude` (globs relative to `base`) or `prune` (a file named explicitly is always
    checked).

    Symbolic links to folders are not followed, so a link loop cannot trap the walk.
    """
    for path in paths:
        try:
            mode = os.stat(path).st_mode
        except OSError as error:  # the real reason: a missing file, or a folder on the way without permission
            missing = isinstance(error, FileNotFoundError)
            yield Unreadable(path, "no such file or folder" if missing else error.strerror or str(error))
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path, exclude, base, prune)
        else:
            yield path  # read() refuses what is not a regular file, with the reason


def _walk(
    folder: str, exclude: tuple[str, ...], base: str | None, prune: Prune | None
) -> Iterator[str | Unreadable | Special]:
    """The request files under `folder` in the order os.walk gives them (each folder's files, sorted, then
    its sub-folders, sorted, depth first), told apart by the folder listing's own entry types: a regular
    file costs no stat of its own (a link is still followed to what it names)."""

    def left_out(path: str, is_dir: bool) -> bool:
        return excluded(path, exclude, base) or (prune is not None and prune(path, is_dir))

    errors: list[OSError] = []
    pending = [folder]
    while pending:
        root = pending.pop()
        listing = _listing(root, errors)
        if listing is None:
            continue
        dirs, files = listing
        for entry in sorted(files, key=_name):
            path = os.path.join(root, entry.name)
            if entry.name.lower().endswith(REQUEST_SUFFIXES) and not left_out(path, False):
                # A FIFO would block the run and a device never end: only regular files are read.
                yield path if _is_file(entry) else Special(path, "not a regular file")
        # A link to a folder is listed (and may be left out) but not followed, as os.walk does: a link
        # loop cannot trap the walk.
        kept = [entry for entry in sorted(dirs, key=_name) if not left_out(os.path.join(root, entry.name), True)]
        pending.extend(os.path.join(root, entry.name) for entry in reversed(kept) if not _is_link(entry))
    for error in errors:
        yield Unreadable(str(error.filename or folder), error.strerror or str(error))


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _is_link(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return False


def _listing(folder: str, errors: list[OSError]) -> tuple[list[os.DirEntry[str]], list[os.DirEntry[str]]] | None:
    """A folder's entries as os.walk sorts them: folders (and links to folders), and everything else;
    None, with the error noted, when the folder cannot be listed."""
    dirs: list[os.DirEntry[str]] = []
    files: list[os.DirEntry[str]] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                (dirs if is_dir else files).append(entry)
    except OSError as error:
        errors.append(error)
        return None
    return dirs, files


def _open_regular(path: str) -> int:
    """A descriptor for reading `path`, which must be a regular file. Opened without blocking, so that a
    FIFO with no writer cannot hang the run; checked on the descriptor, so that nothing is swapped in
    between the check and the read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        os.close(fd)
        raise
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        raise _NotRegular(kind)
    return fd


class _NotRegular(Exception):
    """A path that names something other than a regular file."""


def read(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes | TooLarge | Unreadable:
    """The file's bytes, reading at most `max_bytes` + 1 of them; only regular files are read."""
    try:
        fd = _open_regular(path)
    except _NotRegular as reason:
        return Unreadable(path, str(reason))
    except OSError as error:
        return Unreadable(path, error.strerror or str(error))
    try:
        try:
            # Ask for what the file holds (plus one, to see growth past the limit): asking for the limit
            # itself would allocate megabytes for every few-kilobyte request.
            size = os.fstat(fd).st_size
            data = _read_upto(fd, (min(size, max_bytes) if size else max_bytes) + 1)
            if size and len(data) > size:  # it grew since fstat: read on, still up to the limit
                data += _read_upto(fd, max_bytes + 1 - len(data))
            if len(data) > max_bytes:
                size = os.fstat(fd).st_size
                return TooLarge(path, max(size, len(data)), max_bytes)
            return data
        finally:
            os.close(fd)
    except OSError as error:
        return Unreadable(path, error.strerror or str(error))


def _read_upto(fd: int, limit: int) -> bytes:
    """Up to `limit` bytes from the descriptor, fewer only at the end of the file. Read with os.read, not
    through a file object: a buffered reader costs more to set up than a request takes to read."""
    chunks = []
    got = 0
    while got < limit:
        chunk = os.read(fd, limit - got)
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


# Standard input is read in pieces of this size, so that a large input is never asked for in one go.
_CHUNK = 64 * 1024


def read_stream(
    stream: BinaryIO, name: str, max_bytes: int = DEFAULT_MAX_BYTES, overflow: Callable[[bytes], None] | None = None
) -> bytes | TooLarge:
    """All of a stream's bytes (standard input), read in chunks; above `max_bytes`, a TooLarge with the
    stream's real size. With `overflow`, what is past the limit is not kept: everything read so far and each
    chunk after it go to `overflow` (--fix passes them through), so that no byte is lost and none is held."""
    kept = bytearray()
    size = 0
    while chunk := stream.read(_CHUNK):
        size += len(chunk)
        if size <= max_bytes:
            kept += chunk
        elif overflow is None:
            kept.clear()  # only the size matters now
        else:
            if kept:
                overflow(bytes(kept))
                kept.clear()
            overflow(chunk)
    return bytes(kept) if size <= max_bytes else TooLarge(name, size, max_bytes)
