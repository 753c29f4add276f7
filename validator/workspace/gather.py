"""Which files a run checks, for the command line and `validator.check_paths` alike: the paths as given,
folders walked (hidden folders, git-ignored files and `exclude` left out), each file once however it was
spelt or reached."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

import attrs

from validator.settings import Settings
from validator.workspace import walk_filter
from validator.workspace.files import Special, Unreadable, collect


@attrs.frozen
class Gathered:
    """The files to check (and the paths that could not be read), in order and each once; what a walk met
    that is not a regular file; and the files named directly, which are checked even when they do not look
    like requests."""

    items: tuple[str | Unreadable, ...]
    special: tuple[Special, ...]
    named: frozenset[str]

    @property
    def files(self) -> list[str]:
        return [item for item in self.items if isinstance(item, str)]


def unique(items: Iterable[str | Unreadable | Special]) -> list[str | Unreadable | Special]:
    """Each path once, however many times it was given or met (`a.json ./a.json`, a file and its folder)."""
    seen: set[str] = set()
    kept = []
    for item in items:
        key = os.path.abspath(item if isinstance(item, str) else item.path)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def gather(paths: Sequence[str], settings: Settings, *, only_requests: bool = False) -> Gathered:
    """The files under `paths`; with `only_requests`, no file counts as named (the pre-commit hook names
    every changed file, requests or not)."""
    walk_filter.forget()
    found = unique(collect(list(paths), settings.exclude, settings.root, walk_filter.pruned))
    items = tuple(item for item in found if not isinstance(item, Special))
    special = tuple(item for item in found if isinstance(item, Special))
    if only_requests:
        return Gathered(items, special, frozenset())
    given = {os.path.abspath(path) for path in paths if not os.path.isdir(path)}
    named = frozenset(item for item in items if isinstance(item, str) and os.path.abspath(item) in given)
    return Gathered(items, special, named)
