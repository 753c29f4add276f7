"""Positions in a document's text as the Language Server Protocol counts them: 0-based lines, and columns in
the negotiated encoding's units (UTF-16 code units unless the client chose otherwise), where findings and
fixes count 1-based lines and Unicode code points. Also where a finding's range ends. No I/O."""

from __future__ import annotations

import bisect
import re

UTF16, UTF8, UTF32 = "utf-16", "utf-8", "utf-32"
# A token is never searched for its end further than this: a range is a mark, not a parse.
_LONGEST = 4096


def _units(text: str, encoding: str) -> int:
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


# Line breaks as LSP counts them, as the JSON reader counts them, and as YAML (and the YAML reader) does.
LSP_BREAKS = re.compile("\r\n|[\r\n]")
JSON_BREAKS = re.compile("\n")
YAML_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class LineIndex:
    """Where each line of `text` starts and ends, lines broken as `breaks` says (LSP's by default), to turn
    code-point offsets and 1-based (line, column) places into LSP positions and back."""

    def __init__(self, text: str, encoding: str = UTF16, breaks: re.Pattern[str] = LSP_BREAKS) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0]
        self.ends: list[int] = []
        for match in breaks.finditer(text):
            self.ends.append(match.start())
            self.starts.append(match.end())
        self.ends.append(len(text))

    def _line_end(self, line: int) -> int:
        return self.ends[line]

    def offset(self, line: int, column: int) -> int:
        """The code-point offset of a 1-based line and column (clamped into the text)."""
        index = min(max(line, 1), len(self.starts)) - 1
        return min(self.starts[index] + max(column, 1) - 1, self._line_end(index))

    def position(self, offset: int) -> tuple[int, int]:
        """The LSP (line, character) of a code-point offset."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, _units(self.text[self.starts[line] : offset], self.encoding)

    def to_offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position (a character past the line's end is its end)."""
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[max(line, 0)]
        end = self._line_end(max(line, 0))
        if self.encoding == UTF32:
            return min(start + character, end)
        units = 0
        for at in range(start, end):
            if units >= character:
                return at
            units += _units(self.text[at], self.encoding)
        return end

    def end(self) -> tuple[int, int]:
        return self.position(len(self.text))


def _quoted_end(text: str, start: int) -> int:
    quote = text[start]
    at = start + 1
    limit = min(len(text), start + _LONGEST)
    while at < limit:
        char = text[at]
        if char == "\\" and quote == '"':
            at += 2
            continue
        if char == quote:
            if quote == "'" and text.startswith("''", at):  # YAML's doubled single quote
                at += 2
                continue
            return at + 1
        at += 1
    return min(at, len(text))


def _plain_end(text: str, start: int) -> int:
    at = start
    limit = min(len(text), start + _LONGEST)
    while at < limit:
        char = text[at]
        if char in "\r\n,]}" or (char == ":" and text[at + 1 : at + 2] in ("", " ", "\t", "\r", "\n")):
            break
        if char == "#" and at > start and text[at - 1] in " \t":
            break
        at += 1
    return len(text[start:at].rstrip()) + start


def token_end(text: str, start: int) -> int:
    """Where the value or key written at `start` ends: a quoted string with its quotes, a plain scalar or
    key up to what ends it in JSON or YAML, an object or array by its opening bracket's line."""
    if start >= len(text) or text[start] in "\r\n":
        return start
    char = text[start]
    if char in "\"'":
        return _quoted_end(text, start)
    if char in "{[":
        line_end = text.find("\n", start)
        line_end = len(text) if line_end == -1 else line_end
        return start + len(text[start:line_end].rstrip())
    return max(_plain_end(text, start), start + 1)
