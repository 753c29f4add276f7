"""Rules about the image's name and description (C20–C23)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from validator.api_errors import INVALID_ARGUMENT
from validator.finding import Severity
from validator.model import Request
from validator.rules.base import Given, Hit, declare, m, rule

NAME_REQUIRED = declare(
    "C20",
    "name-required",
    Severity.ERROR,
    m("name is present.", "必须提供 name。"),
    m("Every image needs a name; a null name counts as missing.", "每个镜像都需要名称；值为 null 的 name 视为缺失。"),
    bad='{"description": "nightly build"}',
    good='{"name": "nightly", "description": "nightly build"}',
    api=INVALID_ARGUMENT,
)

NAME_LENGTH = declare(
    "C21",
    "name-length",
    Severity.ERROR,
    m("name is 2 to 32 characters long.", "name 长度为 2 到 32 个字符。"),
    m(
        "The length is counted in characters (Unicode code points), so a Chinese character counts as one.",
        "长度按字符（Unicode 码点）计算，一个汉字算一个字符。",
    ),
    bad='{"name": "a"}',
    good='{"name": "ab"}',
    api=INVALID_ARGUMENT,
)

_ALLOWED_ASCII = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-.")


def _is_common_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _is_other_ideograph(char: str) -> bool:
    return unicodedata.name(char, "").startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


def _describe(char: str) -> str:
    return f'"{char}" (U+{ord(char):04X} {unicodedata.name(char, "unnamed")})'


@rule(
    "C22",
    "name-characters",
    Severity.ERROR,
    m(
        "name uses only Chinese characters, ASCII letters and digits, _, - and .",
        "name 只能包含中文、ASCII 字母和数字、_、- 与 .。",
    ),
    m(
        "Chinese characters are the CJK Unified Ideographs U+4E00 to U+9FFF. Other ideographs (extension "
        "blocks, compatibility ideographs) are a warning, since the API's exact range is not published. "
        "Full-width letters, digits and punctuation, spaces and anything else are refused. The finding names "
        "the first offending character and its position (counted from 1).",
        "中文字符指 CJK 统一表意文字 U+4E00 至 U+9FFF。其他表意文字（扩展区、兼容表意文字）仅作警告，因为 API "
        "未公布确切范围。全角字母、数字和标点、空格及其他字符都会被拒绝。发现项给出第一个违规字符及其位置（从 1 计）。",
    ),
    bad='{"name": "web image"}',
    good='{"name": "web-image.镜像_1"}',
    api=INVALID_ARGUMENT,
)
def name_characters(request: Request, given: Given) -> Iterator[Hit]:
    member = request.root.members.get("name")
    if member is None or not isinstance(member.value, str):
        return
    rare: tuple[int, str] | None = None
    for position, char in enumerate(member.value, start=1):
        if char in _ALLOWED_ASCII or _is_common_cjk(char):
            continue
        if _is_other_ideograph(char):
            rare = rare or (position, char)
            continue
        yield Hit(
            member.pointer,
            m(
                f"name contains {_describe(char)} at position {position}: only Chinese characters, ASCII "
                "letters and digits, _, - and . are allowed",
                f"name 第 {position} 个字符 {_describe(char)} 不被允许：只能使用中文、ASCII 字母和数字、_、- 与 .",
            ),
            api=INVALID_ARGUMENT.render(),
        )
        break
    if rare is not None:
        position, char = rare
        yield Hit(
            member.pointer,
            m(
                f"name contains the ideograph {_describe(char)} at position {position}, outside U+4E00–U+9FFF; "
                "the API may not accept it",
                f"name 第 {position} 个字符是表意文字 {_describe(char)}，不在 U+4E00–U+9FFF 之内；API 可能不接受",
            ),
            severity=Severity.WARNING,
        )


DESCRIPTION_LENGTH = declare(
    "C23",
    "description-length",
    Severity.ERROR,
    m("description is at most 256 characters.", "description 不超过 256 个字符。"),
    m("The length is counted in characters (Unicode code points).", "长度按字符（Unicode 码点）计算。"),
    bad='{"name": "web", "description": "<257 characters>"}',
    good='{"name": "web", "description": "nightly build of the web tier"}',
    api=INVALID_ARGUMENT,
)
