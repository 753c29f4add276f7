"""Which files a run checks, for the command line and `validator.check_paths` alike: the paths as given,
folders walked (hidden folders, git-ignored files and `exclude` left out), each file once however it was
spelt or reached."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence

import attrs

from validator.settings import Settings
from validator.workspace import walk_filter
from validator.workspace.files import Special, Unreadable, collect, excluded


@attrs.frozen
class Gathered:
    """The files to check (and the paths that could not be read), in order and each once; what a walk met
    that is not a regular file; and the files named directly, which are checked even when they do not look
    like requests."""

    items: tuple[str | Unreadable, ...]
    special: tuple[Special, ...]
    named: frozenset[str]
    # Files named directly that --force-exclude left out.
    excluded: tuple[str, ...] = ()

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


def gather(
    paths: Sequence[str],
    settings: Settings,
    *,
    only_requests: bool = False,
    settings_for: Callable[[str], Settings] | None = None,
    force_exclude: bool = False,
) -> Gathered:
    """The files under `paths`; with `only_requests`, no file counts as named (the pre-commit hook names
    every changed file, requests or not). With `settings_for` (a path's settings), what a walk meets is
    left out by the `exclude` of its own configuration, not `settings`'; with `force_exclude`, so are the
    files named directly."""
    walk_filter.forget()
    if settings_for is None:
        found = unique(collect(list(paths), settings.exclude, settings.root, walk_filter.pruned))
    else:
        found = unique(collect(list(paths), (), None, _pruned_by(settings_for)))
    left_out: list[str] = []
    if force_exclude:
        of = settings_for or (lambda _path: settings)
        left_out = [item for item in found if isinstance(item, str) and _excluded(item, of(item))]
        dropped = set(left_out)
        found = [item for item in found if not (isinstance(item, str) and item in dropped)]
    items = tuple(item for item in found if not isinstance(item, Special))
    special = tuple(item for item in found if isinstance(item, Special))
    if only_requests:
        return Gathered(items, special, frozenset(), tuple(left_out))
    given = {os.path.abspath(path) for path in paths if not os.path.isdir(path)}
    if not given:  # only folders were named: no file was named directly
        return Gathered(items, special, frozenset(), tuple(left_out))
    named = frozenset(item for item in items if isinstance(item, str) and os.path.abspath(item) in given)
    return Gathered(items, special, named, tuple(left_out))


def _pruned_by(settings_for: Callable[[str], Settings]) -> Callable[[str, bool], bool]:
    """A walk's filter: hidden, git-ignored, or excluded by the configuration of the folder it is met in."""

    of_folder: dict[str, Settings] = {}  # what a walk meets in one folder shares its settings

    def pruned(path: str, is_dir: bool) -> bool:
        if walk_filter.pruned(path, is_dir):
            return True
        folder = os.path.dirname(path)
        own = of_folder.get(folder)
        if own is None:
            own = of_folder[folder] = settings_for(os.path.dirname(os.path.abspath(path)))
        return excluded(path, own.exclude, own.root)

    return pruned


def _excluded(path: str, settings: Settings) -> bool:
    """Whether `exclude` leaves out a file, or one of the folders it is in below the configuration's folder
    (as a walk from there would)."""
    if not settings.exclude:
        return False
    absolute = os.path.abspath(path)
    top = os.path.abspath(settings.root or os.getcwd())
    current = absolute
    while True:
        if excluded(current, settings.exclude, settings.root):
            return True
        parent = os.path.dirname(current)
        if parent == current or not parent.startswith(top) or len(parent) <= len(top):
            return False
        current = parent
