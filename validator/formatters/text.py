"""The human-readable report: one finding a line, then a summary line (and a line counting the files a
folder walk skipped as not being requests)."""

from __future__ import annotations

from collections.abc import Sequence

from validator.finding import Finding, Severity
from validator.formatters import FileResult, one_line, summary

# ANSI styles, used only when the command line says the output is a colour terminal.
_STYLE = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def _line(path: str, finding: Finding, colour: bool) -> str:
    # Paths and messages may hold newlines and escape sequences: escaped, so that one finding is one line and
    # no value starts a line of its own (a forged CI command) or reaches the terminal raw.
    path = one_line(path)
    where = f"{path}:{finding.line}:{finding.column}" if finding.line is not None else path
    label = finding.severity.label
    if colour:
        where, label = f"{_BOLD}{where}{_RESET}", f"{_STYLE[finding.severity]}{label}{_RESET}"
    text = f"{where}: {label} {finding.rule} {one_line(finding.message)}"
    if finding.api is not None:
        api = f"[API {one_line(str(finding.api))}]"
        text += f" {_DIM}{api}{_RESET}" if colour else f" {api}"
    return text


def skipped_line(count: int, lang: str) -> str:
    if lang == "zh":
        return f"已跳过 {count} 个文件：不是 createImage 请求"
    return f"{count} file{'s' if count != 1 else ''} skipped: not createImage requests"


def render(
    results: list[FileResult],
    lang: str = "en",
    *,
    skipped: int = 0,
    listed: Sequence[str] = (),
    quiet: bool = False,
    colour: bool = False,
) -> str:
    """`skipped` counts the files a walk skipped as not requests, `listed` says why for each (--verbose);
    `quiet` leaves only the findings."""
    lines = [_line(result.path, finding, colour) for result in results for finding in result.findings]
    if quiet:
        return "".join(line + "\n" for line in lines)
    lines += [one_line(line) for line in listed]
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
    if skipped:
        lines.append(skipped_line(skipped, lang))
    return "\n".join(lines) + "\n"
