"""The source map: where each key and value of a request is written, as character offsets into the text the
reader read. The readers build it from their own parse (never a second parser): the JSON reader lazily, one
object at a time along the pointers asked for; the YAML reader from the nodes it composed. Findings take
their positions from it and fixes their spans, so the two always agree."""

from __future__ import annotations

from collections.abc import Callable


class NoSpans(Exception):
    """A part of the text that no edit should touch (or that the map cannot place)."""


class Node:
    """A value as written: [start, end) covers its content (for a YAML block collection, from its first
    to the end of its last content character, without trailing comments or blank lines).

    `kind` is object, array or scalar; `flow` is false for YAML block collections; `style` is the quote
    character of a quoted scalar ('"' or "'"), "" for a plain one; `value` reads the value as the reader
    did; `opaque` marks an alias, a tagged or an anchored node that no edit may rewrite. A node's members
    and items may be found on first use (`expand`), so that a map costs only what is asked of it.
    """

    __slots__ = (
        "_by_folded",
        "_by_key",
        "_expand",
        "_items",
        "_members",
        "_merged",
        "end",
        "flow",
        "kind",
        "opaque",
        "start",
        "style",
        "value",
    )

    def __init__(
        self,
        kind: str,
        start: int,
        end: int,
        flow: bool = True,
        style: str = "",
        members: tuple[Member, ...] = (),
        items: tuple[Node, ...] = (),
        value: Callable[[], object] | None = None,
        opaque: bool = False,
        expand: Callable[[Node], tuple[tuple[Member, ...], tuple[Node, ...]]] | None = None,
    ) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.flow = flow
        self.style = style
        self._members = members
        self._items = items
        self.value = value
        self.opaque = opaque
        self._expand = expand
        self._by_key: dict[str, tuple[int, ...]] | None = None
        self._by_folded: dict[str, tuple[int, ...]] | None = None
        self._merged = False

    def _expanded(self) -> None:
        if self._expand is not None:
            expand, self._expand = self._expand, None
            self._members, self._items = expand(self)

    @property
    def members(self) -> tuple[Member, ...]:
        self._expanded()
        return self._members

    @property
    def items(self) -> tuple[Node, ...]:
        self._expanded()
        return self._items

    # Members by key, built once per object on first use: each look-up then costs the same however many
    # members the object has, so fixes and positions stay linear in the size of the text.
    def named(self, key: str) -> tuple[int, ...]:
        """The indexes of the members (merge keys left out) whose key is `key`, in order."""
        if self._by_key is None:
            self._by_key = _index(self.members, lambda key: key)
            self._merged = any(member.merge for member in self.members)
        return self._by_key.get(key, ())

    def named_folded(self, key: str) -> tuple[int, ...]:
        """The indexes of the members (merge keys left out) whose key is `key` without regard to case."""
        if self._by_folded is None:
            self._by_folded = _index(self.members, str.casefold)
        return self._by_folded.get(key.casefold(), ())

    def repeated(self) -> list[tuple[int, ...]]:
        """The indexes of each key that occurs more than once (merge keys left out)."""
        self.named("")
        assert self._by_key is not None
        return [indexes for indexes in self._by_key.values() if len(indexes) > 1]

    def merges(self) -> bool:
        """Whether the object has a YAML merge key (`<<`)."""
        self.named("")
        return self._merged


def _index(members: tuple[Member, ...], fold: Callable[[str], str]) -> dict[str, tuple[int, ...]]:
    found: dict[str, list[int]] = {}
    for index, member in enumerate(members):
        if not member.merge:
            found.setdefault(fold(member.key), []).append(index)
    return {key: tuple(indexes) for key, indexes in found.items()}


class Member:
    """An object member: its key as read, where the key is written (with its quotes) and its value.
    `merge` marks a YAML merge key (`<<`), which names no member of its own."""

    __slots__ = ("key", "key_end", "key_start", "key_style", "merge", "value")

    def __init__(
        self, key: str, key_start: int, key_end: int, value: Node, key_style: str = "", merge: bool = False
    ) -> None:
        self.key = key
        self.key_start = key_start
        self.key_end = key_end
        self.value = value
        self.key_style = key_style
        self.merge = merge


def tokens(pointer: str) -> list[str]:
    """The reference tokens of an RFC 6901 JSON Pointer."""
    return [part.replace("~1", "/").replace("~0", "~") for part in pointer.split("/")[1:]] if pointer else []


def find(root: Node, pointer: str) -> tuple[Node, int] | None:
    """The object holding the member `pointer` names and the member's index in it (the last occurrence
    of a repeated key, as parsers keep it); None when there is no such member."""
    if not pointer:
        return None
    path = tokens(pointer)
    node = root
    for token in path[:-1]:
        child = _child(node, token)
        if child is None:
            return None
        node = child
    if node.kind != "object" or node.opaque:
        return None
    indexes = node.named(path[-1])
    return (node, indexes[-1]) if indexes else None


def value_at(root: Node, pointer: str) -> Node | None:
    found = find(root, pointer)
    if found is None:
        return None
    parent, index = found
    return parent.members[index].value


def node_at(root: Node, pointer: str) -> Node | None:
    """The value `pointer` names, member or array item (the root for the empty pointer)."""
    node: Node | None = root
    for token in tokens(pointer):
        assert node is not None
        node = _child(node, token)
        if node is None:
            return None
    return node


def _child(node: Node, token: str) -> Node | None:
    if node.opaque:
        return None
    if node.kind == "object":
        indexes = node.named(token)
        return node.members[indexes[-1]].value if indexes else None
    if node.kind == "array" and token.isdigit() and int(token) < len(node.items):
        return node.items[int(token)]
    return None
