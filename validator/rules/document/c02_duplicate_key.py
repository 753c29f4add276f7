"""C02: no object holds the same key twice."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.fixes.records import SAFE, RemoveDuplicate
from validator.rules.base import FixNote, Given, Hit, m, rule


@rule(
    "C02",
    "duplicate-key",
    Severity.ERROR,
    m(
        "No object holds the same key twice (keys differing only in case count as the same).",
        "同一对象中不得出现重复的键（仅大小写不同也算重复）。",
    ),
    m(
        "JSON text can repeat a key, and parsers silently keep only one of the values, so the request does "
        "not say one clear thing. Because the API matches keys case-insensitively, `cloudDiskSpec` and "
        "`CloudDiskSpec` in one object are duplicates too. The finding points at the later occurrence.",
        "JSON 文本允许键重复，但解析器会静默地只保留其中一个值，请求因此含义不明。由于 API 匹配键时不区分大小写，"
        "同一对象中的 `cloudDiskSpec` 与 `CloudDiskSpec` 也算重复。发现项指向后出现的那个键。",
    ),
    bad='{"name": "a1", "name": "a2"}',
    good='{"name": "a2"}',
    fix=FixNote(
        SAFE,
        m(
            "When every occurrence of the repeated key holds the same value, the later occurrences are removed.",
            "重复的键在每处的值都相同时，删除后出现的那些。",
        ),
    ),
)
def duplicate_keys(request: Request, given: Given) -> Iterator[Hit]:
    for duplicate in request.duplicates:
        yield Hit(
            duplicate.pointer,
            m(
                f'key "{duplicate.key}" appears more than once in the same object; only one value would be used',
                f'键 "{duplicate.key}" 在同一对象中出现多次，只有一个值会生效',
            ),
            at_key=True,
            fix=RemoveDuplicate(duplicate.pointer),
        )
    for note in request.case_duplicates:
        assert note.earlier is not None
        yield Hit(
            note.member.pointer,
            m(
                f'key "{note.member.key}" repeats "{note.earlier.key}" (keys match case-insensitively)',
                f'键 "{note.member.key}" 与 "{note.earlier.key}" 重复（键名匹配不区分大小写）',
            ),
            at_key=True,
            fix=RemoveDuplicate(note.member.pointer),
        )
