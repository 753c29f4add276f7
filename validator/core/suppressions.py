"""Inline suppressions in YAML files: `# jdcloud-preflight: ignore[C39,C05]` on a finding's line or the line
above it. JSON has no comments; there, per-file ignores in the configuration do the same job.

Only real comments count: they are found between the YAML scanner's tokens, so a `#` inside a quoted or
block scalar is text, never a suppression. The marker is matched without regard to case. A comment that
starts like a suppression but is not a well-formed one is reported (rule S02), never silently ignored.
Everything here is linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from validator.core.finding import UNSUPPRESSABLE_RULES, Finding

# Where a suppression may start: the marker and a colon, at the start of a comment.
_MARKER = re.compile(r"#[ \t]*jdcloud-preflight[ \t]*:", re.IGNORECASE)
_IGNORE = re.compile(r"[ \t]*ignore\[([^\]\r\n]*)\]", re.IGNORECASE)
_PREFIX = re.compile(r"[A-Za-z]*[0-9]*")
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+")
# Line breaks as YAML (and so the positions of findings) count them.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_LINE_END = re.compile("[\r\n\x85\u2028\u2029]")


@attrs.frozen
class Suppression:
    line: int
    column: int
    rules: tuple[str, ...]
    # Why the comment is not a usable suppression (it then suppresses nothing); None when it is one.
    problem: str | None = None
    # The rules as the comment wrote them (ids, prefixes or names), for messages about the comment.
    written: tuple[str, ...] = ()

    def covers(self, finding: Finding) -> bool:
        return not finding.unsuppressable and self.covers_rule(finding.rule, finding.line)

    def covers_rule(self, rule_id: str, line: int | None) -> bool:
        """Whether a finding of `rule_id` on `line` is one this comment suppresses (C01 aside)."""
        if self.problem is not None or line not in (self.line, self.line + 1):
            return False
        return any(rule_id.upper().startswith(rule.upper()) for rule in self.rules)


def _comments(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, text) of every comment, 1-based: the `#`s in the gaps between the scanner's tokens."""
    import yaml  # only for YAML files that mention the tool

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    end, line, column = 0, 0, 0  # where the last token ended (index, 0-based line and column)
    tokens = yaml.scan(text, Loader=loader)
    while True:
        try:
            token = next(tokens, None)
        except yaml.YAMLError:
            return  # the document does not parse: that is finding C01, and nothing after it is scanned
        start = len(text) if token is None else token.start_mark.index
        if start > end:
            yield from _gap_comments(text, end, start, line, column)
        if token is None:
            return
        end, line, column = token.end_mark.index, token.end_mark.line, token.end_mark.column


def _gap_comments(text: str, start: int, stop: int, line: int, column: int) -> Iterator[tuple[int, int, str]]:
    """Comments in text[start:stop], a stretch that holds only white space, line breaks and comments;
    `line` and `column` are where `start` is (0-based)."""
    line_start = start - column
    position = start
    while True:
        hash_at = text.find("#", position, stop)
        if hash_at < 0:
            return
        for match in _BREAK.finditer(text, position, hash_at):
            line += 1
            line_start = match.end()
        after = _LINE_END.search(text, hash_at, stop)
        position = stop if after is None else after.start()
        yield line + 1, hash_at - line_start + 1, text[hash_at:position]


def _parse(comment: str) -> tuple[tuple[str, ...], str | None, tuple[str, ...]]:
    """The rule prefixes of a suppression comment, or why it is malformed, and its rules as written."""
    marker = _MARKER.match(comment)
    assert marker is not None
    ignore = _IGNORE.match(comment, marker.end())
    if ignore is None:
        return (), "expected ignore[RULE,...] after 'jdcloud-preflight:'", ()
    parts = [part.strip() for part in ignore.group(1).split(",")]
    written = tuple(parts)
    if not any(parts):
        return (), "the list of rules in ignore[...] is empty", written
    bad = [part for part in parts if not part or not (_PREFIX.fullmatch(part) or _NAME.fullmatch(part))]
    if bad:
        return (
            (),
            f"{bad[0]!r} in ignore[...] is not a rule id, prefix or name such as C31, C3, P or key-spelling",
            written,
        )
    from validator.rules import registry

    # A hyphenated word can only be a name; a plain word (`type`, `parse`) is a rule's name where a rule has
    # it, else an id prefix.
    unknown = [part for part in parts if _NAME.fullmatch(part) and registry.by_name(part) is None]
    if unknown:
        return (), f"{unknown[0]!r} in ignore[...] is not the name of a rule", written
    return tuple(registry.canonical(part) for part in parts), None, written


def find(text: str) -> tuple[Suppression, ...]:
    """The suppression comments of a YAML text, malformed ones included (with their problem)."""
    found = []
    for line, column, comment in _comments(text):
        if _MARKER.match(comment):
            rules, problem, written = _parse(comment)
            found.append(Suppression(line, column, rules, problem, written))
    return tuple(found)


def apply(
    findings: tuple[Finding, ...], suppressions: tuple[Suppression, ...]
) -> tuple[tuple[Finding, ...], tuple[Suppression, ...]]:
    """The findings no suppression covers, and the well-formed suppressions that covered nothing."""
    by_line: dict[int, list[Suppression]] = {}
    for suppression in suppressions:
        if suppression.problem is None:
            by_line.setdefault(suppression.line, []).append(suppression)
    used: set[Suppression] = set()
    kept = []
    for finding in findings:
        nearby = () if finding.line is None else (*by_line.get(finding.line, ()), *by_line.get(finding.line - 1, ()))
        covering = [suppression for suppression in nearby if suppression.covers(finding)]
        used.update(covering)
        if not covering:
            kept.append(finding)
    unused = tuple(s for s in suppressions if s.problem is None and s not in used)
    return tuple(kept), unused


def covering(suppressions: tuple[Suppression, ...]) -> Callable[[str, int | None], bool]:
    """Whether a finding of a rule on a line would be suppressed: the cap on findings per container counts
    only those that would not (docs/decisions.md#bounded-work)."""
    by_line: dict[int, list[Suppression]] = {}
    for suppression in suppressions:
        if suppression.problem is None:
            by_line.setdefault(suppression.line, []).append(suppression)

    def covered(rule_id: str, line: int | None) -> bool:
        if line is None or rule_id in UNSUPPRESSABLE_RULES:
            return False
        nearby = (*by_line.get(line, ()), *by_line.get(line - 1, ()))
        return any(suppression.covers_rule(rule_id, line) for suppression in nearby)

    return covered
