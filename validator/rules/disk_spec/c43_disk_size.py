"""C43: diskSizeGB within its range (the schema) and in steps (this rule)."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.messages import quote
from validator.core.model import Request
from validator.fixes.records import UNSAFE, Intent, ReplaceValue
from validator.rules.api_errors import DISK_SIZE_OUT_OF_RANGE
from validator.rules.base import FixNote, Given, Hit, is_int, m, rule
from validator.rules.disk_spec.facts import SIZE_MAX, SIZE_MIN, SIZE_STEP, fixed_size


def _range_fix(keyword: str, value: object, limit: object, pointer: str) -> Intent | None:
    """The schema's range failure fixed as the step is: the size rounded up to the step and kept within the
    range. Unsafe: the API reads another value afterwards."""
    if keyword in ("minimum", "maximum") and is_int(value):
        assert isinstance(value, int)
        return ReplaceValue(pointer, fixed_size(value), UNSAFE)
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
        f"Data disks are {SIZE_MIN} to {SIZE_MAX} GiB in steps of {SIZE_STEP} GiB. The range is in the "
        "schema, the step in this rule; both answer with the same API error.",
        f"数据盘容量为 {SIZE_MIN} 到 {SIZE_MAX} GiB，步长 {SIZE_STEP} GiB。范围由 schema 检查，步长由本规则检查，"
        "两者对应同一个 API 错误。",
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
        # Outside [SIZE_MIN, SIZE_MAX] the schema's range finding is the one finding for the value.
        if SIZE_MIN <= size <= SIZE_MAX and size % SIZE_STEP:
            yield Hit(
                member.pointer,
                m(
                    f"diskSizeGB {quote(size)} is not a multiple of {SIZE_STEP}",
                    f"diskSizeGB {quote(size)} 不是 {SIZE_STEP} 的倍数",
                ),
                api=DISK_SIZE_OUT_OF_RANGE.render(),
                fix=ReplaceValue(member.pointer, fixed_size(size), UNSAFE),
            )
