"""C21: the length of name (reported by the schema)."""

from __future__ import annotations

from validator.core.finding import Severity
from validator.rules.api_errors import INVALID_ARGUMENT
from validator.rules.base import declare, m
from validator.rules.names.facts import NAME_MAX_LENGTH, NAME_MIN_LENGTH

NAME_LENGTH = declare(
    "C21",
    "name-length",
    Severity.ERROR,
    m(
        f"name is {NAME_MIN_LENGTH} to {NAME_MAX_LENGTH} characters long.",
        f"name 长度为 {NAME_MIN_LENGTH} 到 {NAME_MAX_LENGTH} 个字符。",
    ),
    m(
        "The length is counted in characters (Unicode code points), so a Chinese character counts as one.",
        "长度按字符（Unicode 码点）计算，一个汉字算一个字符。",
    ),
    bad='{"name": "a"}',
    good='{"name": "ab"}',
    api=INVALID_ARGUMENT,
)
