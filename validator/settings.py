"""How a run is tuned: which rules, at what severity, for which files, under which policy.

Built from the configuration file and the command line (config.py); pure data, no I/O.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping

import attrs

from validator.finding import Severity
from validator.policy import NO_POLICY, Policy


def _longest(rule: str, prefixes: tuple[str, ...]) -> int:
    """Length of the longest prefix in `prefixes` that `rule` starts with, or -1."""
    return max((len(prefix) for prefix in prefixes if rule.upper().startswith(prefix.upper())), default=-1)


@attrs.frozen
class Settings:
    select: tuple[str, ...] = ("",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = attrs.field(factory=dict)
    fail_on: Severity = Severity.ERROR
    lang: str | None = None
    max_bytes: int | None = None
    exclude: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    policy: Policy = NO_POLICY

    def enabled(self, rule: str, path: str | None = None) -> bool:
        """Select and ignore by rule-id prefix, the longest prefix winning (ignore wins a tie), as in flake8;
        then the per-file ignores whose glob matches `path`."""
        if _longest(rule, self.ignore) >= _longest(rule, self.select):
            return False
        return path is None or _longest(rule, self.ignored_in(path)) < 0

    def ignored_in(self, path: str) -> tuple[str, ...]:
        normalised = path.replace("\\", "/").removeprefix("./")
        name = normalised.rsplit("/", 1)[-1]
        return tuple(
            prefix
            for pattern, prefixes in self.per_file_ignores.items()
            if fnmatch.fnmatchcase(normalised, pattern) or fnmatch.fnmatchcase(name, pattern)
            for prefix in prefixes
        )

    def severity_of(self, rule: str, severity: Severity) -> Severity:
        return self.severity.get(rule, severity)
