"""Texts in the two languages the tool speaks."""

from __future__ import annotations

import attrs

LANGUAGES = ("en", "zh")


@attrs.frozen
class Message:
    """One text in English and Chinese. The API's own codes and messages are never translated."""

    en: str
    zh: str

    def render(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


# Integers longer than this many bits are described rather than written (about 3000 decimal digits).
_MAX_BITS = 10_000


class LongInt(int):
    """An integer too long for Python to write in decimal (past its 4300-digit limit): it is still the same
    number to every check, and is described, not written, wherever text is made of it."""

    def __repr__(self) -> str:
        return f"{'-' if self < 0 else ''}a number of more than {_MAX_BITS * 3 // 10} digits"

    __str__ = __repr__


def long_ints(value: object) -> object:
    """`value` with every integer of more than _MAX_BITS bits made a LongInt (a copy where one is found)."""
    if isinstance(value, int) and not isinstance(value, (bool, LongInt)) and value.bit_length() > _MAX_BITS:
        return LongInt(value)
    if isinstance(value, dict):
        return {key: long_ints(item) for key, item in value.items()}
    if isinstance(value, list):
        return [long_ints(item) for item in value]
    return value


def quote(value: object) -> str:
    """A value as it would be written in JSON, for messages (short and on one line)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(value, int) and value.bit_length() > _MAX_BITS:
        # Python refuses to write an int of more than 4300 digits; no message needs its digits anyway.
        return repr(LongInt(value))
    if isinstance(value, float) and value != value:
        return ".nan"  # only YAML can write it (docs/decisions.md#yaml-nan)
    if isinstance(value, (int, float)):
        text = repr(value)
        return text if len(text) <= 40 else text[:37] + "..."
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    return type(value).__name__


def count(number: int, noun: str, plural: str | None = None) -> str:
    """`1 character`, `2 characters`: a number with its noun in the right English form."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
