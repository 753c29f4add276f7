"""The human-readable report: one finding a line, then a summary line."""

from __future__ import annotations

from validator.finding import Finding
from validator.formatters import FileResult, summary


def _line(path: str, finding: Finding) -> str:
    where = f"{path}:{finding.line}:{finding.column}" if finding.line is not None else path
    text = f"{where}: {finding.severity.label} {finding.rule} {finding.message}"
    if finding.api is not None:
        text += f" [API {finding.api}]"
    return text


def render(results: list[FileResult], lang: str = "en") -> str:
    lines = [_line(result.path, finding) for result in results for finding in result.findings]
    counts = summary(results)
    files = counts["files"]
    if lang == "zh":
        lines.append(
            f"已检查 {files} 个文件：{counts['error']} 个错误，{counts['warning']} 个警告，{counts['info']} 个提示"
        )
    else:
        lines.append(
            f"{files} file{'s' if files != 1 else ''} checked: {counts['error']} error(s), "
            f"{counts['warning']} warning(s), {counts['info']} info"
        )
    return "\n".join(lines) + "\n"
