"""GitLab Code Quality report (the merge-request widget's JSON)."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from validator.core.finding import Finding, Severity
from validator.output import fingerprint_key, json_text

if TYPE_CHECKING:
    from validator.output.formats import Run


_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def fingerprint(path: str, rule: str, pointer: str, message: str) -> str:
    """Stable across runs and when unrelated lines move: built from what the finding is, not where."""
    return hashlib.sha256(fingerprint_key(path, rule, pointer, message)).hexdigest()


def _lines(finding: Finding) -> dict[str, int]:
    lines = {"begin": finding.line or 1}
    if finding.end_line is not None:
        lines["end"] = finding.end_line
    return lines


def render(run: Run) -> str:
    issues = [
        {
            "description": finding.message if finding.api is None else f"{finding.message} [API {finding.api}]",
            "check_name": finding.rule,
            "fingerprint": fingerprint(result.path, finding.rule, finding.pointer, finding.message),
            "severity": _SEVERITIES[finding.severity],
            "location": {"path": result.path, "lines": _lines(finding)},
        }
        for result in run.results
        for finding in result.findings
    ]
    return json_text(json.dumps(issues, ensure_ascii=False, indent=2)) + "\n"
