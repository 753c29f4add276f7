"""How a run is tuned: which rules, at what severity, for which files, under which policy.

Built from the configuration file and the command line (config.py); pure data, no I/O.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Mapping

import attrs

from validator.core.finding import UNSUPPRESSABLE_RULES, Severity
from validator.core.policy import NO_POLICY, Policy


def _longest(rule: str, prefixes: tuple[str, ...]) -> int:
    """Length of the longest prefix in `prefixes` that `rule` starts with, or -1."""
    return max((len(prefix) for prefix in prefixes if rule.upper().startswith(prefix.upper())), default=-1)


@attrs.frozen
class Settings:
    select: tuple[str, ...] = ("",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = attrs.field(factory=dict)
    # Warnings mean the API would silently ignore or change what the author wrote: they fail a run too.
    fail_on: Severity = Severity.WARNING
    lang: str | None = None
    max_bytes: int | None = None
    exclude: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    policy: Policy = NO_POLICY
    # The folder of the configuration file: `exclude` and `per-file-ignores` globs are relative to it
    # (to the working folder when there is no file), whatever folder the run starts in.
    root: str | None = None
    # A baseline file (absolute, or relative to the working folder): findings it records are not reported.
    baseline: str | None = None

    def enabled(self, rule: str, path: str | None = None) -> bool:
        """Select and ignore by rule-id prefix, the longest prefix winning (ignore wins a tie), as in flake8;
        then the per-file ignores whose glob matches `path`. A rule whose findings cannot be suppressed
        (C01: the file could not be read) is always enabled."""
        if rule in UNSUPPRESSABLE_RULES:
            return True
        if _longest(rule, self.ignore) >= _longest(rule, self.select):
            return False
        return path is None or _longest(rule, self.ignored_in(path)) < 0

    def relative(self, path: str) -> str:
        """`path` relative to the configuration's folder, with forward slashes: one spelling for every
        way of naming the same file."""
        return os.path.relpath(os.path.abspath(path), self.root or os.getcwd()).replace(os.sep, "/")

    def ignored_in(self, path: str) -> tuple[str, ...]:
        if not self.per_file_ignores:
            return ()
        normalised = self.relative(path)
        name = normalised.rsplit("/", 1)[-1]
        return tuple(
            prefix
            for pattern, prefixes in self.per_file_ignores.items()
            if fnmatch.fnmatchcase(normalised, pattern) or fnmatch.fnmatchcase(name, pattern)
            for prefix in prefixes
        )

    def severity_of(self, rule: str, severity: Severity) -> Severity:
        if rule in UNSUPPRESSABLE_RULES:  # lowering it would pass a file that was never checked
            return severity
        return self.severity.get(rule, severity)
