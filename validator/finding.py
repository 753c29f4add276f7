"""The immutable records a check produces: severities, API errors and findings."""

from __future__ import annotations

import enum
from typing import NamedTuple


class Severity(enum.IntEnum):
    """How much a finding matters; the order is the order of `--fail-on`."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}: expected error, warning or info") from None


class ApiError(NamedTuple):
    """The answer the live API would give: HTTP status, error code and message.

    `message` is None where the reference page publishes no message for the code.
    """

    status: int
    code: str
    message: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"status": self.status, "code": self.code, "message": self.message}

    def __str__(self) -> str:
        text = f"{self.status} {self.code}"
        return f"{text}: {self.message}" if self.message else text


class Finding(NamedTuple):
    """One problem in one request document.

    `pointer` is an RFC 6901 JSON Pointer with keys spelled as the author wrote them; `line` and `column`
    are 1-based and None when the request did not come from text.
    """

    rule: str
    severity: Severity
    message: str
    pointer: str
    line: int | None = None
    column: int | None = None
    api: ApiError | None = None

    def sort_key(self) -> tuple[int, int, str, str, str]:
        return (self.line or 0, self.column or 0, self.pointer, self.rule, self.message)

    def to_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "severity": self.severity.label,
            "message": self.message,
            "pointer": self.pointer,
            "line": self.line,
            "column": self.column,
            "api": None if self.api is None else self.api.to_dict(),
        }
