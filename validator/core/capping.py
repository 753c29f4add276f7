"""At most PER_CONTAINER findings of one rule per object or array: past them, one finding of the same rule
says how many more there are (docs/decisions.md#bounded-work). A request with 60,000 misspelt keys or
a dataDisks list of a million entries gets a report a person can read, and costs no per-finding work
(positions, fixes) past the cap."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from validator.core.finding import Finding, Severity
from validator.core.messages import Message, quote
from validator.readers.records import child_pointer
from validator.readers.source_map import tokens
from validator.rules.base import PER_CONTAINER, Hit, Rule


def kind(pointer: str) -> tuple[str, str]:
    """Where findings count as one kind: the object or array holding what `pointer` names, with array
    indexes left out (every entry of dataDisks counts as one container); and the written pointer of the
    outermost array or object that container stands for."""
    parts = tokens(pointer)[:-1]
    shape = "/".join("*" if part.isdigit() else part for part in parts)
    written = ""
    for part in parts:
        if part.isdigit():
            break
        written = child_pointer(written, part)
    return shape, written


@attrs.frozen
class Overflow(Message):
    """The message of the finding that stands for the findings past the cap."""


def is_summary(finding: Finding) -> bool:
    """Whether `finding` stands for the findings of its rule past the cap (not a problem of its own)."""
    return isinstance(finding.text, Overflow)


@attrs.define
class _Overflow:
    rule: Rule
    pointer: str
    count: int = 0
    severity: Severity = Severity.INFO


class Cap:
    """Admits the first PER_CONTAINER hits of each rule per container, and counts the rest."""

    def __init__(self, suppressed: Callable[[Rule, Hit], bool] | None = None) -> None:
        # Hits a suppression comment covers are admitted uncounted: the comment removes them later, and the
        # findings past the cap are then only those no comment covers (docs/decisions.md#bounded-work).
        self._suppressed = suppressed
        self._seen: dict[tuple[str, str], int] = {}
        self._over: dict[tuple[str, str], _Overflow] = {}
        self._admitted: set[tuple[str, str, str]] = set()

    def admits(self, rule: Rule, hit: Hit) -> bool:
        if self._suppressed is not None and self._suppressed(rule, hit):
            return True
        shape, written = kind(hit.pointer)
        key = (rule.id, shape)
        same = (rule.id, hit.pointer, hit.message.en)
        if same in self._admitted:
            return True  # the same finding again: one finding in the end, counted once
        seen = self._seen.get(key, 0)
        if seen < PER_CONTAINER:
            self._seen[key] = seen + 1
            self._admitted.add(same)
            return True
        over = self._over.setdefault(key, _Overflow(rule, written))
        over.count += 1
        severity = hit.severity or rule.severity
        over.severity = max(over.severity, severity, key=lambda s: s.rank)
        return False

    def summaries(self) -> list[tuple[Rule, Hit]]:
        """One hit per container past the cap, of the same rule and the highest severity it held back."""
        return [(over.rule, _summary(over)) for over in self._over.values()]


def _summary(over: _Overflow) -> Hit:
    place = quote(over.pointer) if over.pointer else "the top level"
    zh_place = quote(over.pointer) if over.pointer else "顶层"
    rule, count = over.rule.id, over.count
    text = Overflow(
        f"... and {count} more {rule} findings in {place}: only the first {PER_CONTAINER} of a rule are reported "
        "for each object or array",
        f"……{zh_place} 中还有 {count} 个 {rule} 发现项：每个对象或数组中每条规则只报告前 {PER_CONTAINER} 个",
    )
    return Hit(over.pointer, text, severity=over.severity)
