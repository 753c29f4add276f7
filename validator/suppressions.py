"""Inline suppressions in YAML files: `# jdcloud-preflight: ignore[C39,C05]` on a finding's line or the line
above it. JSON has no comments; there, per-file ignores in the configuration do the same job."""

from __future__ import annotations

import re

import attrs

from validator.finding import Finding

_COMMENT = re.compile(r"(?:^|\s)#\s*jdcloud-preflight:\s*ignore\[([^\]]*)\]", re.IGNORECASE)


@attrs.frozen
class Suppression:
    line: int
    column: int
    rules: tuple[str, ...]

    def covers(self, finding: Finding) -> bool:
        if finding.line not in (self.line, self.line + 1):
            return False
        return any(finding.rule.upper().startswith(rule.upper()) for rule in self.rules)


def find(text: str) -> tuple[Suppression, ...]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _COMMENT.search(line)
        if match:
            rules = tuple(part.strip() for part in match.group(1).split(",") if part.strip())
            found.append(Suppression(number, line.index("#", match.start()) + 1, rules))
    return tuple(found)


def apply(
    findings: tuple[Finding, ...], suppressions: tuple[Suppression, ...]
) -> tuple[tuple[Finding, ...], tuple[Suppression, ...]]:
    """The findings no suppression covers, and the suppressions that covered nothing."""
    used: set[Suppression] = set()
    kept = []
    for finding in findings:
        covering = [suppression for suppression in suppressions if suppression.covers(finding)]
        used.update(covering)
        if not covering:
            kept.append(finding)
    return tuple(kept), tuple(suppression for suppression in suppressions if suppression not in used)
