"""The result of checking one request: its findings, and what they add up to."""

from __future__ import annotations

import attrs

from validator.core.finding import Finding, Severity


class PreflightError(Exception):
    """Raised by `Report.raise_for_errors()`: the API would reject the request. Carries the findings."""

    def __init__(self, findings: tuple[Finding, ...], source: str | None = None) -> None:
        self.findings = findings
        self.source = source
        errors = [finding for finding in findings if finding.severity is Severity.ERROR]
        where = f" in {source}" if source else ""
        lines = [f"createImage request{where} would be rejected ({len(errors)} error(s)):"]
        for finding in errors:
            api = f" [API {finding.api}]" if finding.api else ""
            at = finding.pointer or "/"
            lines.append(f"  {finding.rule} at {at}: {finding.message}{api}")
        super().__init__("\n".join(lines))


@attrs.frozen
class Report:
    """Findings for one request, sorted by position."""

    findings: tuple[Finding, ...]
    source: str | None = None

    @property
    def ok(self) -> bool:
        """True when nothing would make the API reject the request (no error finding)."""
        return not any(finding.severity is Severity.ERROR for finding in self.findings)

    @property
    def counts(self) -> dict[str, int]:
        counts = {severity.label: 0 for severity in sorted(Severity, reverse=True)}
        for finding in self.findings:
            counts[finding.severity.label] += 1
        return counts

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.severity is Severity.ERROR)

    def at_least(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.severity >= severity)

    def to_dict(self) -> dict[str, object]:
        """The report as the command line's JSON report lists its file (`files[i]` of `--format json`)."""
        return {"path": self.source, "findings": [finding.to_dict() for finding in self.findings]}

    def raise_for_errors(self) -> None:
        """Raise `PreflightError` when the report holds an error finding."""
        if not self.ok:
            raise PreflightError(self.findings, self.source)
