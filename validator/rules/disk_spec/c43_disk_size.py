"""C43: diskSizeGB within its range (the schema) and in steps (this rule)."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.messages import quote
from validator.core.model import Request
from validator.fixes.records import UNSAFE, Intent, ReplaceValue
from validator.rules.api_errors import DISK_SIZE_OUT_OF_RANGE
from validator.rules.base import FixNote, Given, Hit, is_int, m, rule
from validator.rules.disk_spec.facts import (
    SIZE_MAX,
    SIZE_MIN,
    SIZE_STEP,
    UNLISTED_SIZE_MAX,
    fixed_size,
    size_max,
)


def _range_fix(keyword: str, value: object, limit: object, pointer: str) -> Intent | None:
    """The schema's range failure fixed as the step is: the size rounded up to the step and kept within the
    range. Unsafe: the API reads another value afterwards."""
    if keyword in ("minimum", "maximum") and is_int(value):
        assert isinstance(value, int)
        maximum = limit if keyword == "maximum" and is_int(limit) else SIZE_MAX
        assert isinstance(maximum, int)
        return ReplaceValue(pointer, fixed_size(value, maximum), UNSAFE)
    return None


@rule(
    "C43",
    "disk-size",
    Severity.ERROR,
    m(
        f"diskSizeGB is within [{SIZE_MIN}, {SIZE_MAX}] and a multiple of {SIZE_STEP}.",
        f"diskSizeGB 在 [{SIZE_MIN}, {SIZE_MAX}] 之内且为 {SIZE_STEP} 的倍数。",
    ),
    m(
        f"Data disks are {SIZE_MIN} to {SIZE_MAX} GiB in steps of {SIZE_STEP} GiB; ssd.gp2 and ssd.io2 disks "
        f"(types createImage does not list) {SIZE_MIN} to {UNLISTED_SIZE_MAX} GiB, the range published for them. "
        "A diskSizeGB of 0 is read as not given (the Go SDK sends 0 for an unset size). The range is in the "
        "schema, the step in this rule; both answer with the same API error.",
        f"数据盘容量为 {SIZE_MIN} 到 {SIZE_MAX} GiB，步长 {SIZE_STEP} GiB；"
        f"ssd.gp2 和 ssd.io2（createImage 未列出的类型）为 {SIZE_MIN} 到 {UNLISTED_SIZE_MAX} GiB，"
        "即为它们公布的范围。diskSizeGB 为 0 视为未设置（Go SDK 对未设置的容量发送 0）。"
        "范围由 schema 检查，步长由本规则检查，两者对应同一个 API 错误。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": 45}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": 50}}]}',
    api=DISK_SIZE_OUT_OF_RANGE,
    fix=FixNote(
        UNSAFE,
        m(
            f"diskSizeGB is rounded up to the next multiple of {SIZE_STEP} and kept within [{SIZE_MIN}, {SIZE_MAX}].",
            f"diskSizeGB 向上取整到 {SIZE_STEP} 的倍数，并限制在 [{SIZE_MIN}, {SIZE_MAX}] 之内。",
        ),
    ),
    schema_fix=_range_fix,
)
def disk_size_step(request: Request, given: Given) -> Iterator[Hit]:
    for _entry, disk in request.specs:
        member = disk.members.get("diskSizeGB")
        if member is None or not is_int(member.value):
            continue
        size = member.value
        assert isinstance(size, int)
        maximum = size_max(disk.get("diskType"))
        # Outside [SIZE_MIN, maximum] the schema's range finding is the one finding for the value.
        if SIZE_MIN <= size <= maximum and size % SIZE_STEP:
            yield Hit(
                member.pointer,
                m(
                    f"diskSizeGB {quote(size)} is not a multiple of {SIZE_STEP}",
                    f"diskSizeGB {quote(size)} 不是 {SIZE_STEP} 的倍数",
                ),
                api=DISK_SIZE_OUT_OF_RANGE.render(),
                fix=ReplaceValue(member.pointer, fixed_size(size, maximum), UNSAFE),
            )
