"""Fixes that would choose between two readings of an ambiguous request are not offered
(docs/fixing.md, "What is never fixed"): an edit inside an object that repeats a key with different values
(C02: which one the API reads is the parser's choice), a rename or removal beside a YAML merge key (the
merged maps may supply, or stop supplying, the member), and a safe rewrite of a value two YAML versions read
differently (C06)."""

from __future__ import annotations

import json

from validator.fixes.records import SAFE, Intent, RemoveMember, RenameKey, ReplaceValue
from validator.readers.source_map import Member, Node, tokens


def _canonical(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _differs(members: list[Member]) -> bool:
    """Whether the occurrences of one repeated key hold values that differ (or cannot be compared)."""
    values = set()
    for member in members:
        read = member.value.value
        try:
            values.add(_canonical(read()) if read is not None else f"<{id(member)}>")
        except ValueError:  # past Python's digit limit: not comparable
            return True
    return len(values) > 1


def _differing_repeats(node: Node, only: str | None = None) -> bool:
    """Whether the object repeats a key (`only` that key, when given) with values that differ."""
    by_key: dict[str, list[Member]] = {}
    for member in node.members:
        if not member.merge and (only is None or member.key == only):
            by_key.setdefault(member.key, []).append(member)
    return any(len(members) > 1 and _differs(members) for members in by_key.values())


def _path(root: Node, pointer: str) -> list[tuple[Node, str]]:
    """The objects and arrays from the root down to the one holding the member `pointer` names, each with
    the token that leads on."""
    path: list[tuple[Node, str]] = []
    node: Node | None = root
    for token in tokens(pointer):
        assert node is not None
        path.append((node, token))
        child: Node | None = None
        if node.kind == "object":
            child = next((m.value for m in reversed(node.members) if m.key == token and not m.merge), None)
        elif node.kind == "array" and token.isdigit() and int(token) < len(node.items):
            child = node.items[int(token)]
        if child is None:
            break
        node = child
    return path


def chooses_a_reading(root: Node, intent: Intent, readings: frozenset[str]) -> bool:
    """Whether carrying out `intent` would settle an ambiguity rather than fix a mistake: it edits an object
    that repeats a key with different values, or one reached through such a key."""
    path = _path(root, intent.pointer)
    if not path:
        return False
    *above, (parent, _) = path
    if parent.kind == "object" and _differing_repeats(parent):
        return True
    if any(node.kind == "object" and _differing_repeats(node, token) for node, token in above):
        return True
    merged = parent.kind == "object" and any(member.merge for member in parent.members)
    if merged and isinstance(intent, RenameKey | RemoveMember):
        return True
    return isinstance(intent, ReplaceValue) and intent.applicability is SAFE and intent.pointer in readings
