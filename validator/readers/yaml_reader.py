"""A safe YAML reader that reads a request as the senders' PyYAML does, and keeps positions.

PyYAML's (C) parser yields the events; this module composes them itself, so that it knows where every
alias was written (PyYAML's composer forgets), and turns the nodes into plain JSON values, so that no tag can
build a Python object and aliases cannot expand without bound. Merge keys (`<<: *base`, `<<: [*a, *b]`) are
applied as PyYAML's SafeLoader applies them: explicit keys win, and of several merged mappings the first
listed wins. A value that arrives through an alias or a merge is placed where the author wrote that alias
(docs/decisions.md#yaml-merge); its JSON Pointer is where it lands.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from validator.readers.records import (
    MAX_DEPTH,
    MAX_NODES,
    Document,
    DuplicateKey,
    ParseFailure,
    Position,
    YamlReading,
    child_pointer,
)

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_TAG + "null", _TAG + "bool", _TAG + "int", _TAG + "float", _TAG + "str"}
# A timestamp is kept as its text (docs/decisions.md#yaml-1-1). Every other tag that builds a non-JSON value (binary's
# bytes among them: the SDK's json.dumps could not send them) is refused with the rest (C01).
_AS_TEXT_TAGS = {_TAG + "timestamp"}
_MAP_TAGS = {_TAG + "map", _TAG + "omap"}
_SEQ_TAGS = {_TAG + "seq"}
_MERGE_TAG = _TAG + "merge"
_MERGE_NEEDS = "a merge key (<<) needs a mapping or a list of mappings"
_MERGE_NEEDS_ZH = "合并键（<<）需要一个映射或映射列表"
# C06: plain scalars YAML 1.1 and YAML 1.2 read differently.
_BOOLEAN_WORDS = {"yes": True, "y": True, "on": True, "no": False, "n": False, "off": False}
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+")
# Numbers only YAML 1.1 reads (PyYAML: digit separators, binary) ...
_YAML11_ONLY_NUMBER = re.compile(r"[-+]?(?:0b[01_]+|[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?|[0-9]*\.[0-9]*_[0-9_]*)")
# ... and numbers only YAML 1.2's core schema reads: 0o octal, and floats PyYAML's resolver misses (no dot,
# or an exponent without a sign, such as 1e2 and 1.0e2).
_YAML12_NUMBER = re.compile(r"0o[0-7]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")


class _Stop(Exception):
    def __init__(self, message: str, position: Position, zh: str) -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.zh = zh


class _Alias:
    """Where an alias was written, and the node it names."""

    __slots__ = ("node", "position")

    def __init__(self, node: yaml.Node, position: Position) -> None:
        self.node = node
        self.position = position


Item = yaml.Node | _Alias
# A member to build: key node, value, where it is placed when it came through an alias (else None), and
# whether it was merged (merged members never count as duplicates).
Pair = tuple[yaml.Node, Item, Position | None, bool]


def _mark(mark: Any) -> Position:
    return (1, 1) if mark is None else (mark.line + 1, mark.column + 1)


def _position(node: yaml.Node) -> Position:
    return _mark(node.start_mark)


class _Composer:
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
            raise _Stop(
                "expected a single document in the stream but found another document",
                _mark(event.start_mark),
                "文件中只应有一个 YAML 文档，却又出现了另一个",
            )
        return node

    def node(self, depth: int) -> Item:
        loader = self.loader
        event = loader.get_event()
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise _Stop(
                    f"found undefined alias {event.anchor!r}",
                    _mark(event.start_mark),
                    f"别名 {event.anchor!r} 没有定义",
                )
            return _Alias(self.anchors[event.anchor], _mark(event.start_mark))
        anchor = event.anchor
        if anchor is not None and anchor in self.anchors:
            raise _Stop(f"found duplicate anchor {anchor!r}", _mark(event.start_mark), f"锚点 {anchor!r} 重复定义")
        tag = event.tag
        node: yaml.Node
        if isinstance(event, yaml.ScalarEvent):
            if tag is None or tag == "!":
                tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            start: Any = event.start_mark  # the C parser's Mark: the same fields as PyYAML's
            node = yaml.ScalarNode(tag, event.value, start, None, style=event.style)
            if event.tag is None and event.implicit[0]:
                self.plain.add(id(node))
            if anchor is not None:
                self.anchors[anchor] = node
            return node
        if depth + 1 > MAX_DEPTH:
            raise _Stop(
                f"mappings and sequences nest deeper than {MAX_DEPTH} levels",
                _mark(event.start_mark),
                f"映射和序列的嵌套超过 {MAX_DEPTH} 层",
            )
        kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
        if tag is None or tag == "!":
            tag = loader.resolve(kind, None, event.implicit)
        items: list[Any] = []
        node = kind(tag, items, event.start_mark, None)
        if anchor is not None:
            self.anchors[anchor] = node
        end = yaml.SequenceEndEvent if kind is yaml.SequenceNode else yaml.MappingEndEvent
        while not loader.check_event(end):
            if kind is yaml.SequenceNode:
                items.append(self.node(depth + 1))
            else:
                items.append((self.node(depth + 1), self.node(depth + 1)))
        loader.get_event()
        return node


def _target(item: Item) -> tuple[yaml.Node, Position | None]:
    return (item.node, item.position) if isinstance(item, _Alias) else (item, None)


def _reading(pointer: str, node: yaml.ScalarNode, value: object) -> YamlReading | None:
    """C06: how a plain scalar reads differently in YAML 1.1 (PyYAML) and YAML 1.2, if it does."""
    text = str(node.value)
    if text.lower() in _BOOLEAN_WORDS:
        return YamlReading(pointer, text, "boolean", value)
    if node.tag in (_TAG + "int", _TAG + "float") and ":" in text:
        return YamlReading(pointer, text, "sexagesimal", value)
    if _LEADING_ZERO.fullmatch(text):
        return YamlReading(pointer, text, "octal" if node.tag == _TAG + "int" else "leading-zero", value)
    if node.tag == _TAG + "timestamp":
        return YamlReading(pointer, text, "timestamp", value)
    if node.tag in (_TAG + "int", _TAG + "float") and _YAML11_ONLY_NUMBER.fullmatch(text):
        return YamlReading(pointer, text, "yaml11-number", value)
    if node.tag == _TAG + "str" and _YAML12_NUMBER.fullmatch(text):
        return YamlReading(pointer, text, "yaml12-number", value)
    return None


class _Builder:
    def __init__(self, loader: Any, plain: set[int]) -> None:
        self.loader = loader
        self.plain = plain
        self.values: dict[str, Position] = {}
        self.keys: dict[str, Position] = {}
        self.duplicates: list[DuplicateKey] = []
        self.readings: list[YamlReading] = []
        self.number_texts: dict[str, str] = {}
        self.read_scalars: set[int] = set()
        self.count = 0

    def tick(self, position: Position) -> None:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Stop(
                f"the document expands to more than {MAX_NODES} values (alias bomb?)",
                position,
                f"文档展开后超过 {MAX_NODES} 个值（别名炸弹？）",
            )

    def build(self, item: Item, pointer: str, depth: int, via: Position | None) -> object:
        """The value of `item` landing at `pointer`; `via` is where the alias it came through was written."""
        node, alias = _target(item)
        via = via or alias
        position = via or _position(node)
        self.tick(position)
        if depth > MAX_DEPTH:
            raise _Stop(
                f"mappings and sequences nest deeper than {MAX_DEPTH} levels",
                position,
                f"映射和序列的嵌套超过 {MAX_DEPTH} 层",
            )
        self.values[pointer] = position
        if isinstance(node, yaml.MappingNode):
            self._check_tag(node, _MAP_TAGS, position)
            return self.mapping(node, pointer, depth, via)
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, _SEQ_TAGS, position)
            return [self.build(child, child_pointer(pointer, i), depth + 1, via) for i, child in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        if node.tag in _AS_TEXT_TAGS:
            value: object = str(node.value)
        else:
            self._check_tag(node, _PLAIN_TAGS, position)
            value = self.loader.construct_object(node, deep=True)
            if isinstance(value, float) and value != value:  # NaN is not a JSON value
                raise _Stop(".nan has no JSON equivalent", position, ".nan 在 JSON 中没有对应的值")
        if id(node) in self.plain:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                self.number_texts[pointer] = str(node.value)
            # One finding per written scalar, however many places an alias copies it to.
            if id(node) not in self.read_scalars:
                self.read_scalars.add(id(node))
                reading = _reading(pointer, node, value)
                if reading is not None:
                    self.readings.append(reading)
        return value

    def pairs(self, node: yaml.MappingNode, via: Position | None, merging: frozenset[int]) -> list[Pair]:
        """The members of a mapping in the order that makes "later wins" right: merged ones first, the
        first-listed source last (the YAML merge key's rule, and PyYAML's intent: of `<<: [*a, *b]` and of
        repeated `<<` keys the first wins), then the explicit ones, which win over every merged one."""
        if id(node) in merging:
            raise _Stop(
                "a merge key (<<) refers to the mapping it is in",
                via or _position(node),
                "合并键（<<）引用了它所在的映射",
            )
        if len(merging) > MAX_DEPTH:
            raise _Stop(
                f"merge keys (<<) chain deeper than {MAX_DEPTH} levels",
                via or _position(node),
                f"合并键（<<）的链条超过 {MAX_DEPTH} 层",
            )
        merging = merging | {id(node)}
        sources: list[list[Pair]] = []
        explicit: list[Pair] = []
        for key_item, value_item in node.value:
            key_node, _ = _target(key_item)
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag == _MERGE_TAG:
                sources += self.sources(value_item, via, merging)
            else:
                explicit.append((key_node, value_item, via, False))
        return [pair for source in reversed(sources) for pair in source] + explicit

    def sources(self, item: Item, via: Position | None, merging: frozenset[int]) -> list[list[Pair]]:
        """The members of each mapping a merge key names, in the order they are listed."""
        node, alias = _target(item)
        via = via or alias
        children: list[Item]
        if isinstance(node, yaml.MappingNode):
            children = [node]
        elif isinstance(node, yaml.SequenceNode):
            children = node.value
        else:
            raise _Stop(_MERGE_NEEDS, via or _position(node), _MERGE_NEEDS_ZH)
        sources: list[list[Pair]] = []
        for child in children:
            mapping, child_alias = _target(child)
            where = via or child_alias
            if not isinstance(mapping, yaml.MappingNode):
                raise _Stop(_MERGE_NEEDS, where or _position(mapping), _MERGE_NEEDS_ZH)
            sources.append([(k, v, w, True) for k, v, w, _ in self.pairs(mapping, where, merging)])
        return sources

    def mapping(self, node: yaml.MappingNode, pointer: str, depth: int, via: Position | None) -> dict[str, object]:
        winners: dict[str, tuple[yaml.Node, Item, Position | None]] = {}
        explicit: set[str] = set()
        for key_node, value_item, where, merged in self.pairs(node, via, frozenset()):
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Stop(
                    "a mapping key must be a plain scalar", where or _position(key_node), "映射的键必须是普通标量"
                )
            key = str(key_node.value)
            if merged:  # merge keys can multiply members without building values (a merge bomb)
                self.tick(where or _position(key_node))
            else:
                # Duplicates are reported where they are written, not again at each alias of the mapping.
                if key in explicit and via is None:
                    line, column = _position(key_node)
                    self.duplicates.append(DuplicateKey(child_pointer(pointer, key), key, line, column))
                explicit.add(key)
            winners[key] = (key_node, value_item, where)
        result: dict[str, object] = {}
        for key, (key_node, value_item, where) in winners.items():
            member = child_pointer(pointer, key)
            self.keys[member] = where or _position(key_node)
            result[key] = self.build(value_item, member, depth + 1, where)
        return result

    @staticmethod
    def _check_tag(node: yaml.Node, allowed: set[str], position: Position) -> None:
        if node.tag not in allowed:
            raise _Stop(
                f"the tag {node.tag} is not allowed: a request holds plain JSON values only",
                position,
                f"不允许使用标签 {node.tag}：请求只能包含普通的 JSON 值",
            )


def read_yaml(text: str) -> Document | ParseFailure:
    """Parse one YAML document safely."""
    loader = _LOADER(text)
    try:
        composer = _Composer(loader)
        try:
            node = composer.single()
        except _Stop as stop:
            return ParseFailure(stop.message, *stop.position, stop.zh)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            message = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
            zh = f"YAML 语法错误（解析器原文：{message}）"
            if mark is None:
                return ParseFailure(message, zh=zh)
            return ParseFailure(message, mark.line + 1, mark.column + 1, zh)
        except yaml.YAMLError as exc:
            return ParseFailure(f"invalid YAML: {exc}", zh=f"YAML 无效（解析器原文：{exc}）")
        if node is None:
            return ParseFailure("the file is empty: a YAML mapping was expected", zh="文件为空：应为一个 YAML 映射")
        builder = _Builder(loader, composer.plain)
        try:
            root = builder.build(node, "", 0, None)
        except _Stop as stop:
            return ParseFailure(stop.message, *stop.position, stop.zh)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            return ParseFailure(f"invalid YAML value: {exc}", zh=f"YAML 值无效（解析器原文：{exc}）")
    finally:
        loader.dispose()
    return Document(
        root,
        builder.values,
        builder.keys,
        tuple(builder.duplicates),
        readings=tuple(builder.readings),
        number_texts=builder.number_texts,
    )
