"""A JSON reader that keeps where every key and value was written and notices duplicate keys.

The standard library's parser keeps neither positions nor duplicates, so this small recursive-descent
reader does both; strings are still decoded by the standard library's (C) `scanstring`.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable

from validator.documents import (
    MAX_DEPTH,
    Document,
    DuplicateKey,
    ParseFailure,
    Position,
    child_pointer,
)

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_LITERALS: tuple[tuple[str, object], ...] = (("true", True), ("false", False), ("null", None))
# Python refuses to convert longer digit strings to int; no request value comes near.
_MAX_DIGITS = 4000
# The C string decoder behind json.loads: fast, and it reports where a bad string starts.
_scanstring: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


class _Stop(Exception):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.values: dict[str, Position] = {}
        self.keys: dict[str, Position] = {}
        self.duplicates: list[DuplicateKey] = []

    def position(self, offset: int) -> Position:
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def skip(self, offset: int) -> int:
        match = _WHITESPACE.match(self.text, offset)
        assert match is not None  # the pattern matches the empty string
        return match.end()

    def value(self, offset: int, pointer: str, depth: int) -> tuple[object, int]:
        text = self.text
        if offset >= len(text):
            raise _Stop("unexpected end of file: a value was expected", offset)
        self.values[pointer] = self.position(offset)
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
                raise _Stop(f"{word} is not a JSON value", offset)
        raise _Stop(f"unexpected character {text[offset]!r}: a value was expected", offset)

    def number(self, match: re.Match[str]) -> object:
        token = match.group()
        if len(token) > _MAX_DIGITS:
            raise _Stop(f"a number of {len(token)} characters is too long", match.start())
        if match.group(1) is None and match.group(2) is None:
            return int(token)
        return float(token)

    def string(self, offset: int) -> tuple[str, int]:
        try:
            return _scanstring(self.text, offset + 1, True)
        except json.JSONDecodeError as exc:
            raise _Stop(exc.msg.lower(), exc.pos) from None

    def read_object(self, offset: int, pointer: str, depth: int) -> tuple[dict[str, object], int]:
        if depth > MAX_DEPTH:
            raise _Stop(f"objects and arrays nest deeper than {MAX_DEPTH} levels", offset)
        result: dict[str, object] = {}
        offset = self.skip(offset + 1)
        if self.text.startswith("}", offset):
            return result, offset + 1
        while True:
            if not self.text.startswith('"', offset):
                raise _Stop("a key in double quotes was expected", offset)
            key_offset = offset
            key, offset = self.string(offset)
            member = child_pointer(pointer, key)
            line, column = self.position(key_offset)
            if key in result:
                self.duplicates.append(DuplicateKey(member, key, line, column))
            self.keys[member] = (line, column)
            offset = self.skip(offset)
            if not self.text.startswith(":", offset):
                raise _Stop("':' was expected after the key", offset)
            result[key], offset = self.value(self.skip(offset + 1), member, depth)
            offset = self.skip(offset)
            if self.text.startswith(",", offset):
                offset = self.skip(offset + 1)
                continue
            if self.text.startswith("}", offset):
                return result, offset + 1
            raise _Stop("',' or '}' was expected", offset)

    def read_array(self, offset: int, pointer: str, depth: int) -> tuple[list[object], int]:
        if depth > MAX_DEPTH:
            raise _Stop(f"objects and arrays nest deeper than {MAX_DEPTH} levels", offset)
        result: list[object] = []
        offset = self.skip(offset + 1)
        if self.text.startswith("]", offset):
            return result, offset + 1
        while True:
            item, offset = self.value(offset, child_pointer(pointer, len(result)), depth)
            result.append(item)
            offset = self.skip(offset)
            if self.text.startswith(",", offset):
                offset = self.skip(offset + 1)
                continue
            if self.text.startswith("]", offset):
                return result, offset + 1
            raise _Stop("',' or ']' was expected", offset)


def read_json(text: str) -> Document | ParseFailure:
    """Parse JSON text; a leading byte-order mark is tolerated."""
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = _Reader(text)
    try:
        offset = reader.skip(0)
        if offset == len(text):
            return ParseFailure("the file is empty: a JSON object was expected")
        root, offset = reader.value(offset, "", 0)
        offset = reader.skip(offset)
        if offset != len(text):
            raise _Stop("unexpected content after the end of the JSON value", offset)
    except _Stop as stop:
        line, column = reader.position(stop.offset)
        return ParseFailure(stop.message, line, column)
    return Document(root, reader.values, reader.keys, tuple(reader.duplicates))
