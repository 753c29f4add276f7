"""Findings, fixes and rules as the Language Server Protocol's records: diagnostics with their ranges, code
actions with their edits, a hover on a suppression comment. No I/O; see docs/editors.md."""

from __future__ import annotations

import re

from lsprotocol import types

from validator.core.finding import Finding, Severity
from validator.fixes.records import Edit, Fix
from validator.readers import is_yaml
from validator.rules import registry
from validator.rules.docs_url import rule_url
from validator.server.analysis import Analysis, fix_all_safe
from validator.server.positions import JSON_BREAKS, UTF16, YAML_BREAKS, LineIndex, token_end

SOURCE = "jdcloud-preflight"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
# A suppression comment's rule list (validator/core/suppressions.py reads the same comments).
_SUPPRESSION = re.compile(r"#[ \t]*jdcloud-preflight[ \t]*:[ \t]*ignore\[([^\]\r\n]*)\]", re.IGNORECASE)
_RULE_ID = re.compile(r"[A-Za-z]+[0-9]*")
_SHOWN = 40


class Positions:
    """An analysed text's two line counts: the reader's (findings' lines and columns) and LSP's."""

    def __init__(self, analysis: Analysis, encoding: str = UTF16) -> None:
        text = analysis.text
        self.text = text
        self.lsp = LineIndex(text, encoding)
        self.reader = LineIndex(text, breaks=YAML_BREAKS if is_yaml(text, analysis.name) else JSON_BREAKS)

    def range(self, start: int, end: int) -> types.Range:
        (line, character), (end_line, end_character) = self.lsp.position(start), self.lsp.position(end)
        return types.Range(types.Position(line, character), types.Position(end_line, end_character))

    def finding_range(self, finding: Finding) -> types.Range:
        """From where the finding is to the end of the key or value written there; the first line for a
        finding without a place."""
        if finding.line is None:
            return self.range(0, self.lsp.ends[0])
        start = self.reader.offset(finding.line, finding.column or 1)
        return self.range(start, token_end(self.text, start))

    def edit(self, edit: Edit) -> types.TextEdit:
        return types.TextEdit(self.range(edit.start, edit.end), edit.replacement)


def message(finding: Finding) -> str:
    """The finding's message, with the API's answer when the message does not already quote it."""
    if finding.api is None or finding.api.code in finding.message:
        return finding.message
    return f"{finding.message} [API {finding.api}]"


def diagnostic(finding: Finding, positions: Positions) -> types.Diagnostic:
    return types.Diagnostic(
        range=positions.finding_range(finding),
        message=message(finding),
        severity=_SEVERITY[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=rule_url(finding.rule)),
        source=SOURCE,
    )


def diagnostics(analysis: Analysis, encoding: str = UTF16) -> list[types.Diagnostic]:
    """The document's diagnostics: one per finding; none for a document that is not a request; one for a
    configuration that cannot be used (the document is then not checked)."""
    if analysis.problem is not None:
        whole = types.Range(types.Position(0, 0), types.Position(0, 0))
        error = types.DiagnosticSeverity.Error
        return [types.Diagnostic(range=whole, message=analysis.problem, severity=error, source=SOURCE)]
    positions = Positions(analysis, encoding)
    return [diagnostic(finding, positions) for finding in analysis.findings]


def _shown(text: str) -> str:
    one_line = " ".join(text.split())
    return f"`{one_line}`" if len(one_line) <= _SHOWN else f"`{one_line[: _SHOWN - 1]}…`"


def describe(fix: Fix, text: str) -> str:
    """What a fix's edits do, in a few words: `replace \\`DeviceName\\` with \\`deviceName\\``."""
    if len(fix.edits) != 1:
        return f"{len(fix.edits)} edits"
    edit = fix.edits[0]
    old = text[edit.start : edit.end]
    if not edit.replacement.strip():
        return f"remove {_shown(old)}"
    if not old.strip():
        return f"insert {_shown(edit.replacement)}"
    return f"replace {_shown(old)} with {_shown(edit.replacement)}"


def _overlaps(first: types.Range, second: types.Range) -> bool:
    def key(position: types.Position) -> tuple[int, int]:
        return position.line, position.character

    return key(first.start) <= key(second.end) and key(second.start) <= key(first.end)


def quick_fix(finding: Finding, fix: Fix, uri: str, positions: Positions) -> types.CodeAction:
    unsafe = "" if fix.safe else " (unsafe: changes what the API reads)"
    return types.CodeAction(
        title=f"Fix {finding.rule}{unsafe}: {describe(fix, positions.text)}",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic(finding, positions)],
        is_preferred=fix.safe,
        edit=types.WorkspaceEdit(changes={uri: [positions.edit(edit) for edit in fix.edits]}),
    )


def _wanted(kind: str, only: list[str] | None) -> bool:
    return only is None or any(kind == asked or kind.startswith(asked + ".") for asked in only)


def code_actions(
    analysis: Analysis, uri: str, where: types.Range, only: list[str] | None = None, encoding: str = UTF16
) -> list[types.CodeAction]:
    """A quick fix for each fixable finding in `where` (safe ones preferred), and "fix all safe" for the
    document when any finding has a safe fix."""
    if analysis.problem is not None or analysis.skipped:
        return []
    positions = Positions(analysis, encoding)
    actions = []
    if _wanted(types.CodeActionKind.QuickFix, only):
        for finding in analysis.findings:
            if finding.fix is not None and _overlaps(positions.finding_range(finding), where):
                actions.append(quick_fix(finding, finding.fix, uri, positions))
    if _wanted(types.CodeActionKind.SourceFixAll, only):
        fixed = fix_all_safe(analysis)
        if fixed is not None:
            edit = types.TextEdit(positions.range(0, len(analysis.text)), fixed)
            actions.append(
                types.CodeAction(
                    title="Fix all safe jdcloud-preflight findings",
                    kind=types.CodeActionKind.SourceFixAll,
                    edit=types.WorkspaceEdit(changes={uri: [edit]}),
                )
            )
    return actions


def rule_help(rule_id: str, lang: str) -> str | None:
    """`explain`'s text for a rule id; for a prefix (C3), the rules it covers, one line each."""
    from validator.rules.reference import explanation

    rule = registry.get(rule_id)
    if rule is not None:
        return explanation(rule, lang)
    covered = [r for r in registry.RULES if r.id.upper().startswith(rule_id.upper())]
    if not covered:
        return None
    return "".join(f"{r.id} {r.name}: {r.summary.render(lang)}\n" for r in covered)


def hover(analysis: Analysis, position: types.Position, encoding: str = UTF16) -> types.Hover | None:
    """`explain`'s text for the rule id under the cursor in a suppression comment."""
    index = LineIndex(analysis.text, encoding)
    if position.line >= len(index.starts):
        return None
    start, end = index.starts[position.line], index.ends[position.line]
    at = index.to_offset(position.line, position.character)
    line = analysis.text[start:end]
    for comment in _SUPPRESSION.finditer(line):
        for rule_id in _RULE_ID.finditer(comment.group(1)):
            first, last = start + comment.start(1) + rule_id.start(), start + comment.start(1) + rule_id.end()
            if first <= at <= last:
                text = rule_help(rule_id.group(), analysis.lang)
                if text is None:
                    return None
                content = types.MarkupContent(kind=types.MarkupKind.PlainText, value=text)
                return types.Hover(contents=content, range=Positions(analysis, encoding).range(first, last))
    return None
