"""Where findings end: the end of the key or value each finding starts at, from the document's source map
(the spans fixes edit), so that reports can mark the whole span. No I/O."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs

from validator.core.finding import Finding
from validator.readers import Document
from validator.readers.records import Position, offset_position
from validator.readers.source_map import Node, NoSpans, find, node_at


@functools.lru_cache(maxsize=4)
def _line_starts(text: str) -> Sequence[int]:
    starts = [0]
    index = text.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def _position(text: str, offset: int) -> Position:
    line, column = offset_position(_line_starts(text), offset)
    if line == 1 and text.startswith("\ufeff"):  # columns count after a byte-order mark
        column -= 1
    return line, column


def _spans_at(root: Node, pointer: str) -> list[tuple[int, int]]:
    """The spans a finding at `pointer` may start at: the member's key, then the value."""
    spans = []
    found = find(root, pointer)
    if found is not None:
        member = found[0].members[found[1]]
        spans.append((member.key_start, member.key_end))
    node = node_at(root, pointer)
    if node is not None:
        spans.append((node.start, node.end))
    return spans


def with_ends(findings: tuple[Finding, ...], text: str, document: Document) -> tuple[Finding, ...]:
    """`findings` with `end_line` and `end_column` (just past the last character) set where the finding
    starts at a key or value of `document`, read from `text`. Findings that already know their end (the
    JSON reader places both) are left as they are, so that their documents build no spans for it."""
    if document.spans is None or not any(_open(f) for f in findings):
        return findings
    try:
        root = document.spans()
    except (NoSpans, ValueError, IndexError):
        return findings
    ended = []
    for finding in findings:
        ended.append(_ended(finding, text, root))
    return tuple(ended)


def _open(finding: Finding) -> bool:
    """Whether the finding starts at a key or value and its end is not known yet."""
    return bool(finding.pointer) and finding.line is not None and finding.end_line is None


def _ended(finding: Finding, text: str, root: Node) -> Finding:
    if not _open(finding):
        return finding
    try:
        spans = _spans_at(root, finding.pointer)
    except (NoSpans, ValueError, IndexError):
        return finding
    for start, end in spans:
        if _position(text, start) == (finding.line, finding.column):
            end_line, end_column = _position(text, max(end, start + 1))
            return attrs.evolve(finding, end_line=end_line, end_column=end_column)
    return finding
