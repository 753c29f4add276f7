"""The immutable records a check produces: severities, API errors and findings."""

from __future__ import annotations

import enum

import attrs

from validator.core.messages import Message
from validator.fixes.records import Fix

# The order of severities, lowest first: `--fail-on` and comparisons follow it.
_RANK = {"info": 1, "warning": 2, "error": 3}
# Rules whose findings no comment, configuration or baseline can hide: a file that cannot be read was not
# checked at all, as a linter never suppresses a syntax error (docs/checks.md, "What cannot be suppressed").
UNSUPPRESSABLE_RULES = frozenset({"C01"})


class Severity(enum.StrEnum):
    """How much a finding matters. Prints, serialises and compares equal as its name (`"error"`), and is
    ordered info < warning < error, the order of `--fail-on`."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def label(self) -> str:
        return self.value

    @property
    def rank(self) -> int:
        return _RANK[self.value]

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls(text.lower())
        except ValueError:
            raise ValueError(f"unknown severity {text!r}: expected error, warning or info") from None

    # Ordered by rank, not alphabetically as str would be, against another Severity or a severity's name.
    def _other_rank(self, other: object) -> int | None:
        if isinstance(other, str) and other.lower() in _RANK:
            return _RANK[other.lower()]
        return None

    def __lt__(self, other: object) -> bool:
        rank = self._other_rank(other)
        return NotImplemented if rank is None else self.rank < rank

    def __le__(self, other: object) -> bool:
        rank = self._other_rank(other)
        return NotImplemented if rank is None else self.rank <= rank

    def __gt__(self, other: object) -> bool:
        rank = self._other_rank(other)
        return NotImplemented if rank is None else self.rank > rank

    def __ge__(self, other: object) -> bool:
        rank = self._other_rank(other)
        return NotImplemented if rank is None else self.rank >= rank


@attrs.frozen
class ApiError:
    """The answer the live API would give: HTTP status, error code and message.

    `message` is None where the reference page publishes no message for the code.
    """

    status: int
    code: str
    message: str | None = None

    def to_dict(self) -> dict[str, object]:
        return attrs.asdict(self)

    def __str__(self) -> str:
        text = f"{self.status} {self.code}"
        return f"{text}: {self.message}" if self.message else text


@attrs.frozen
class Finding:
    """One problem in one request document.

    `pointer` is an RFC 6901 JSON Pointer with keys spelled as the author wrote them; `line` and `column`
    are 1-based and None when the request did not come from text. `fix` is the edit of the text that
    fixes the finding, when there is one. `message` is in English as checks make it; `text` holds it in
    every language, for the output to choose from (`in_language`).
    """

    rule: str
    severity: Severity
    message: str
    pointer: str
    line: int | None = None
    column: int | None = None
    api: ApiError | None = None
    fix: Fix | None = None
    text: Message | None = attrs.field(default=None, eq=False, repr=False)
    # Just past the key or value the finding is about (None when unknown); see docs/reports.md.
    end_line: int | None = None
    end_column: int | None = None

    @property
    def unsuppressable(self) -> bool:
        """Whether no suppression (comment, select/ignore, per-file-ignores, baseline) may hide the finding."""
        return self.rule in UNSUPPRESSABLE_RULES

    def in_language(self, lang: str) -> Finding:
        """The finding with its message in `lang` ("en" or "zh")."""
        if self.text is None:
            return self
        message = self.text.render(lang)
        return self if message == self.message else attrs.evolve(self, message=message)

    def sort_key(self) -> tuple[int, int, str, str, str]:
        return (self.line or 0, self.column or 0, self.pointer, self.rule, self.message)

    def to_dict(self) -> dict[str, object]:
        """The finding as the JSON report writes it: its members named here, in this order, the end beside
        the start (the report's format: members may be added, never renamed; docs/reports.md)."""
        return {
            "rule": self.rule,
            "severity": self.severity.label,
            "message": self.message,
            "pointer": self.pointer,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "api": None if self.api is None else self.api.to_dict(),
            "fix": None if self.fix is None else self.fix.to_dict(),
        }


def in_language(findings: tuple[Finding, ...], lang: str) -> tuple[Finding, ...]:
    """`findings` with their messages in `lang`: what the output and the Python API hand out."""
    return findings if lang == "en" else tuple(finding.in_language(lang) for finding in findings)
