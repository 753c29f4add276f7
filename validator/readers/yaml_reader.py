"""A safe YAML reader that keeps positions and duplicate keys.

PyYAML composes the node graph (which carries positions); this module turns it into plain JSON values
itself, so that no tag can build a Python object and aliases cannot expand without bound.
"""

from __future__ import annotations

from typing import Any

import yaml

from validator.readers.records import (
    MAX_DEPTH,
    MAX_NODES,
    Document,
    DuplicateKey,
    ParseFailure,
    Position,
    child_pointer,
)

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_TAGS = {
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:str",
}
# Tags that PyYAML's safe constructor turns into non-JSON values; the text is kept as a string instead.
_AS_TEXT_TAGS = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary"}
_MAP_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:omap"}
_SEQ_TAGS = {"tag:yaml.org,2002:seq"}


class _Stop(Exception):
    def __init__(self, message: str, node: yaml.Node) -> None:
        super().__init__(message)
        self.message = message
        self.node = node


class _Builder:
    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.values: dict[str, Position] = {}
        self.keys: dict[str, Position] = {}
        self.duplicates: list[DuplicateKey] = []
        self.count = 0

    def build(self, node: yaml.Node, pointer: str, depth: int) -> object:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Stop(f"the document expands to more than {MAX_NODES} values (alias bomb?)", node)
        if depth > MAX_DEPTH:
            raise _Stop(f"mappings and sequences nest deeper than {MAX_DEPTH} levels", node)
        self.values[pointer] = _position(node)
        if isinstance(node, yaml.MappingNode):
            self._check_tag(node, _MAP_TAGS)
            return self.mapping(node, pointer, depth)
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, _SEQ_TAGS)
            return [self.build(item, child_pointer(pointer, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        if node.tag in _AS_TEXT_TAGS:
            return str(node.value)
        self._check_tag(node, _PLAIN_TAGS)
        value = self.loader.construct_object(node, deep=True)
        if isinstance(value, float) and value != value:  # NaN is not a JSON value
            raise _Stop(".nan has no JSON equivalent", node)
        return value

    def mapping(self, node: yaml.MappingNode, pointer: str, depth: int) -> dict[str, object]:
        result: dict[str, object] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Stop("a mapping key must be a plain scalar", key_node)
            key = str(key_node.value)
            member = child_pointer(pointer, key)
            line, column = _position(key_node)
            if key in result:
                self.duplicates.append(DuplicateKey(member, key, line, column))
            self.keys[member] = (line, column)
            result[key] = self.build(value_node, member, depth + 1)
        return result

    @staticmethod
    def _check_tag(node: yaml.Node, allowed: set[str]) -> None:
        if node.tag not in allowed:
            raise _Stop(f"the tag {node.tag} is not allowed: a request holds plain JSON values only", node)


def _position(node: yaml.Node) -> Position:
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def _too_deep(text: str) -> ParseFailure | None:
    """Refuse deep nesting before composing: PyYAML's composer recurses (in C, past any Python guard)."""
    depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                message = f"mappings and sequences nest deeper than {MAX_DEPTH} levels"
                mark = event.start_mark
                return ParseFailure(message) if mark is None else ParseFailure(message, mark.line + 1, mark.column + 1)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def read_yaml(text: str) -> Document | ParseFailure:
    """Parse one YAML document safely."""
    loader = _LOADER(text)
    try:
        try:
            too_deep = _too_deep(text)
            if too_deep is not None:
                return too_deep
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            message = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
            if mark is None:
                return ParseFailure(message)
            return ParseFailure(message, mark.line + 1, mark.column + 1)
        except yaml.YAMLError as exc:
            return ParseFailure(f"invalid YAML: {exc}")
        if node is None:
            return ParseFailure("the file is empty: a YAML mapping was expected")
        builder = _Builder(loader)
        try:
            root = builder.build(node, "", 0)
        except _Stop as stop:
            line, column = _position(stop.node)
            return ParseFailure(stop.message, line, column)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            return ParseFailure(f"invalid YAML value: {exc}")
    finally:
        loader.dispose()
    return Document(root, builder.values, builder.keys, tuple(builder.duplicates))
