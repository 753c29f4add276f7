"""Document in, findings out: no I/O, no printing, no parsing (the readers in validator.readers parse)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import attrs

from validator.core.capping import Cap
from validator.core.finding import Finding, Severity
from validator.core.messages import Message, long_ints
from validator.core.model import MAX_CHECKED_ENTRIES, normalise
from validator.fixes.records import Fix, Intent
from validator.readers import Document, ParseFailure
from validator.rules import registry
from validator.rules.base import Given, Hit, Rule
from validator.schema.schema_check import schema_hits
from validator.settings import Settings

if TYPE_CHECKING:
    from validator.core.suppressions import Suppression
    from validator.instance.context import Context


DEFAULT_SETTINGS = Settings()
# Turns a rule's fix intent into edits of the checked text; None when the request did not come from text.
Fixer = Callable[[Intent], Fix | None]


def _failure(failure: ParseFailure) -> Finding:
    rule = registry.rule_of("C01")
    text = Message(f"cannot read the request: {failure.message}", f"无法读取请求：{failure.zh or failure.message}")
    return Finding(rule.id, rule.severity, text.en, "", failure.line, failure.column, text=text)


def _finding(rule: Rule, hit: Hit, document: Document, fixer: Fixer | None = None) -> Finding:
    severity = hit.severity or rule.severity
    api = hit.api
    if api is None and severity is Severity.ERROR and rule.api is not None:
        api = rule.api.render()
    placed = document.place(hit.pointer, hit.at_key)
    line = column = end_line = end_column = None
    if placed is not None:
        (line, column), end = placed
        if end is not None and hit.pointer:  # a finding about the whole request marks no span
            end_line, end_column = end
    fix = None if hit.fix is None or fixer is None else fixer(hit.fix)
    return Finding(
        rule.id, severity, hit.message.en, hit.pointer, line, column, api, fix, hit.message, end_line, end_column
    )


def _findings(
    document: Document, given: Given, fixer: Fixer | None, inline: tuple[Suppression, ...] = ()
) -> tuple[list[Finding], int | None]:
    """The schema's findings, then every rule's, unsorted; at most PER_CONTAINER of a kind per object or
    array that no suppression comment covers (capping.py); and the line from which dataDisks entries were
    not checked one by one (None when all were)."""
    assert isinstance(document.root, Mapping)
    request = normalise(document.root, document.duplicates, document.readings, document.number_texts)
    cap = Cap(_suppressed_by(inline, document))
    found = []
    for schema_hit in schema_hits(request):
        rule, hit = registry.rule_of(schema_hit.rule), Hit(schema_hit.pointer, schema_hit.message, fix=schema_hit.fix)
        if cap.admits(rule, hit):
            found.append(_finding(rule, hit, document, fixer))
    for rule in registry.checks_for(given):
        for hit in rule.check(request, given):  # type: ignore[misc]
            if cap.admits(rule, hit):
                found.append(_finding(rule, hit, document, fixer))
    found.extend(_finding(rule, hit, document) for rule, hit in cap.summaries())
    unchecked = None
    if request.omitted_entries:
        disks = request.root.members["dataDisks"].pointer
        position = document.locate(f"{disks}/{MAX_CHECKED_ENTRIES}")
        unchecked = None if position is None else position[0]
    return found, unchecked


def _suppressed_by(inline: tuple[Suppression, ...], document: Document) -> Callable[[Rule, Hit], bool] | None:
    """Whether a suppression comment covers a hit, where the document has any."""
    if not inline:
        return None
    from validator.core import suppressions

    covered = suppressions.covering(inline)

    def suppressed(rule: Rule, hit: Hit) -> bool:
        position = document.locate(hit.pointer, hit.at_key)
        return covered(rule.id, None if position is None else position[0])

    return suppressed


def _raw(
    document: Document | ParseFailure, given: Given, fixer: Fixer | None = None, inline: tuple[Suppression, ...] = ()
) -> tuple[list[Finding], int | None]:
    if isinstance(document, ParseFailure):
        return [_failure(document)], None
    if not isinstance(document.root, dict):
        line, column = document.locate("") or (1, 1)
        kind, zh = ("an array", "数组") if isinstance(document.root, list) else ("a single value", "单个值")
        failure = ParseFailure(f"the top level is {kind}, not an object", line, column, f"顶层是{zh}，而不是对象")
        return [_failure(failure)], None
    try:
        return _findings(document, given, fixer, inline)
    except ValueError as exc:
        if "integer string conversion" not in str(exc):
            raise
    # An integer past Python's 4300-digit limit reached a message (the schema library's among them): checked
    # again with such integers made LongInts, which describe themselves instead. Only such requests pay.
    return _findings(attrs.evolve(document, root=long_ints(document.root)), given, fixer, inline)


def _malformed(suppression: Suppression) -> Finding:
    rule = registry.rule_of("S02")
    problem = suppression.problem or ""
    text = Message(
        f"this suppression comment is malformed and suppresses nothing: {problem}",
        f"这条抑制注释格式有误，不会抑制任何发现项：{problem}",
    )
    return Finding(rule.id, rule.severity, text.en, "", suppression.line, suppression.column, text=text)


def _unused(suppression: Suppression) -> Finding:
    rule = registry.rule_of("S01")
    listed = ",".join(suppression.written or suppression.rules)  # as the comment wrote them
    text = Message(
        f"the suppression ignore[{listed}] suppresses nothing on this line or the next; remove it",
        f"抑制注释 ignore[{listed}] 在本行和下一行都没有抑制任何发现项；请删除",
    )
    return Finding(rule.id, rule.severity, text.en, "", suppression.line, suppression.column, text=text)


def _with_severity(finding: Finding, settings: Settings) -> Finding:
    severity = settings.severity_of(finding.rule, finding.severity)
    return finding if severity is finding.severity else attrs.evolve(finding, severity=severity)


def check_document(
    document: Document | ParseFailure,
    settings: Settings = DEFAULT_SETTINGS,
    *,
    path: str | None = None,
    inline: tuple[Suppression, ...] = (),
    context: Context | None = None,
    fixer: Fixer | None = None,
) -> tuple[Finding, ...]:
    """All findings for one parsed (or unparseable) document, as the settings select them, sorted by position;
    their messages are in English and carry the other languages (`Finding.in_language`).

    `path` is matched against the per-file ignores; `inline` are the file's suppression comments; `fixer`
    turns the rules' fix intents into edits of the document's text.
    """
    raw, unchecked = _raw(document, Given(settings.policy, context), fixer, inline)
    findings = tuple(_with_severity(finding, settings) for finding in set(raw) if settings.enabled(finding.rule, path))
    if inline:
        from validator.core import suppressions

        findings, unused = suppressions.apply(findings, inline)
        # Past the dataDisks entries checked one by one, whether a comment would suppress something is unknown.
        unused = tuple(s for s in unused if unchecked is None or s.line < unchecked)
        notes = [_unused(s) for s in unused] + [_malformed(s) for s in inline if s.problem is not None]
        findings += tuple(finding for finding in notes if settings.enabled(finding.rule, path))
    return tuple(sorted(findings, key=Finding.sort_key))
