"""A JSON reader that keeps where every key and value was written and notices duplicate keys.

The standard library's parser keeps neither positions nor duplicates, so this small recursive-descent
reader does both; strings are still decoded by the standard library's (C) `scanstring`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from validator.readers.records import (
    MAX_DEPTH,
    Document,
    DuplicateKey,
    ParseFailure,
    Position,
    child_pointer,
    offset_position,
)
from validator.readers.source_map import Member, Node, tokens

# Matches the (possibly empty) run of white space at an offset: `_skip(text, offset).end()`.
_skip: Callable[[str, int], re.Match[str]] = re.compile(r"[ \t\n\r]*").match  # type: ignore[assignment]
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_LITERALS: tuple[tuple[str, object], ...] = (("true", True), ("false", False), ("null", None))
# Python refuses to convert longer digit strings to int; no request value comes near.
_MAX_DIGITS = 4000
# The C string decoder behind json.loads: fast, and it reports where a bad string starts.
_scanstring: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


class _Stop(Exception):
    def __init__(self, message: str, offset: int, zh: str) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.zh = zh


class _Reader:
    """Recursive descent over the text, for what the C decoder cannot judge: where a text stops being
    JSON, and repeated keys. Positions come from the source map (_JsonMap) either way."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.duplicates: list[DuplicateKey] = []
        self._line_starts: list[int] | None = None

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        return self._line_starts

    def position(self, offset: int) -> Position:
        return offset_position(self.line_starts, offset)

    def value(self, offset: int, pointer: str, depth: int) -> tuple[object, int]:
        text = self.text
        if offset >= len(text):
            raise _Stop("unexpected end of file: a value was expected", offset, "文件意外结束：此处应有一个值")
        char = text[offset]
        if char == "{":
            return self.read_object(offset, pointer, depth + 1)
        if char == "[":
            return self.read_array(offset, pointer, depth + 1)
        if char == '"':
            return self.string(offset)
        for word, literal in _LITERALS:
            if text.startswith(word, offset):
                return literal, offset + len(word)
        match = _NUMBER.match(text, offset)
        if match:
            return self.number(match), match.end()
        for word in ("NaN", "Infinity", "-Infinity"):
            if text.startswith(word, offset):
                raise _Stop(f"{word} is not a JSON value", offset, f"{word} 不是 JSON 值")
        raise _Stop(
            f"unexpected character {text[offset]!r}: a value was expected",
            offset,
            f"意外的字符 {text[offset]!r}：此处应有一个值",
        )

    def number(self, match: re.Match[str]) -> object:
        token = match.group()
        if len(token) > _MAX_DIGITS:
            raise _Stop(
                f"a number of {len(token)} characters is too long",
                match.start(),
                f"数字有 {len(token)} 个字符，太长",
            )
        if match.group(1) is None and match.group(2) is None:
            return int(token)
        return float(token)

    def string(self, offset: int) -> tuple[str, int]:
        try:
            return _scanstring(self.text, offset + 1, True)
        except json.JSONDecodeError as exc:
            raise _Stop(exc.msg.lower(), exc.pos, f"字符串无效（解析器原文：{exc.msg.lower()}）") from None

    def read_object(self, offset: int, pointer: str, depth: int) -> tuple[dict[str, object], int]:
        _check_depth(depth, offset)
        text, skip = self.text, _skip
        result: dict[str, object] = {}
        offset = skip(text, offset + 1).end()
        if text.startswith("}", offset):
            return result, offset + 1
        while True:
            if not text.startswith('"', offset):
                raise _Stop("a key in double quotes was expected", offset, "此处应有一个带双引号的键")
            key_offset = offset
            key, offset = self.string(offset)
            member = pointer + "/" + key if "~" not in key and "/" not in key else child_pointer(pointer, key)
            if key in result:
                line, column = self.position(key_offset)
                self.duplicates.append(DuplicateKey(member, key, line, column))
            offset = skip(text, offset).end()
            if not text.startswith(":", offset):
                raise _Stop("':' was expected after the key", offset, "键之后应有 ':'")
            result[key], offset = self.value(skip(text, offset + 1).end(), member, depth)
            offset = skip(text, offset).end()
            if text.startswith(",", offset):
                offset = skip(text, offset + 1).end()
                continue
            if text.startswith("}", offset):
                return result, offset + 1
            raise _Stop("',' or '}' was expected", offset, "此处应有 ',' 或 '}'")

    def read_array(self, offset: int, pointer: str, depth: int) -> tuple[list[object], int]:
        _check_depth(depth, offset)
        text, skip = self.text, _skip
        result: list[object] = []
        offset = skip(text, offset + 1).end()
        if text.startswith("]", offset):
            return result, offset + 1
        while True:
            item, offset = self.value(offset, f"{pointer}/{len(result)}", depth)
            result.append(item)
            offset = skip(text, offset).end()
            if text.startswith(",", offset):
                offset = skip(text, offset + 1).end()
                continue
            if text.startswith("]", offset):
                return result, offset + 1
            raise _Stop("',' or ']' was expected", offset, "此处应有 ',' 或 ']'")


def _check_depth(depth: int, offset: int) -> None:
    if depth > MAX_DEPTH:
        raise _Stop(
            f"objects and arrays nest deeper than {MAX_DEPTH} levels", offset, f"对象和数组的嵌套超过 {MAX_DEPTH} 层"
        )


class _Unsure(Exception):
    """The fast path met something the careful reader must judge (a duplicate key, NaN, …)."""


def _pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Unsure
    return result


def _refuse_constant(_name: str) -> object:
    raise _Unsure


_DECODER = json.JSONDecoder(object_pairs_hook=_pairs, parse_constant=_refuse_constant)
# The C scanner behind JSONDecoder: (value, end) of the value at an offset; used to jump over values.
_scan_once: Callable[[str, int], tuple[object, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


# One scanned member of an object: key, where the key starts and ends, where the value starts and ends, value.
_Raw = tuple[str, int, int, int, int, object]


class _JsonMap:
    """The JSON source map, built lazily from the text the reader accepted: an object's members (or an
    array's items) are scanned once, when first asked for, jumping over every other value with the standard
    library's C scanner. Findings' positions are looked up in the scans; fixes' spans are nodes made from
    the same scans."""

    def __init__(self, text: str, origin: int) -> None:
        self.text = text
        # A leading byte-order mark: offsets count it (edits apply to the whole text), columns do not.
        self.origin = origin
        self.line_starts: list[int] | None = None
        self._objects: dict[int, list[_Raw]] = {}
        self._keys: dict[int, dict[str, tuple[int, int, int, int]]] = {}
        self._arrays: dict[int, list[tuple[int, int, object]]] = {}

    def _members(self, start: int) -> list[_Raw]:
        if start not in self._objects:
            text, scan = self.text, _scan_once
            members: list[_Raw] = []
            offset = _skip(text, start + 1).end()
            while text.startswith('"', offset):
                key, key_end = _scanstring(text, offset + 1, True)
                value_start = _skip(text, _skip(text, key_end).end() + 1).end()
                value, value_end = scan(text, value_start)
                members.append((key, offset, key_end, value_start, value_end, value))
                offset = _skip(text, value_end).end()
                if text.startswith(",", offset):
                    offset = _skip(text, offset + 1).end()
            self._objects[start] = members
        return self._objects[start]

    def _places(self, start: int) -> dict[str, tuple[int, int, int, int]]:
        """key -> (key start, key end, value start, value end) of the object at `start` (the later of
        repeated keys)."""
        if start not in self._keys:
            self._keys[start] = {raw[0]: raw[1:5] for raw in self._members(start)}
        return self._keys[start]

    def _items(self, start: int) -> list[tuple[int, int, object]]:
        if start not in self._arrays:
            text, scan = self.text, _scan_once
            items: list[tuple[int, int, object]] = []
            offset = _skip(text, start + 1).end()
            while not text.startswith("]", offset) and offset < len(text):
                value, end = scan(text, offset)
                items.append((offset, end, value))
                offset = _skip(text, end).end()
                if text.startswith(",", offset):
                    offset = _skip(text, offset + 1).end()
            self._arrays[start] = items
        return self._arrays[start]

    def place(self, pointer: str, at_key: bool) -> tuple[Position, Position] | None:
        """The (line, column) where the key or value at `pointer` starts, and where it ends (just past its
        last character): both from the one scan, so that no finding needs the spans to know its end."""
        span = self._span(pointer, at_key)
        if span is None:
            return None
        return self._position(span[0]), self._position(max(span[1], span[0] + 1))

    def _position(self, offset: int) -> Position:
        if self.line_starts is None:
            self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        line, column = offset_position(self.line_starts, offset)
        return line, column - self.origin if line == 1 else column

    def _span(self, pointer: str, at_key: bool) -> tuple[int, int] | None:
        """Where the key or value at `pointer` starts and ends, as offsets into the text."""
        text = self.text
        offset = _skip(text, self.origin).end()
        end = len(text.rstrip(" \t\n\r"))
        path = tokens(pointer)
        for position, token in enumerate(path):
            if text.startswith("{", offset):
                found = self._places(offset).get(token)
                if found is None:
                    return None
                if at_key and position == len(path) - 1:
                    return found[0], found[1]
                offset, end = found[2], found[3]
            elif text.startswith("[", offset) and token.isdigit() and int(token) < len(self._items(offset)):
                offset, end, _value = self._items(offset)[int(token)]
            else:
                return None
        return offset, end

    # The spans fixes edit: nodes made from the same scans, on first use.

    def spans(self) -> Node:
        text = self.text
        start = _skip(text, self.origin).end()
        return self._node(start, len(text.rstrip(" \t\n\r")), _UNREAD)

    def _node(self, start: int, end: int, value: object) -> Node:
        char = self.text[start]
        reading = self._reading(start, end, value)
        if char == "{":
            return Node("object", start, end, value=reading, expand=self._expand_object)
        if char == "[":
            return Node("array", start, end, value=reading, expand=self._expand_array)
        return Node("scalar", start, end, style='"' if char == '"' else "", value=reading)

    def _reading(self, start: int, end: int, value: object) -> Callable[[], object]:
        if value is _UNREAD:
            text = self.text
            return lambda: json.loads(text[start:end])
        return lambda: value

    def _expand_object(self, node: Node) -> tuple[tuple[Member, ...], tuple[Node, ...]]:
        members = tuple(
            Member(key, key_start, key_end, self._node(value_start, value_end, value), '"')
            for key, key_start, key_end, value_start, value_end, value in self._members(node.start)
        )
        return members, ()

    def _expand_array(self, node: Node) -> tuple[tuple[Member, ...], tuple[Node, ...]]:
        return (), tuple(self._node(start, end, value) for start, end, value in self._items(node.start))


_UNREAD = object()  # a value not decoded yet (the root's)


# A text with this many brackets or fewer cannot nest deeper than MAX_DEPTH; a longer one is read carefully.
_FAST_MAX_BRACKETS = MAX_DEPTH


def _read_fast(text: str, origin: int = 0) -> Document | None:
    """The C decoder, for the common case of a well-formed document with no duplicate key; positions
    are then found only for the findings that need them. None when the careful reader must decide.
    `text` may start with a byte-order mark, `origin` characters long."""
    body = text[origin:]
    if body.count("{") + body.count("[") > _FAST_MAX_BRACKETS:
        return None
    try:
        root = _DECODER.decode(body)
    except (_Unsure, ValueError, RecursionError):
        return None
    source = _JsonMap(text, origin)
    return Document(root, finder=source.place, spans=source.spans)


def read_json(text: str) -> Document | ParseFailure:
    """Parse JSON text; a leading byte-order mark is tolerated."""
    origin = 1 if text.startswith("\ufeff") else 0
    fast = _read_fast(text, origin)
    if fast is not None:
        return fast
    whole, text = text, text[origin:]
    reader = _Reader(text)
    try:
        offset = _skip(text, 0).end()
        if offset == len(text):
            return ParseFailure("the file is empty: a JSON object was expected", zh="文件为空：应为一个 JSON 对象")
        root, offset = reader.value(offset, "", 0)
        offset = _skip(text, offset).end()
        if offset != len(text):
            raise _Stop("unexpected content after the end of the JSON value", offset, "JSON 值结束后还有多余的内容")
    except _Stop as stop:
        line, column = reader.position(stop.offset)
        return ParseFailure(stop.message, line, column, stop.zh)
    source = _JsonMap(whole, origin)
    return Document(root, duplicates=tuple(reader.duplicates), finder=source.place, spans=source.spans)
