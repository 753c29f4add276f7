"""The temporary files --fix writes before renaming them over the originals, and the short sections a
termination signal waits for (creating one and recording it; the rename and forgetting it), so that a
signal never leaves one behind (see docs/robustness.md#signals). Only the main thread uses this module:
Python runs signal handlers there, between its own steps."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator

_created: set[str] = set()
_depth = 0
_pending: list[Callable[[], None]] = []


@contextlib.contextmanager
def guarded() -> Iterator[None]:
    """A section that an action passed to `when_safe` (a signal's) waits for."""
    global _depth
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if not _depth and _pending:
            action = _pending[0]
            _pending.clear()
            action()


def when_safe(action: Callable[[], None]) -> None:
    """Run `action` now, or when the guarded section under way ends."""
    if _depth:
        _pending.append(action)
    else:
        action()


def created(path: str) -> None:
    _created.add(path)


def forget(path: str) -> bool:
    """Stop tracking `path` (renamed or removed); whether it was tracked."""
    if path in _created:
        _created.discard(path)
        return True
    return False


def remove_all() -> None:
    """Remove every temporary file still there (a run ending on a signal)."""
    for path in sorted(_created):
        with contextlib.suppress(OSError):
            os.unlink(path)
    _created.clear()
