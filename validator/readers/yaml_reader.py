"""A safe YAML reader that reads a request as the senders' PyYAML does, and keeps positions.

PyYAML's (C) parser yields the events; this module composes them itself, so that it knows where every
alias was written (PyYAML's composer forgets), and turns the nodes into plain JSON values, so that no tag can
build a Python object and aliases cannot expand without bound. Merge keys (`<<: *base`, `<<: [*a, *b]`) are
applied as PyYAML's SafeLoader applies them: explicit keys win, and of several merged mappings the first
listed wins. A value that arrives through an alias or a merge is placed where the author wrote that alias
(docs/decisions.md#yaml-merge); its JSON Pointer is where it lands.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

import yaml

from validator.readers import yaml_merges
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
from validator.readers.yaml_compose import MERGE_TAG, Composer, Item, Pair, Stop, node_position, target

if TYPE_CHECKING:
    from validator.readers.source_map import Node

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_TAG + "null", _TAG + "bool", _TAG + "int", _TAG + "float", _TAG + "str"}
# A timestamp is kept as its text (docs/decisions.md#yaml-1-1). Every other tag that builds a non-JSON value (binary's
# bytes among them: the SDK's json.dumps could not send them) is refused with the rest (C01).
_AS_TEXT_TAGS = {_TAG + "timestamp"}
_MAP_TAGS = {_TAG + "map", _TAG + "omap"}
_SEQ_TAGS = {_TAG + "seq"}
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
        self.merges_seen: set[int] = set()
        self.count = 0

    def tick(self, position: Position) -> None:
        self.count += 1
        if self.count > MAX_NODES:
            raise Stop(
                f"the document expands to more than {MAX_NODES} values (alias bomb?)",
                position,
                f"文档展开后超过 {MAX_NODES} 个值（别名炸弹？）",
            )

    def build(self, item: Item, pointer: str, depth: int, via: Position | None) -> object:
        """The value of `item` landing at `pointer`; `via` is where the alias it came through was written."""
        node, alias = target(item)
        via = via or alias
        position = via or node_position(node)
        self.tick(position)
        if depth > MAX_DEPTH:
            raise Stop(
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
            # .nan stays a float, as PyYAML reads it: the C03 type error at its pointer (docs/decisions.md#yaml-nan).
            value = self.loader.construct_object(node, deep=True)
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
            raise Stop(
                "a merge key (<<) refers to the mapping it is in",
                via or node_position(node),
                "合并键（<<）引用了它所在的映射",
            )
        if len(merging) > MAX_DEPTH:
            raise Stop(
                f"merge keys (<<) chain deeper than {MAX_DEPTH} levels",
                via or node_position(node),
                f"合并键（<<）的链条超过 {MAX_DEPTH} 层",
            )
        merging = merging | {id(node)}
        sources: list[list[Pair]] = []
        explicit: list[Pair] = []
        for key_item, value_item in node.value:
            key_node, _ = target(key_item)
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag == MERGE_TAG:
                sources += self.sources(value_item, via, merging)
            else:
                explicit.append((key_node, value_item, via, False))
        return [pair for source in reversed(sources) for pair in source] + explicit

    def sources(self, item: Item, via: Position | None, merging: frozenset[int]) -> list[list[Pair]]:
        """The members of each mapping a merge key names, in the order they are listed."""
        node, alias = target(item)
        via = via or alias
        children: list[Item]
        if isinstance(node, yaml.MappingNode):
            children = [node]
        elif isinstance(node, yaml.SequenceNode):
            children = node.value
        else:
            raise Stop(_MERGE_NEEDS, via or node_position(node), _MERGE_NEEDS_ZH)
        sources: list[list[Pair]] = []
        for child in children:
            mapping, child_alias = target(child)
            where = via or child_alias
            if not isinstance(mapping, yaml.MappingNode):
                raise Stop(_MERGE_NEEDS, where or node_position(mapping), _MERGE_NEEDS_ZH)
            sources.append([(k, v, w, True) for k, v, w, _ in self.pairs(mapping, where, merging)])
        return sources

    def mapping(self, node: yaml.MappingNode, pointer: str, depth: int, via: Position | None) -> dict[str, object]:
        winners: dict[str, tuple[yaml.Node, Item, Position | None]] = {}
        explicit: set[str] = set()
        for key_node, value_item, where, merged in self.pairs(node, via, frozenset()):
            if not isinstance(key_node, yaml.ScalarNode):
                raise Stop(
                    "a mapping key must be a plain scalar", where or node_position(key_node), "映射的键必须是普通标量"
                )
            key = str(key_node.value)
            if merged:  # merge keys can multiply members without building values (a merge bomb)
                self.tick(where or node_position(key_node))
            else:
                # Duplicates are reported where they are written, not again at each alias of the mapping.
                if key in explicit and via is None:
                    line, column = node_position(key_node)
                    self.duplicates.append(DuplicateKey(child_pointer(pointer, key), key, line, column))
                explicit.add(key)
            winners[key] = (key_node, value_item, where)
        result: dict[str, object] = {}
        for key, (key_node, value_item, where) in winners.items():
            member = child_pointer(pointer, key)
            self.keys[member] = where or node_position(key_node)
            result[key] = self.build(value_item, member, depth + 1, where)
        if id(node) not in self.merges_seen:  # one finding per written `<<`, however often an alias copies it
            self.merges_seen.add(id(node))
            self._disagreements(node, pointer, via)
        return result

    def _disagreements(self, node: yaml.MappingNode, pointer: str, via: Position | None) -> None:
        """C06 for merged maps that disagree on a key, placed at the `<<` (docs/decisions.md#merged-maps)."""
        for found in yaml_merges.disagreements(
            node,
            lambda item: self.sources(item, via, frozenset({id(node)})),
            lambda scalar: self.loader.construct_object(scalar, deep=True),
            node_position,
        ):
            member = child_pointer(pointer, found.key)
            self.keys[member] = via or found.position
            self.readings.append(YamlReading(member, found.key, "merge", (found.first, found.last)))

    @staticmethod
    def _check_tag(node: yaml.Node, allowed: set[str], position: Position) -> None:
        if node.tag not in allowed:
            raise Stop(
                f"the tag {node.tag} is not allowed: a request holds plain JSON values only",
                position,
                f"不允许使用标签 {node.tag}：请求只能包含普通的 JSON 值",
            )


def read_yaml(text: str) -> Document | ParseFailure:
    """Parse one YAML document safely."""
    loader = _LOADER(text)
    try:
        composer = Composer(loader)
        try:
            node = composer.single()
        except Stop as stop:
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
        except Stop as stop:
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
        spans=functools.partial(_spans, text, node),
    )


def _spans(text: str, node: yaml.Node) -> Node:
    from validator.readers.yaml_spans import source_map  # only when a fix needs the spans

    return source_map(text, node)
