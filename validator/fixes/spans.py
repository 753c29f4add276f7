"""Where each key and value of a request is written: a span tree built from the text, for JSON by a small
scanner of its own and for YAML from PyYAML's composed nodes (never a dump), so that fixes can edit the
text in place and leave every other character as it was."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import attrs

from validator.readers.records import MAX_DEPTH, MAX_NODES

_SPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_scanstring: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


class NoSpans(Exception):
    """The text cannot be mapped (it does not parse, or it is built in a way no edit should touch)."""


@attrs.frozen(eq=False)
class Node:
    """A value as written: [start, end) covers its content (for a YAML block collection, from its first
    to the end of its last content character, without trailing comments or blank lines).

    `kind` is object, array or scalar; `flow` is false for YAML block collections; `style` is the quote
    character of a quoted scalar ('"' or "'"), "" for a plain one; `value` reads the value as a parser
    would; `opaque` marks an alias, a tagged or an anchored node that no edit may rewrite.
    """

    kind: str
    start: int
    end: int
    flow: bool = True
    style: str = ""
    members: tuple[Member, ...] = ()
    items: tuple[Node, ...] = ()
    value: Callable[[], object] | None = None
    opaque: bool = False


@attrs.frozen(eq=False)
class Member:
    """An object member: its key as read, where the key is written (with its quotes) and its value.
    `merge` marks a YAML merge key (`<<`), which names no member of its own."""

    key: str
    key_start: int
    key_end: int
    value: Node
    key_style: str = ""
    merge: bool = False


def find(root: Node, pointer: str) -> tuple[Node, int] | None:
    """The object holding the member `pointer` names and the member's index in it (the last occurrence
    of a repeated key, as parsers keep it); None when there is no such member."""
    if not pointer:
        return None
    tokens = [part.replace("~1", "/").replace("~0", "~") for part in pointer.split("/")[1:]]
    node = root
    for token in tokens[:-1]:
        child = _child(node, token)
        if child is None:
            return None
        node = child
    if node.kind != "object" or node.opaque:
        return None
    for index in range(len(node.members) - 1, -1, -1):
        member = node.members[index]
        if member.key == tokens[-1] and not member.merge:
            return node, index
    return None


def value_at(root: Node, pointer: str) -> Node | None:
    found = find(root, pointer)
    if found is None:
        return None
    parent, index = found
    return parent.members[index].value


def _child(node: Node, token: str) -> Node | None:
    if node.opaque:
        return None
    if node.kind == "object":
        for member in reversed(node.members):
            if member.key == token and not member.merge:
                return member.value
        return None
    if node.kind == "array" and token.isdigit() and int(token) < len(node.items):
        return node.items[int(token)]
    return None


# JSON ---------------------------------------------------------------------------------------------------


class _JsonSpans:
    def __init__(self, text: str) -> None:
        self.text = text

    def skip(self, offset: int) -> int:
        return _SPACE.match(self.text, offset).end()  # type: ignore[union-attr]

    def value(self, offset: int, depth: int) -> Node:
        text = self.text
        if depth > MAX_DEPTH or offset >= len(text):
            raise NoSpans
        char = text[offset]
        if char == "{":
            return self.obj(offset, depth)
        if char == "[":
            return self.array(offset, depth)
        if char == '"':
            try:
                decoded, end = _scanstring(text, offset + 1, True)
            except json.JSONDecodeError:
                raise NoSpans from None
            return Node("scalar", offset, end, style='"', value=_constant(decoded))
        for word, literal in (("true", True), ("false", False), ("null", None)):
            if text.startswith(word, offset):
                return Node("scalar", offset, offset + len(word), value=_constant(literal))
        match = _NUMBER.match(text, offset)
        if match is None:
            raise NoSpans
        token = match.group()
        number: object = float(token) if any(c in token for c in ".eE") else int(token)
        return Node("scalar", offset, match.end(), value=_constant(number))

    def obj(self, start: int, depth: int) -> Node:
        text = self.text
        members: list[Member] = []
        offset = self.skip(start + 1)
        if not text.startswith("}", offset):
            while True:
                if not text.startswith('"', offset):
                    raise NoSpans
                try:
                    key, key_end = _scanstring(text, offset + 1, True)
                except json.JSONDecodeError:
                    raise NoSpans from None
                colon = self.skip(key_end)
                if not text.startswith(":", colon):
                    raise NoSpans
                value = self.value(self.skip(colon + 1), depth + 1)
                members.append(Member(key, offset, key_end, value, '"'))
                offset = self.skip(value.end)
                if text.startswith(",", offset):
                    offset = self.skip(offset + 1)
                    continue
                if text.startswith("}", offset):
                    break
                raise NoSpans
        end = offset + 1
        return Node("object", start, end, members=tuple(members), value=_loads(text, start, end))

    def array(self, start: int, depth: int) -> Node:
        text = self.text
        items: list[Node] = []
        offset = self.skip(start + 1)
        if not text.startswith("]", offset):
            while True:
                item = self.value(offset, depth + 1)
                items.append(item)
                offset = self.skip(item.end)
                if text.startswith(",", offset):
                    offset = self.skip(offset + 1)
                    continue
                if text.startswith("]", offset):
                    break
                raise NoSpans
        end = offset + 1
        return Node("array", start, end, items=tuple(items), value=_loads(text, start, end))


def _constant(value: object) -> Callable[[], object]:
    return lambda: value


def _loads(text: str, start: int, end: int) -> Callable[[], object]:
    return lambda: json.loads(text[start:end])


def json_spans(text: str) -> Node:
    """The span tree of a JSON text (a leading byte-order mark is skipped); raises NoSpans."""
    reader = _JsonSpans(text)
    offset = reader.skip(1 if text.startswith("\ufeff") else 0)
    return reader.value(offset, 0)


# YAML ---------------------------------------------------------------------------------------------------

_MERGE_TAG = "tag:yaml.org,2002:merge"


class _YamlSpans:
    def __init__(self, text: str, loader: Any) -> None:
        self.text = text
        self.loader = loader
        self.seen: set[int] = set()

    def node(self, node: Any, depth: int) -> Node:
        import yaml

        if depth > MAX_DEPTH or len(self.seen) > MAX_NODES:
            raise NoSpans
        start, end = node.start_mark.index, node.end_mark.index
        # A node met again is an alias of an anchor written earlier: its marks are the anchor's.
        alias = id(node) in self.seen
        self.seen.add(id(node))
        written = self.text[start:end]
        anchored = alias or self.text.startswith(("&", "!"), start)

        def construct() -> object:
            return self.loader.construct_object(node, deep=True)

        if alias:
            return Node("scalar", start, end, opaque=True, value=construct)
        if isinstance(node, yaml.ScalarNode):
            style = node.style if node.style in ('"', "'") else ""
            if node.style in ("|", ">") or ("\n" in written.rstrip("\n") and not style):
                # Block scalars and multi-line plain scalars are left as written.
                return Node("scalar", start, _content_end(self.text, start, end), opaque=True, value=construct)
            return Node("scalar", start, end, style=style, opaque=anchored, value=construct)
        flow = bool(node.flow_style)
        if not flow:
            end = _block_end(self.text, start, end)
        if isinstance(node, yaml.SequenceNode):
            items = tuple(self.node(item, depth + 1) for item in node.value)
            return Node("array", start, end, flow=flow, items=items, opaque=anchored, value=construct)
        members: list[Member] = []
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise NoSpans
            key_style = key_node.style if key_node.style in ('"', "'") else ""
            value = self.node(value_node, depth + 1)
            if value.start < key_node.end_mark.index:
                # An alias value: its marks point at the anchor; the alias itself is after the key.
                value = Node("scalar", key_node.end_mark.index, key_node.end_mark.index, opaque=True, value=value.value)
            members.append(
                Member(
                    str(key_node.value),
                    key_node.start_mark.index,
                    key_node.end_mark.index,
                    value,
                    key_style,
                    key_node.tag == _MERGE_TAG,
                )
            )
        return Node("object", start, end, flow=flow, members=tuple(members), opaque=anchored, value=construct)


def _block_end(text: str, start: int, end: int) -> int:
    """Where a block collection's content ends: its end mark lies at the next token, past the blank lines
    and the comment lines that follow it (those belong to what comes next)."""
    while True:
        end = _content_end(text, start, end)
        line_start = text.rfind("\n", 0, end) + 1
        if line_start <= start or not text[line_start:end].lstrip(" \t").startswith("#"):
            return end
        end = line_start


def _content_end(text: str, start: int, end: int) -> int:
    """The end of the last character of a block scalar that is not white space (its end mark lies past
    the line breaks it folds or keeps)."""
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def yaml_spans(text: str) -> Node:
    """The span tree of one YAML document, by the pure-Python composer (its marks count characters)."""
    import yaml

    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise NoSpans
        spans = _YamlSpans(text, loader)
        return spans.node(node, 0)
    except yaml.YAMLError:
        raise NoSpans from None
    finally:
        loader.dispose()
