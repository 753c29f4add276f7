"""JUnit text holds only what XML 1.0 allows (its Char production), tested at every edge of that production."""

from __future__ import annotations

import pytest

from validator.output import xml_text


def _allowed_in_xml(code: int) -> bool:
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


EDGES = sorted(
    {
        edge + delta
        for edge in (0x0, 0x9, 0xA, 0xD, 0x1F, 0x20, 0x7F, 0xD7FF, 0xD800, 0xDFFF, 0xE000, 0xFFFD, 0xFFFF, 0x10000)
        for delta in (-1, 0, 1)
        if 0 <= edge + delta <= 0x10FFFF
    }
    | {0x10FFFF}
)


@pytest.mark.parametrize("code", EDGES, ids=lambda code: f"U+{code:04X}")
def test_a_character_is_kept_exactly_when_xml_allows_it(code: int) -> None:
    char = chr(code)
    assert (xml_text(char) == char) is _allowed_in_xml(code)
    assert all(_allowed_in_xml(ord(c)) for c in xml_text(char))
