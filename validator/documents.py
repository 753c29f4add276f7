"""Request documents read from text: the parsed value with the source position of every key and value.

Reading never raises on bad input: it returns a `ParseFailure` with the position the parser stopped at.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

# Deeper nesting than this is refused: no createImage request nests past five levels, and a bound keeps
# hostile files from exhausting the stack.
MAX_DEPTH = 64
# Values a YAML file may expand to through aliases before it is refused (billion-laughs files).
MAX_NODES = 100_000

Position = tuple[int, int]


@attrs.frozen
class DuplicateKey:
    """A key written again in the same object: `pointer` names the later occurrence."""

    pointer: str
    key: str
    line: int
    column: int


@attrs.frozen
class Document:
    """A parsed request.

    `values` maps the JSON Pointer of every value to its (line, column); `keys` maps the pointer of every
    object member to the position of its key. Pointers spell keys as written.
    """

    root: object
    values: Mapping[str, Position] = attrs.field(factory=dict)
    keys: Mapping[str, Position] = attrs.field(factory=dict)
    duplicates: tuple[DuplicateKey, ...] = ()


@attrs.frozen
class ParseFailure:
    """Why a text is not a readable document, and where the reader stopped."""

    message: str
    line: int = 1
    column: int = 1


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def child_pointer(pointer: str, token: str | int) -> str:
    return f"{pointer}/{escape_pointer_token(token) if isinstance(token, str) else token}"


def decode(data: bytes) -> str | ParseFailure:
    """Text from a file's bytes: UTF-8 (with or without a BOM), or UTF-16/32 when a BOM says so."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ParseFailure("the file is binary (it contains NUL bytes), not a JSON or YAML request")
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                return ParseFailure(f"the file starts with a {codec} byte-order mark but is not {codec}: {exc}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return ParseFailure(
            f"invalid UTF-8: byte 0x{data[exc.start]:02x} cannot start or continue a character",
            line,
            column,
        )
