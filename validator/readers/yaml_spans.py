"""The YAML source map: the spans of the nodes the reader composed (validator.readers.yaml_compose), built
when a fix first needs them. Aliases, tags, anchors, block scalars and multi-line plain scalars are opaque:
no edit rewrites them."""

from __future__ import annotations

from typing import Any

import yaml

from validator.readers.records import MAX_DEPTH, MAX_NODES
from validator.readers.source_map import Member, Node, NoSpans
from validator.readers.yaml_compose import MERGE_TAG, Alias, Item

# Builds scalar values as the reader does (its plain tags): only to compare repeated keys' values.
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


class _Unknown:
    """A value that cannot be compared (it merges mappings): never equal to another."""


def _plain(item: Item, depth: int = 0) -> object:
    node = item.node if isinstance(item, Alias) else item
    if depth > MAX_DEPTH:
        raise NoSpans
    if isinstance(node, yaml.ScalarNode):
        return _CONSTRUCTOR.construct_object(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return [_plain(child, depth + 1) for child in node.value]
    result = {}
    for key, value in node.value:
        key_node = key.node if isinstance(key, Alias) else key
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == MERGE_TAG:
            raise NoSpans
        result[str(key_node.value)] = _plain(value, depth + 1)
    return result


def _reading(item: Item) -> Any:
    def read() -> object:
        try:
            return _plain(item)
        except (NoSpans, yaml.YAMLError, ValueError):
            return _Unknown()

    return read


class _Spans:
    def __init__(self, text: str, origin: int) -> None:
        self.text = text
        # The C parser does not count a leading byte-order mark; offsets into the text do.
        self.origin = origin
        self.count = 0

    def item(self, item: Item, depth: int) -> Node:
        if isinstance(item, Alias):
            start, end = item.start + self.origin, item.end + self.origin
            return Node("scalar", start, end, opaque=True, value=_reading(item))
        return self.node(item, depth)

    def node(self, node: yaml.Node, depth: int) -> Node:
        self.count += 1
        if depth > MAX_DEPTH or self.count > MAX_NODES:
            raise NoSpans
        text = self.text
        start, end = node.start_mark.index + self.origin, node.end_mark.index + self.origin
        written = text[start:end]
        anchored = text.startswith(("&", "!"), start)
        if isinstance(node, yaml.ScalarNode):
            style = node.style if node.style in ('"', "'") else ""
            if node.style in ("|", ">") or ("\n" in written.rstrip("\n") and not style):
                # Block scalars and multi-line plain scalars are left as written.
                return Node("scalar", start, _content_end(text, start, end), opaque=True, value=_reading(node))
            return Node("scalar", start, end, style=style, opaque=anchored, value=_reading(node))
        flow = bool(getattr(node, "flow_style", None))
        if not flow:
            end = _block_end(text, start, end)
        if isinstance(node, yaml.SequenceNode):
            items = tuple(self.item(child, depth + 1) for child in node.value)
            return Node("array", start, end, flow=flow, items=items, opaque=anchored, value=_reading(node))
        members: list[Member] = []
        for key_item, value_item in node.value:
            if not isinstance(key_item, yaml.ScalarNode):
                raise NoSpans
            key_style = key_item.style if key_item.style in ('"', "'") else ""
            key_start, key_end = key_item.start_mark.index + self.origin, key_item.end_mark.index + self.origin
            value = self.item(value_item, depth + 1)
            merge = key_item.tag == MERGE_TAG
            members.append(Member(str(key_item.value), key_start, key_end, value, key_style, merge))
        return Node("object", start, end, flow=flow, members=tuple(members), opaque=anchored, value=_reading(node))


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


def source_map(text: str, root: yaml.Node) -> Node:
    """The span tree of the document the reader composed from `text`; raises NoSpans."""
    return _Spans(text, 1 if text.startswith("\ufeff") else 0).node(root, 0)
