"""The JSON reader (its C-decoder fast path, places found on demand in the source map) agrees with its
careful path on values, and the source map with the careful reader on the position of every key and value."""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tests.strategies import json_objects
from validator.readers import json_reader
from validator.readers.records import Document


class _Recording(json_reader._Reader):
    """The careful reader, recording where it meets each value and each member's key: a reference the
    source map's positions are compared with."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.values: dict[str, int] = {}
        self.keys: dict[str, int] = {}
        self.last_string = (0, 0)

    def string(self, offset: int) -> tuple[str, int]:
        decoded, end = super().string(offset)
        self.last_string = (offset, end)
        return decoded, end

    def value(self, offset: int, pointer: str, depth: int) -> tuple[object, int]:
        self.values[pointer] = offset
        start, end = self.last_string
        if pointer and re.fullmatch(r"[ \t\n\r]*:[ \t\n\r]*", self.text[end:offset]):
            self.keys[pointer] = start  # the string just read is this member's key
        return super().value(offset, pointer, depth)


def _careful(text: str) -> Document:
    reader = _Recording(text)
    root, _ = reader.value(json_reader._skip(text, 0).end(), "", 0)
    return Document(root, dict(reader.values), dict(reader.keys), (), reader.line_starts)


@given(json_objects, st.sampled_from([None, 0, 1, 2, 4, "\t"]), st.booleans())
def test_fast_path_agrees_with_the_careful_reader(value: dict[str, Any], indent: Any, ascii_only: bool) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_only)
    fast = json_reader.read_json(text)
    careful = _careful(text)
    assert isinstance(fast, Document)
    assert fast.root == careful.root
    for pointer in careful.values:
        assert fast.locate(pointer) == careful.locate(pointer), pointer
    for pointer in careful.keys:
        assert fast.locate(pointer, at_key=True) == careful.locate(pointer, at_key=True), pointer


def test_fast_path_declines_what_needs_care() -> None:
    assert json_reader._read_fast('{"a": 1, "a": 2}') is None  # duplicate key
    assert json_reader._read_fast('{"a": NaN}') is None
    assert json_reader._read_fast('{"a": ' + "[" * 70 + "]" * 70 + "}") is None
    assert json_reader._read_fast('{"a": 1,}') is None
    assert json_reader._read_fast('{"a": 1}') is not None


def test_places_of_missing_pointers_are_none() -> None:
    fast = json_reader._read_fast('{"a": [1, {"b": 2}]}')
    assert fast is not None
    assert fast.locate("/a/1/b") == (1, 17)
    assert fast.locate("/a/1/b", at_key=True) == (1, 12)
    assert fast.locate("/a/5") is None
    assert fast.locate("/zz") is None
    assert fast.locate("/a/1/b/c") is None


def test_escaped_pointer_tokens() -> None:
    fast = json_reader._read_fast('{"a/b": {"c~d": 1}}')
    assert fast is not None
    assert fast.locate("/a~1b/c~0d") == (1, 17)
