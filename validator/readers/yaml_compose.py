"""Composing a YAML text into nodes from the (C) parser's events, as PyYAML's composer does, but
remembering where each alias was written (PyYAML's composer forgets) and where every node ends: the reader
builds the request from these nodes and the source map its spans, from the one parse."""

from __future__ import annotations

from typing import Any

import yaml

from validator.readers.records import MAX_DEPTH, Position

MERGE_TAG = "tag:yaml.org,2002:merge"


class Stop(Exception):
    def __init__(self, message: str, position: Position, zh: str) -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.zh = zh


class Alias:
    """Where an alias was written (position, and offsets for the source map), and the node it names."""

    __slots__ = ("end", "node", "position", "start")

    def __init__(self, node: yaml.Node, event: Any) -> None:
        self.node = node
        self.position = mark(event.start_mark)
        self.start = event.start_mark.index
        self.end = event.end_mark.index


Item = yaml.Node | Alias
# A member to build: key node, value, where it is placed when it came through an alias (else None), and
# whether it was merged (merged members never count as duplicates).
Pair = tuple[yaml.Node, Item, Position | None, bool]


def mark(where: Any) -> Position:
    return (1, 1) if where is None else (where.line + 1, where.column + 1)


def node_position(node: yaml.Node) -> Position:
    return mark(node.start_mark)


class Composer:
    """PyYAML's composer, over the parser's events, remembering where each alias was written."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.anchors: dict[str, yaml.Node] = {}
        # Plain (unquoted, untagged) scalars: only they can be read differently by YAML 1.1 and 1.2.
        self.plain: set[int] = set()

    def single(self) -> yaml.Node | None:
        loader = self.loader
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):
            return None
        loader.get_event()  # document start
        node = self.node(0)
        assert isinstance(node, yaml.Node)  # a document's root cannot be an alias: no anchor exists yet
        loader.get_event()  # document end
        if not loader.check_event(yaml.StreamEndEvent):
            event = loader.get_event()
            raise Stop(
                "expected a single document in the stream but found another document",
                mark(event.start_mark),
                "文件中只应有一个 YAML 文档，却又出现了另一个",
            )
        return node

    def node(self, depth: int) -> Item:
        loader = self.loader
        event = loader.get_event()
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise Stop(
                    f"found undefined alias {event.anchor!r}",
                    mark(event.start_mark),
                    f"别名 {event.anchor!r} 没有定义",
                )
            return Alias(self.anchors[event.anchor], event)
        anchor = event.anchor
        if anchor is not None and anchor in self.anchors:
            raise Stop(f"found duplicate anchor {anchor!r}", mark(event.start_mark), f"锚点 {anchor!r} 重复定义")
        tag = event.tag
        node: yaml.Node
        if isinstance(event, yaml.ScalarEvent):
            if tag is None or tag == "!":
                tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            start: Any = event.start_mark  # the C parser's Mark: the same fields as PyYAML's
            end: Any = event.end_mark
            node = yaml.ScalarNode(tag, event.value, start, end, style=event.style)
            if event.tag is None and event.implicit[0]:
                self.plain.add(id(node))
            if anchor is not None:
                self.anchors[anchor] = node
            return node
        if depth + 1 > MAX_DEPTH:
            raise Stop(
                f"mappings and sequences nest deeper than {MAX_DEPTH} levels",
                mark(event.start_mark),
                f"映射和序列的嵌套超过 {MAX_DEPTH} 层",
            )
        kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
        if tag is None or tag == "!":
            tag = loader.resolve(kind, None, event.implicit)
        items: list[Any] = []
        node = kind(tag, items, event.start_mark, None, flow_style=event.flow_style)
        if anchor is not None:
            self.anchors[anchor] = node
        end = yaml.SequenceEndEvent if kind is yaml.SequenceNode else yaml.MappingEndEvent
        while not loader.check_event(end):
            if kind is yaml.SequenceNode:
                items.append(self.node(depth + 1))
            else:
                items.append((self.node(depth + 1), self.node(depth + 1)))
        node.end_mark = loader.get_event().end_mark
        return node


def target(item: Item) -> tuple[yaml.Node, Position | None]:
    return (item.node, item.position) if isinstance(item, Alias) else (item, None)
