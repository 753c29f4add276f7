"""The server's options, from the client's `initializationOptions` (docs/editors.md): the debounce delay
and the instance context files (describeInstance, describeSnapshots, describeQuotas answers), read once,
as `check --instance/--snapshots/--quotas/--snapshot-quota` reads them."""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from validator.instance.context import Context

# Seconds without a change before a changed document is checked.
DEBOUNCE = 0.3
# The option names, as clients write them, and the command line's option each stands for.
_FILES = {"instance": "instance", "snapshots": "snapshots", "quotas": "quotas", "snapshotQuota": "snapshot_quota"}


@attrs.frozen
class Options:
    debounce: float = DEBOUNCE
    loaded: Context | None = None
    # Why the options cannot be used as given: every document then shows it instead of being checked.
    problem: str | None = None


def _debounce(value: object) -> float | str:
    if value is None:
        return DEBOUNCE
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        return f"debounce must be a number of seconds, 0 or more, not {value!r}"
    return min(float(value), 60.0)


def _files(given: dict[str, object]) -> dict[str, Path | None] | str:
    found: dict[str, Path | None] = dict.fromkeys(_FILES.values())
    for name, attribute in _FILES.items():
        value = given.get(name)
        if value is None:
            continue
        if not isinstance(value, str) or not value:
            return f"{name} must be a file path, not {value!r}"
        found[attribute] = Path(value).expanduser()
    return found


def read_options(given: object) -> Options:
    """The options a client sent (anything, or nothing); what cannot be used is a `problem`, never a crash."""
    if given is None:
        return Options()
    if not isinstance(given, dict):
        return Options(problem=f"jdcloud-preflight: initializationOptions must be an object, not {given!r}")
    debounce = _debounce(given.get("debounce"))
    files = _files(given)
    for problem in (debounce, files):
        if isinstance(problem, str):
            return Options(problem=f"jdcloud-preflight: initializationOptions: {problem}")
    assert isinstance(debounce, float)
    assert isinstance(files, dict)
    from validator.workspace.context_files import ContextFileError, load_context

    try:
        return Options(
            debounce,
            load_context(
                instance=files["instance"],
                snapshots=files["snapshots"],
                quotas=files["quotas"],
                snapshot_quota=files["snapshot_quota"],
            ),
        )
    except ContextFileError as exc:
        return Options(debounce, problem=f"jdcloud-preflight: {exc}")
