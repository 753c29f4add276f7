"""The records of a fix: what a rule means to change (an intent, independent of how the file is written)
and the text edits that do it in one file (offsets into that file's text)."""

from __future__ import annotations

import enum

import attrs


class Applicability(enum.Enum):
    """Safe: what the API reads stays the same, only the file gets clearer. Unsafe: what the API reads
    changes, toward what the author evidently meant."""

    SAFE = "safe"
    UNSAFE = "unsafe"


SAFE, UNSAFE = Applicability.SAFE, Applicability.UNSAFE


@attrs.frozen
class RenameKey:
    """Write the key of the member at `pointer` as `new_key` (its value stays as written)."""

    pointer: str
    new_key: str
    applicability: Applicability


@attrs.frozen
class RemoveMember:
    """Remove the member at `pointer`, key and value, from its object."""

    pointer: str
    applicability: Applicability


@attrs.frozen
class RemoveDuplicate:
    """Remove the member at `pointer`, a repeated key, when every occurrence of the key in its object
    (compared case-insensitively) holds the same value; the first occurrence stays."""

    pointer: str
    applicability: Applicability = SAFE


@attrs.frozen
class ReplaceValue:
    """Write `value` (a JSON value) in place of the value at `pointer`, in the file's own syntax."""

    pointer: str
    value: bool | int | str
    applicability: Applicability


Intent = RenameKey | RemoveMember | RemoveDuplicate | ReplaceValue


@attrs.frozen
class Edit:
    """Replace the characters [start, end) of the text with `replacement`; lines and columns (1-based) say
    where that is for people."""

    start: int
    end: int
    replacement: str
    start_line: int
    start_column: int
    end_line: int
    end_column: int

    def to_dict(self) -> dict[str, object]:
        return attrs.asdict(self)


@attrs.frozen
class Fix:
    """The edits that fix one finding, applied together, and whether that is safe. `intent` is what the
    rule meant; it is not part of the report."""

    applicability: Applicability
    edits: tuple[Edit, ...]
    intent: Intent | None = attrs.field(default=None, eq=False, repr=False)
    # A removal's object, as (start, end, members): one pass never removes every member of an object, whose
    # last member goes alone in a later pass (and leaves `{}`, not an empty value that reads as null).
    scope: tuple[int, int, int] | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def safe(self) -> bool:
        return self.applicability is Applicability.SAFE

    def to_dict(self) -> dict[str, object]:
        return {"applicability": self.applicability.value, "edits": [edit.to_dict() for edit in self.edits]}
