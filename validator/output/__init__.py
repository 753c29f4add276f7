"""Report formatters: each turns checked files into text and does nothing else.

Paths and messages may carry anything a request or a file name holds: lone surrogates (a `\\ud800` JSON
escape, or a file name's non-UTF-8 bytes as Python decodes them), control characters, line separators.
The helpers below make every format's output encodable as UTF-8 and keep one finding on one line where
a format is read line by line; they escape, never drop.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from validator.core.finding import Finding, Severity


@attrs.frozen
class FileResult:
    """The findings of one file, under the path as the user gave it."""

    path: str
    findings: tuple[Finding, ...]


def summary(results: Sequence[FileResult]) -> dict[str, int]:
    counts = {"files": len(results)}
    for severity in sorted(Severity, reverse=True):
        counts[severity.label] = sum(
            1 for result in results for finding in result.findings if finding.severity is severity
        )
    return counts


_SURROGATE = "[\ud800-\udfff]"
# Control characters, the characters str.splitlines() breaks on, and the bidirectional marks (LRM, RLM,
# ALM), embeddings, overrides and isolates that can make a terminal show text other than what is there.
_CONTROL = "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
# What XML 1.0 does not allow: the complement of its Char production, written as the few ranges it is
# (a negated class of the allowed ranges takes milliseconds to compile, on every run).
_NOT_XML = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"


# Each pattern is compiled when first used: a class of wide ranges takes a few hundred microseconds to
# compile, and most runs use one of them or none (docs/performance.md).
@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as Python's surrogateescape decodes it
        return f"\\x{code - 0xDC00:02x}"
    if char in _SHORT:
        return _SHORT[char]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with lone surrogates written as backslash escapes, so that it encodes as UTF-8."""
    if text.isascii():
        return text
    return _compiled(_SURROGATE).sub(lambda match: _escape_char(match.group()), text)


def one_line(text: str) -> str:
    """`printable(text)` with control characters and line separators escaped: one line, safe on a terminal."""
    return _compiled(_CONTROL).sub(lambda match: _escape_char(match.group()), printable(text))


def xml_text(text: str) -> str:
    """`printable(text)` with the characters XML 1.0 does not allow escaped."""
    return _compiled(_NOT_XML).sub(lambda match: _escape_char(match.group()), printable(text))


def json_text(text: str) -> str:
    """JSON text with its lone surrogates written as JSON escapes: the same strings, encodable as UTF-8.
    (Outside strings JSON text holds no surrogate, so every one replaced is inside a string.)"""
    if text.isascii():
        return text
    return _compiled(_SURROGATE).sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def fingerprint_key(*parts: str) -> bytes:
    """The bytes a fingerprint hashes: the parts joined, surrogates passed through rather than refused."""
    return "\x1f".join(parts).encode("utf-8", "surrogatepass")
