"""The policy's `name-pattern`, compiled with RE2 (the google-re2 package): matching takes time linear in
the length of the name whatever the pattern, where Python's backtracking `re` can take minutes on an
ordinary-looking pattern such as `^([a-z0-9]+-?)*[a-z0-9]$` (docs/robustness.md). RE2 has no lookaround
and no backreferences; a pattern that uses them is refused when the configuration is read."""

from __future__ import annotations

import functools
from typing import Any

import re2  # type: ignore[import-untyped]

# Bytes RE2 may use for one compiled pattern: a pattern past it (a{1000}{1000}) is refused, not built.
_MAX_MEMORY = 8 * 1024 * 1024


def _options() -> Any:
    options = re2.Options()
    options.log_errors = False  # RE2 would otherwise log the error to standard error itself
    options.max_mem = _MAX_MEMORY
    return options


@functools.lru_cache(maxsize=16)
def compiled(pattern: str) -> Any:
    """The compiled pattern; raises ValueError saying why RE2 refuses it."""
    try:
        return re2.compile(pattern, _options())
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        text = reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)
        raise ValueError(text) from None
    except (UnicodeError, TypeError) as exc:  # a lone surrogate cannot be handed to RE2
        raise ValueError(str(exc)) from None


def problem(pattern: str) -> str | None:
    """Why `pattern` cannot be used as a name pattern, or None."""
    try:
        compiled(pattern)
    except ValueError as exc:
        return str(exc)
    return None


def found_in(pattern: str, name: str) -> bool:
    """Whether `pattern` (one `problem` accepts) matches somewhere in `name`."""
    if any("\ud800" <= char <= "\udfff" for char in name):
        name = name.encode("utf-8", "replace").decode("utf-8")  # RE2 reads UTF-8: a lone surrogate is a ?
    return compiled(pattern).search(name) is not None
