"""C22 by explicit code point ranges (docs/decisions.md#name-characters), naming every
offending character (the first five, with positions)."""

from __future__ import annotations

import unicodedata

import pytest

from tests.helpers import of_rule
from validator import Severity
from validator.rules.names import c22_name_characters as names


def _c22(name: str) -> list[tuple[Severity, str]]:
    return [(f.severity, f.message) for f in of_rule({"name": name}, "C22")]


# Each range of the decision (docs/decisions.md#name-characters): its first and last code point are a warning, the neighbours outside
# it an error.
RANGES = [
    (0x3400, 0x4DBF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2EBEF),
    (0x2EBF0, 0x2EE5F),
    (0x30000, 0x3347F),
    (0xF900, 0xFAFF),
    (0x2F800, 0x2FA1F),
]


def test_the_ranges_are_the_catalogues() -> None:
    assert tuple(RANGES) == names.OTHER_IDEOGRAPHS
    assert names.COMMON_CJK == (0x4E00, 0x9FFF)


@pytest.mark.parametrize("code", [code for low, high in RANGES for code in (low, high)], ids=hex)
def test_range_ends_are_a_warning(code: int) -> None:
    assert [severity for severity, _ in _c22("ab" + chr(code))] == [Severity.WARNING]


@pytest.mark.parametrize(
    "code",
    [0x33FF, 0x4DC0, 0x1FFFF, 0x2A6E0, 0x2A6FF, 0x2EE60, 0x2FFFF, 0x33480, 0xF8FF, 0xFB00, 0x2F7FF, 0x2FA20],
    ids=hex,
)
def test_just_outside_the_ranges_is_an_error(code: int) -> None:
    assert [severity for severity, _ in _c22("ab" + chr(code))] == [Severity.ERROR]


@pytest.mark.parametrize("code", [0x4DFF, 0x4E00, 0x9FFF], ids=hex)
def test_common_block_and_its_edges(code: int) -> None:
    expected = [] if code >= 0x4E00 else [Severity.ERROR]
    assert [severity for severity, _ in _c22("ab" + chr(code))] == expected


@pytest.mark.parametrize("char", ["\U00031350", "\U0002ebf0"], ids=["extension-H", "extension-I"])
def test_new_extensions_are_a_warning_whatever_the_pythons_unicode_version(
    char: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The case: an error on Python 3.11 (no name in its database), a warning on newer Pythons.
    assert [severity for severity, _ in _c22("web" + char)] == [Severity.WARNING]
    monkeypatch.setattr(unicodedata, "name", lambda char, default="": default)
    assert [severity for severity, _ in _c22("web" + char)] == [Severity.WARNING]


def test_every_offender_is_named_with_its_position() -> None:
    ((severity, message),) = _c22("web image!")
    assert severity is Severity.ERROR
    assert message.startswith(
        'name contains " " (U+0020 SPACE) at position 4 and "!" (U+0021 EXCLAMATION MARK) at position 10:'
    )


def test_the_first_five_are_named_and_the_rest_counted() -> None:
    ((_, message),) = _c22("a b c d e f g")  # six spaces
    assert message.count("U+0020") == 5
    assert "at position 10 and 1 more:" in message
    ((_, five),) = _c22("a b c d e f")  # five: all named, nothing counted
    assert five.count("U+0020") == 5
    assert "more" not in five


def test_ideographs_outside_the_common_block_are_all_named_in_one_warning() -> None:
    found = _c22("web\u3400\uf900")
    assert found == [
        (
            Severity.WARNING,
            'name contains the ideographs "\u3400" (U+3400) at position 4 and "\uf900" (U+F900) at position 5, '
            "outside U+4E00–U+9FFF; the API may not accept them",
        )
    ]
    ((_, one),) = _c22("web\u3400")
    assert one.endswith("the API may not accept it")


def test_chinese_message_lists_every_offender() -> None:
    (finding,) = of_rule({"name": "web image!"}, "C22")
    from validator import check_create_image

    (zh,) = [f for f in check_create_image({"name": "web image!"}, lang="zh").findings if f.rule == "C22"]
    assert "第 4 个字符" in zh.message
    assert "第 10 个字符" in zh.message
    assert finding.api == zh.api
