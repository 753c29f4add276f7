"""The records the readers produce: a `Document` (the parsed value with the source position of every key and
value) or a `ParseFailure` (why not, and where the reader stopped). Reading never raises on bad input."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from validator.readers.source_map import Node

# Deeper nesting than this is refused: no createImage request nests past five levels, and a bound keeps
# hostile files from exhausting the stack.
MAX_DEPTH = 64
# Values a YAML file may expand to through aliases before it is refused (billion-laughs files).
MAX_NODES = 100_000

Position = tuple[int, int]
# Where a key or value starts, and where it ends (just past its last character) when the reader knows.
Place = tuple[Position, Position | None]


@attrs.frozen
class DuplicateKey:
    """A key written again in the same object: `pointer` names the later occurrence."""

    pointer: str
    key: str
    line: int
    column: int


@attrs.frozen
class YamlReading:
    """A YAML plain scalar that YAML 1.1 and YAML 1.2 loaders read differently (C06).

    `kind` is "boolean" (yes/no/on/off/y/n), "octal" (a leading zero that PyYAML reads in base 8),
    "leading-zero" (08, 09: PyYAML keeps the text, YAML 1.2 reads a number), "sexagesimal" (1:30),
    "timestamp" (2026-11-01), "yaml11-number" (1_000, 0b101: numbers to PyYAML, text to YAML 1.2) or
    "yaml12-number" (0o24, 1e2: text to PyYAML, numbers to YAML 1.2); `value` is what PyYAML reads and what is
    checked (a timestamp stays text).
    """

    pointer: str
    text: str
    kind: str
    value: object


@attrs.frozen
class Document:
    """A parsed request.

    `values` maps the JSON Pointer of every value to where it starts; `keys` maps the pointer of every
    object member to where its key starts (the YAML reader's, which places a value that came through an
    alias where the alias is written). Pointers spell keys as written. A place is a (line, column), or a
    character offset into the text when `line_starts` is given. `finder` places a pointer on demand instead,
    with where the key or value ends (the JSON reader's source map, which walks only the objects asked for);
    `spans` gives the source map's spans for fixes.
    """

    root: object
    values: Mapping[str, Position | int] = attrs.field(factory=dict)
    keys: Mapping[str, Position | int] = attrs.field(factory=dict)
    duplicates: tuple[DuplicateKey, ...] = ()
    line_starts: Sequence[int] | None = None
    # Finds a place, start and end, on demand instead of the maps (the JSON reader's).
    finder: Callable[[str, bool], tuple[Position, Position] | None] | None = None
    # YAML only: scalars loaders read differently (C06), and the text of plain scalars read as numbers (a
    # message can then show the number as written, to quote it).
    readings: tuple[YamlReading, ...] = ()
    number_texts: Mapping[str, str] = attrs.field(factory=dict)
    # The source map's root (validator.readers.source_map), built on first use: the spans fixes edit.
    spans: Callable[[], Node] | None = attrs.field(default=None, eq=False)

    def locate(self, pointer: str, at_key: bool = False) -> Position | None:
        """The (line, column) of a key or value, or None when the document has no such place."""
        placed = self.place(pointer, at_key)
        return None if placed is None else placed[0]

    def place(self, pointer: str, at_key: bool = False) -> Place | None:
        """Where a key or value starts and, when the reader knows, where it ends (validator.core.ends
        works out the others' ends from the source map); None when the document has no such place."""
        if self.finder is not None:
            return self.finder(pointer, at_key) or (self.finder(pointer, False) if at_key else None)
        start = self._mapped(pointer, at_key)
        return None if start is None else (start, None)

    def _mapped(self, pointer: str, at_key: bool) -> Position | None:
        place = (self.keys if at_key else self.values).get(pointer)
        if place is None and at_key:
            place = self.values.get(pointer)
        if place is None or isinstance(place, tuple):
            return place
        return offset_position(self.line_starts or (0,), place)


def offset_position(line_starts: Sequence[int], offset: int) -> Position:
    """1-based (line, column) of a character offset, given where each line starts."""
    index = bisect.bisect_right(line_starts, offset) - 1
    return index + 1, offset - line_starts[index] + 1


@attrs.frozen
class ParseFailure:
    """Why a text is not a readable document, and where the reader stopped."""

    message: str
    line: int = 1
    column: int = 1
    # The message in Chinese; None where only a parser's own (English) words can say it.
    zh: str | None = None


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def child_pointer(pointer: str, token: str | int) -> str:
    if isinstance(token, str):
        if "~" in token or "/" in token:
            token = escape_pointer_token(token)
        return f"{pointer}/{token}"
    return f"{pointer}/{token}"
