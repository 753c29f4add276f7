"""GitHub Actions workflow commands: one annotation per finding on the pull request's files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from validator.core.finding import Finding, Severity
from validator.output import one_line

if TYPE_CHECKING:
    from validator.output.formats import Run


_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escaping of a command's message, as the Actions runner expects it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _data(text: str) -> str:
    """A message from a request: control characters shown escaped (one annotation is one line, and no
    value can start a workflow command of its own), then the runner's escaping."""
    return escape_data(one_line(text))


def escape_property(text: str) -> str:
    """Escaping of a command property (file, title): the message's, plus `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(path: str, finding: Finding) -> str:
    properties = [f"file={escape_property(one_line(path))}"]
    if finding.line is not None:
        properties += [f"line={finding.line}", f"col={finding.column}"]
        if finding.end_line is not None:
            properties += [f"endLine={finding.end_line}", f"endColumn={finding.end_column}"]
    properties.append(f"title={escape_property(f'jdcloud-preflight {finding.rule}')}")
    message = finding.message if finding.api is None else f"{finding.message} [API {finding.api}]"
    return f"::{_COMMANDS[finding.severity]} {','.join(properties)}::{_data(message)}"


def render(run: Run) -> str:
    return "".join(_command(result.path, finding) + "\n" for result in run.results for finding in result.findings)
