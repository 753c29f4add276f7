"""Bounds a configuration file is held to before tomllib parses it (docs/robustness.md): its size, and how
deeply its keys and values nest. tomllib's work and memory grow with the square of a dotted key's depth
(`a.a.a...` 40,000 levels deep takes gigabytes), so the depth is measured first, in one linear pass.

The pass is a small TOML scanner: it skips strings (all four kinds) and comments, and counts, at each
point, the open arrays and inline tables plus the parts of the key being written (a dotted key, or a
`[table.header]`). It may count more than tomllib would on text that is not TOML; it never counts less.
"""

from __future__ import annotations

import re

# A configuration is a few dozen lines; a pyproject.toml rarely reaches 100 KB.
MAX_CONFIG_BYTES = 1024 * 1024
# Configuration tables nest three levels (tool.jdcloud-preflight.policy); other tools' tables a few more.
MAX_CONFIG_NESTING = 100

# Where each kind of string ends, from just after its opening quotes.
_STRING_END = {
    '"""': re.compile(r'(?:[^"\\]|\\.|"(?!""))*"""(?!")|(?:[^"\\]|\\.|"(?!""))*"{4,5}', re.DOTALL),
    "'''": re.compile(r"(?:[^']|'(?!''))*'''(?!')|(?:[^']|'(?!''))*'{4,5}", re.DOTALL),
    '"': re.compile(r'(?:[^"\\\n]|\\.)*"'),
    "'": re.compile(r"[^'\n]*'"),
}
_OPENING = re.compile(r"\"\"\"|'''|\"|'")


class _Depth:
    """The scanner's state: open containers ("[" arrays, "{" inline tables, "h" a table header) and the
    parts of the key being written."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.key_parts = 0
        # The parts of the last table header: the keys under it nest below them.
        self.header_parts = 0
        self.in_key = True
        self.deepest = 0

    def note(self) -> None:
        self.deepest = max(self.deepest, self.header_parts + len(self.stack) + self.key_parts)

    def line_break(self) -> None:
        if not self.stack or self.stack[-1] == "h":
            self.stack.clear()
            self.in_key, self.key_parts = True, 0

    def punctuation(self, char: str) -> None:
        if char == "=" and self.in_key:
            self.in_key = False
        elif char == "." and self.in_key:
            self.key_parts += 1
        elif char in "[{":
            self._open(char)
        elif char in "]}" and self.stack:
            self._close()
        elif char == "," and self.stack and self.stack[-1] == "{":
            self.in_key, self.key_parts = True, 0
        self.note()

    def _open(self, char: str) -> None:
        header = self.in_key and (not self.stack or (self.stack == ["h"] and char == "["))
        if header:  # a [table] or [[array of tables]] header
            if not self.stack:
                self.header_parts = 0
            self.stack.append("h")
            return
        self.stack.append(char)
        self.in_key = char == "{"
        if self.in_key:
            self.key_parts = 0

    def _close(self) -> None:
        if self.stack.pop() == "h" and self.stack != ["h"]:
            self.header_parts, self.key_parts = self.header_parts + self.key_parts + 1, 0
            self.stack.clear()


def nesting(text: str) -> int:
    """How deeply `text` nests: open arrays and inline tables plus the parts of a dotted key, at most."""
    depth = _Depth()
    position, length = 0, len(text)
    while position < length:
        char = text[position]
        if char == "#":
            end = text.find("\n", position)
            position = length if end < 0 else end
            continue
        if char in "\"'":
            opening = _OPENING.match(text, position)
            assert opening is not None
            closing = _STRING_END[opening.group()].match(text, opening.end())
            position = length if closing is None else closing.end()
            continue
        if char == "\n":
            depth.line_break()
        elif char in "=.[]{},":
            depth.punctuation(char)
        position += 1
    return depth.deepest


def problem(data: bytes, text: str) -> str | None:
    """Why a configuration's bytes (and their text) are refused before parsing, or None."""
    if len(data) > MAX_CONFIG_BYTES:
        return f"the file is larger than {MAX_CONFIG_BYTES} bytes, the limit for a configuration"
    if nesting(text) > MAX_CONFIG_NESTING:
        return f"keys or values nest more than {MAX_CONFIG_NESTING} levels deep"
    return None
