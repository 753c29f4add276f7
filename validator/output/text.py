"""The human-readable report: one finding a line, then a summary line (and a line counting the files a
folder walk skipped as not being requests, and one saying what --fix fixed or would fix); `[*]` marks the
findings --fix would fix."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from validator.core.finding import Finding, Severity, in_language
from validator.output import FileResult, one_line, summary

if TYPE_CHECKING:
    from validator.output.formats import Run


# ANSI styles, used only when the command line says the output is a colour terminal.
_STYLE = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def _fixable(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and (unsafe or finding.fix.safe)


def _line(path: str, finding: Finding, colour: bool, unsafe: bool = False) -> str:
    # Paths and messages may hold newlines and escape sequences: escaped, so that one finding is one line and
    # no value starts a line of its own (a forged CI command) or reaches the terminal raw.
    path = one_line(path)
    where = f"{path}:{finding.line}:{finding.column}" if finding.line is not None else path
    label = finding.severity.label
    if colour:
        where, label = f"{_BOLD}{where}{_RESET}", f"{_STYLE[finding.severity]}{label}{_RESET}"
    mark = " [*]" if _fixable(finding, unsafe) else ""
    text = f"{where}: {label} {finding.rule}{mark} {one_line(finding.message)}"
    if finding.api is not None:
        api = f"[API {one_line(str(finding.api))}]"
        text += f" {_DIM}{api}{_RESET}" if colour else f" {api}"
    return text


def skipped_line(count: int, lang: str) -> str:
    if lang == "zh":
        return f"已跳过 {count} 个文件：不是 createImage 请求"
    return f"{count} file{'s' if count != 1 else ''} skipped: not createImage requests"


def fix_summary(results: Sequence[FileResult], lang: str, fixed: int | None, unsafe: bool) -> str | None:
    """How many findings were fixed (a --fix run), or can be (a check), and how many more with
    --unsafe-fixes; None when there is nothing to say."""
    findings = [finding for result in results for finding in result.findings]
    fixable = sum(1 for finding in findings if _fixable(finding, unsafe))
    hidden = 0 if unsafe else sum(1 for f in findings if f.fix is not None and not f.fix.safe)
    if fixed is not None:
        if lang == "zh":
            return f"已修复 {fixed} 个发现项" + (f"；另有 {hidden} 个可加 --unsafe-fixes 修复" if hidden else "")
        more = f"; {hidden} more fixable with --unsafe-fixes" if hidden else ""
        return f"fixed {fixed} finding{'s' if fixed != 1 else ''}{more}"
    if not fixable and not hidden:
        return None
    if not fixable:
        if lang == "zh":
            return f"{hidden} 个可用 --fix --unsafe-fixes 修复"
        return f"{hidden} fixable with --fix --unsafe-fixes"
    option = "--fix --unsafe-fixes" if unsafe else "--fix"
    if lang == "zh":
        more = f"（另有 {hidden} 个可加 --unsafe-fixes 修复）" if hidden else ""
        return f"[*] {fixable} 个可用 {option} 修复{more}"
    return f"[*] {fixable} fixable with {option}" + (f" ({hidden} more with --unsafe-fixes)" if hidden else "")


def fixes_list(applied: Sequence[FileResult], lang: str, would: bool = False) -> str:
    """--show-fixes: each applied fix (or, with --diff, each fix that would be applied), per file, by rule
    id and message, as ruff lists them after a run; nothing when there is none."""
    count = sum(len(result.findings) for result in applied)
    if not count:
        return ""
    if lang == "zh":
        lines = [f"{'将修复' if would else '已修复'} {count} 个发现项："]
    else:
        lines = [f"{'Would fix' if would else 'Fixed'} {count} finding{'s' if count != 1 else ''}:"]
    for result in applied:
        lines.append(f"- {one_line(result.path)}:")
        lines += [f"    {f.rule} {one_line(f.message)}" for f in in_language(result.findings, lang)]
    return "\n".join(lines) + "\n"


def render(run: Run) -> str:
    """The findings one per line, then what --fix fixed or could fix, then the summary (see `Run`)."""
    results, lang, listed, unsafe = run.results, run.lang, run.listed, run.unsafe
    lines = [_line(result.path, finding, run.colour, unsafe) for result in results for finding in result.findings]
    if run.quiet:
        return "".join(line + "\n" for line in lines)
    lines += [one_line(line) for line in listed]
    # What --fix fixed or would fix comes before the summary, which stays the last line (or the skipped count).
    fixes = fix_summary(results, lang, run.fixed, unsafe)
    if fixes is not None:
        lines.append(fixes)
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
    if run.skipped:
        lines.append(skipped_line(run.skipped, lang))
    return "\n".join(lines) + "\n"
