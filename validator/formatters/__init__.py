"""Report formatters: each turns checked files into text and does nothing else."""

from __future__ import annotations

import attrs

from validator.finding import Finding, Severity


@attrs.frozen
class FileResult:
    """The findings of one file, under the path as the user gave it."""

    path: str
    findings: tuple[Finding, ...]


def summary(results: list[FileResult]) -> dict[str, int]:
    counts = {"files": len(results)}
    for severity in sorted(Severity, reverse=True):
        counts[severity.label] = sum(
            1 for result in results for finding in result.findings if finding.severity is severity
        )
    return counts
