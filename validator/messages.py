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


def quote(value: object) -> str:
    """A value as it would be written in JSON, for messages (short and on one line)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
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
