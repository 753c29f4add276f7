"""What a folder walk leaves out besides `exclude`: hidden folders, and inside a git work tree what its
`.gitignore` files (and `.git/info/exclude`) ignore, as git and ruff do. Matching is pathspec's
GitIgnoreSpec, which implements git's own rules (negation, anchoring, `**`, directory-only patterns)."""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec


def hidden(name: str) -> bool:
    return name.startswith(".") and name not in (".", "..")


@functools.cache
def _work_tree(folder: str) -> str | None:
    """The top of the git work tree holding `folder` (an absolute path), or None."""
    parent = os.path.dirname(folder)
    if os.path.exists(os.path.join(folder, ".git")):
        return folder
    return None if parent == folder else _work_tree(parent)


@functools.cache
def _spec(ignore_file: str) -> pathspec.GitIgnoreSpec | None:
    """The patterns of one ignore file, or None when there is none (or it cannot be read)."""
    from validator.workspace.files import read  # a regular file, within the size limit: a FIFO must not hang the walk

    data = read(ignore_file)
    if not isinstance(data, bytes):
        return None
    lines = data.decode("utf-8", errors="replace").splitlines()
    import pathspec  # only walks inside a git work tree pay for it

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _ignore_files(top: str, folder: str) -> list[tuple[str, str]]:
    """(folder, ignore file) pairs that apply inside `folder`, outermost first (later ones win, as in git)."""
    pairs = [(top, os.path.join(top, ".git", "info", "exclude"))]
    relative = os.path.relpath(folder, top)
    parts = [] if relative == "." else relative.split(os.sep)
    current = top
    pairs.append((current, os.path.join(current, ".gitignore")))
    for part in parts:
        current = os.path.join(current, part)
        pairs.append((current, os.path.join(current, ".gitignore")))
    return pairs


@functools.cache
def _absolute(folder: str) -> str:
    """A walked folder's absolute path, worked out once for all it holds (abspath asks for the working
    folder each time)."""
    return os.path.abspath(folder)


def git_ignored(path: str, is_dir: bool) -> bool:
    """Whether git would ignore `path` (a file or folder met by a walk)."""
    folder = _absolute(os.path.dirname(path))
    top = _work_tree(folder)
    if top is None:
        return False
    absolute = os.path.join(folder, os.path.basename(path))
    ignored = False
    for base, ignore_file in _ignore_files(top, folder):
        spec = _spec(ignore_file)
        if spec is None:
            continue
        relative = os.path.relpath(absolute, base).replace(os.sep, "/") + ("/" if is_dir else "")
        verdict = spec.check_file(relative).include
        if verdict is not None:
            ignored = verdict
    return ignored


def pruned(path: str, is_dir: bool) -> bool:
    """Whether a walk leaves `path` out: a hidden folder, or something git ignores."""
    if is_dir and hidden(os.path.basename(path)):
        return True
    return git_ignored(path, is_dir)


def forget() -> None:
    """Drop what earlier walks learnt: each run sees the ignore files as they are now."""
    _work_tree.cache_clear()
    _spec.cache_clear()
    _absolute.cache_clear()
