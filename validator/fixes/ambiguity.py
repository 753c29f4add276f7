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


class Repeats:
    """What the fixes of one text need to know about its repeated keys, worked out once per object (so
    that offering a fix costs the same however many members the object has): which keys repeat with
    differing values, and which keys, compared without regard to case, repeat with one value only."""

    def __init__(self) -> None:
        # By id of the node, with the node kept so that the id stays its own.
        self._differing: dict[int, tuple[Node, frozenset[str]]] = {}
        self._same: dict[tuple[int, str], tuple[Node, bool]] = {}

    def differing(self, node: Node) -> frozenset[str]:
        """The keys the object repeats with values that differ (or cannot be compared)."""
        known = self._differing.get(id(node))
        if known is None:
            keys = frozenset(
                node.members[indexes[0]].key
                for indexes in node.repeated()
                if _differs([node.members[index] for index in indexes])
            )
            known = self._differing[id(node)] = (node, keys)
        return known[1]

    def one_value(self, node: Node, key: str) -> bool:
        """Whether every member whose key is `key` without regard to case holds the same readable value."""
        folded = key.casefold()
        known = self._same.get((id(node), folded))
        if known is None:
            known = self._same[(id(node), folded)] = (node, _one_value(node, folded))
        return known[1]


def _one_value(node: Node, folded: str) -> bool:
    values = set()
    for index in node.named_folded(folded):
        read = node.members[index].value.value
        if read is None:
            return False
        values.add(_canonical(read()))
    return len(values) == 1


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
            named = node.named(token)
            child = node.members[named[-1]].value if named else None
        elif node.kind == "array" and token.isdigit() and int(token) < len(node.items):
            child = node.items[int(token)]
        if child is None:
            break
        node = child
    return path


def chooses_a_reading(root: Node, intent: Intent, readings: frozenset[str], repeats: Repeats) -> bool:
    """Whether carrying out `intent` would settle an ambiguity rather than fix a mistake: it edits an object
    that repeats a key with different values, or one reached through such a key."""
    path = _path(root, intent.pointer)
    if not path:
        return False
    *above, (parent, _) = path
    if parent.kind == "object" and repeats.differing(parent):
        return True
    if any(node.kind == "object" and token in repeats.differing(node) for node, token in above):
        return True
    merged = parent.kind == "object" and parent.merges()
    if merged and isinstance(intent, RenameKey | RemoveMember):
        return True
    return isinstance(intent, ReplaceValue) and intent.applicability is SAFE and intent.pointer in readings
