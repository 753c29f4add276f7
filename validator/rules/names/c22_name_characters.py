"""C22: the characters of name, decided by code point ranges."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator

from validator.core.finding import Severity
from validator.core.messages import Message
from validator.core.model import Request
from validator.rules.api_errors import INVALID_ARGUMENT
from validator.rules.base import Given, Hit, m, rule

_ALLOWED_ASCII = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-.")
# docs/decisions.md#name-characters: explicit code point ranges, never Python's Unicode database (its version differs
# between Python releases). The CJK Unified Ideographs are allowed ...
COMMON_CJK = (0x4E00, 0x9FFF)
# ... the other ideographs are a warning: Extension A, Extensions B–J, the compatibility ideographs.
OTHER_IDEOGRAPHS = (
    (0x3400, 0x4DBF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2EBEF),
    (0x2EBF0, 0x2EE5F),
    (0x30000, 0x3347F),
    (0xF900, 0xFAFF),
    (0x2F800, 0x2FA1F),
)
# Offending characters a finding names; more are counted.
NAMED_AT_MOST = 5


def _is_common_cjk(char: str) -> bool:
    return COMMON_CJK[0] <= ord(char) <= COMMON_CJK[1]


def _is_other_ideograph(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in OTHER_IDEOGRAPHS)


def _describe(char: str) -> str:
    # The character's name is only shown, never used to decide (it depends on the Python's Unicode version).
    name = unicodedata.name(char, "")  # control characters and surrogates have none: the code point says it
    return f'"{char}" (U+{ord(char):04X} {name})' if name else f'"{char}" (U+{ord(char):04X})'


def _describe_ideograph(char: str) -> str:
    return f'"{char}" (U+{ord(char):04X})'


def _listed(found: list[tuple[int, str]], describe: Callable[[str], str]) -> Message:
    """The first few offenders with their positions, and how many more there are."""
    shown = found[:NAMED_AT_MOST]
    more = len(found) - len(shown)
    en = [f"{describe(char)} at position {position}" for position, char in shown]
    zh = [f"第 {position} 个字符 {describe(char)}" for position, char in shown]
    if more:
        en_text = ", ".join(en) + f" and {more} more"
    else:
        en_text = en[0] if len(en) == 1 else ", ".join(en[:-1]) + " and " + en[-1]
    zh_text = "、".join(zh) + (f"（另有 {more} 个）" if more else "")
    return Message(en_text, zh_text)


@rule(
    "C22",
    "name-characters",
    Severity.ERROR,
    m(
        "name uses only Chinese characters, ASCII letters and digits, _, - and .",
        "name 只能包含中文、ASCII 字母和数字、_、- 与 .。",
    ),
    m(
        "Chinese characters are the CJK Unified Ideographs U+4E00 to U+9FFF. Other ideographs (decided by code "
        "point ranges, never by the Python's Unicode database: Extension A U+3400–U+4DBF, "
        "Extensions B–J U+20000–U+2A6DF, U+2A700–U+2EBEF, U+2EBF0–U+2EE5F, U+30000–U+3347F, and the "
        "compatibility ideographs U+F900–U+FAFF, U+2F800–U+2FA1F) are a warning, since the API's exact range "
        "is not published. Full-width letters, digits and punctuation, spaces and anything else are refused. "
        "The finding names every offending character (the first five) and its position (counted from 1).",
        "中文字符指 CJK 统一表意文字 U+4E00 至 U+9FFF。其他表意文字（按码点范围判定，不依赖 Python 的 "
        "Unicode 数据库：扩展 A 区 U+3400–U+4DBF，扩展 B–J 区 U+20000–U+2A6DF、U+2A700–U+2EBEF、U+2EBF0–U+2EE5F、"
        "U+30000–U+3347F，以及兼容表意文字 U+F900–U+FAFF、U+2F800–U+2FA1F）仅作警告，因为 API 未公布确切范围。"
        "全角字母、数字和标点、空格及其他字符都会被拒绝。发现项列出每个违规字符（前五个）及其位置（从 1 计）。",
    ),
    bad='{"name": "web image"}',
    good='{"name": "web-image.镜像_1"}',
    api=INVALID_ARGUMENT,
)
def name_characters(request: Request, given: Given) -> Iterator[Hit]:
    member = request.root.members.get("name")
    if member is None or not isinstance(member.value, str):
        return
    refused: list[tuple[int, str]] = []
    rare: list[tuple[int, str]] = []
    for position, char in enumerate(member.value, start=1):
        if char in _ALLOWED_ASCII or _is_common_cjk(char):
            continue
        (rare if _is_other_ideograph(char) else refused).append((position, char))
    if refused:
        listed = _listed(refused, _describe)
        yield Hit(
            member.pointer,
            m(
                f"name contains {listed.en}: only Chinese characters, ASCII letters and digits, _, - and . are allowed",
                f"name {listed.zh} 不被允许：只能使用中文、ASCII 字母和数字、_、- 与 .",
            ),
            api=INVALID_ARGUMENT.render(),
        )
    if rare:
        listed = _listed(rare, _describe_ideograph)
        noun = "ideograph" if len(rare) == 1 else "ideographs"
        yield Hit(
            member.pointer,
            m(
                f"name contains the {noun} {listed.en}, outside U+4E00–U+9FFF; the API may not accept "
                + ("it" if len(rare) == 1 else "them"),
                f"name {listed.zh} 是表意文字，不在 U+4E00–U+9FFF 之内；API 可能不接受",
            ),
            severity=Severity.WARNING,
        )
