"""Shared test helpers: a valid request to mutate, and short ways to look at findings."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

from validator import Finding, Severity, check_create_image

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# The README first, then the pages under docs/: the documentation whose examples are run and whose links resolve.
DOCUMENTATION = (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")))


def documentation_text() -> str:
    """Every documentation file's text, joined: for facts that must be stated somewhere in the documentation."""
    return "\n".join(path.read_text(encoding="utf-8") for path in DOCUMENTATION)


def valid_request() -> dict[str, Any]:
    """A parameters-form request that yields no finding at all."""
    return copy.deepcopy(
        {
            "regionId": "cn-north-1",
            "instanceId": "i-eumm7k2qd6",
            "name": "web-2026.11",
            "description": "weekly image",
            "dataDisks": [
                {"deviceName": "vdc", "noDevice": True},
                {"deviceName": "vdd", "cloudDiskSpec": {"diskType": "ssd.io1", "diskSizeGB": 100, "iops": 3000}},
            ],
        }
    )


def with_disk(**spec: Any) -> dict[str, Any]:
    """A body-form request with one new disk vdh whose cloudDiskSpec is `spec`."""
    return {"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": spec}]}


def with_entries(*entries: Any) -> dict[str, Any]:
    return {"name": "web", "dataDisks": list(entries)}


def findings(request: object, **kwargs: Any) -> tuple[Finding, ...]:
    return check_create_image(request, **kwargs).findings


def of_rule(request: object, rule: str) -> list[Finding]:
    return [finding for finding in findings(request) if finding.rule == rule]


def rules(request: object, severity: Severity | None = None) -> set[str]:
    return {f.rule for f in findings(request) if severity is None or f.severity is severity}


def errors(request: object) -> list[Finding]:
    return [finding for finding in findings(request) if finding.severity is Severity.ERROR]


def api_of(finding: Finding) -> tuple[int, str, str | None] | None:
    """The API answer a finding predicts, as (status, code, message), or None."""
    return None if finding.api is None else (finding.api.status, finding.api.code, finding.api.message)


# A YAML request with C05 (safe), C48 (safe) and C43 (unsafe): two fixed by --fix, one more by --unsafe-fixes.
MIXED = (
    "# weekly image\n"
    "name: web\n"
    "DataDisks:\n"
    "  - deviceName: vdh  # new disk\n"
    "    cloudDiskSpec:\n"
    "      diskType: ssd.gp1\n"
    "      az: cn-north-1a\n"
    "      diskSizeGB: 45\n"
)


def modules_after(code: str, cwd: Path | None = None) -> set[str]:
    """The modules a fresh interpreter has imported once it has run `code` (in `cwd`)."""
    done = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint(' '.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        cwd=cwd,
    )
    return set(done.stdout.split())
