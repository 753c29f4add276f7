"""The JSON report: version 1 of the format, stable for machines."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from validator.output import json_text, summary

if TYPE_CHECKING:
    from validator.output.formats import Run


FORMAT_VERSION = 1


def render(run: Run) -> str:
    results, tool_version = run.results, run.tool_version
    report: dict[str, object] = {
        "version": FORMAT_VERSION,
        "tool": {"name": "jdcloud-preflight", "version": tool_version},
        "files": [
            {"path": result.path, "findings": [finding.to_dict() for finding in result.findings]} for result in results
        ],
        "summary": summary(results),
    }
    if run.errors:  # the run exits 2: what could not be done (docs/reports.md#a-run-that-could-not-be-done)
        report["error"] = "\n".join(run.errors)
    # No indent: with one, the standard library falls back from its C encoder to a slow Python one.
    return json_text(json.dumps(report, ensure_ascii=False)) + "\n"
