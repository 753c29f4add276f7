"""C45: the iops of an ssd.io1 disk, its range and step."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.messages import quote
from validator.core.model import Request
from validator.fixes.records import UNSAFE, ReplaceValue
from validator.rules.api_errors import IOPS_OUT_OF_RANGE
from validator.rules.base import FixNote, Given, Hit, is_int, m, rule
from validator.rules.disk_spec.facts import (
    IOPS_CAP,
    IOPS_DEFAULT_PER_GB,
    IOPS_MIN,
    IOPS_PER_GB,
    IOPS_STEP,
    DiskFacts,
    disk_facts,
    fixed_iops,
)

# The API's answer, the same for every finding of the rule (an immutable record).
_API = IOPS_OUT_OF_RANGE.render()


@rule(
    "C45",
    "iops-range",
    Severity.ERROR,
    m(
        f"For ssd.io1, iops is a multiple of {IOPS_STEP} within [{IOPS_MIN}, min({IOPS_CAP}, diskSizeGB × "
        f"{IOPS_PER_GB})].",
        f"ssd.io1 的 iops 为 {IOPS_STEP} 的倍数，且在 [{IOPS_MIN}, min({IOPS_CAP}, diskSizeGB × {IOPS_PER_GB})] 之内。",
    ),
    m(
        f"The upper bound grows with the disk: {IOPS_PER_GB} IOPS per GiB, capped at {IOPS_CAP}. Without "
        f"diskSizeGB (a disk from a snapshot) only [{IOPS_MIN}, {IOPS_CAP}] and the step are checked. Without "
        f"iops the API uses diskSizeGB × {IOPS_DEFAULT_PER_GB} (info). Decision (C44/C45 with an "
        "instance description): an entry that adjusts an attached disk takes the diskType and diskSizeGB it "
        "omits from the description, so the bound comes from the size the disk will have.",
        f"上限随容量增长：每 GiB {IOPS_PER_GB} IOPS，最高 {IOPS_CAP}。没有 diskSizeGB 时（从快照创建）只检查 "
        f"[{IOPS_MIN}, {IOPS_CAP}] 和步长。未设置 iops 时 API 使用 diskSizeGB × {IOPS_DEFAULT_PER_GB}（提示）。"
        "决定（C44/C45 与实例描述）：调整已挂载磁盘的条目若省略 diskType 和 diskSizeGB，则取实例描述中的值，"
        "上限按磁盘调整后的容量计算。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.io1", '
    '"diskSizeGB": 20, "iops": 1010}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.io1", '
    '"diskSizeGB": 20, "iops": 1000}}]}',
    api=IOPS_OUT_OF_RANGE,
    fix=FixNote(
        UNSAFE,
        m(
            f"iops is rounded to the nearest multiple of {IOPS_STEP} and kept within [{IOPS_MIN}, "
            f"min({IOPS_CAP}, diskSizeGB × {IOPS_PER_GB})].",
            f"iops 四舍五入到 {IOPS_STEP} 的倍数，并限制在 [{IOPS_MIN}, "
            f"min({IOPS_CAP}, diskSizeGB × {IOPS_PER_GB})] 之内。",
        ),
    ),
)
def iops_range(request: Request, given: Given) -> Iterator[Hit]:
    for entry, disk in request.specs:
        member = disk.members.get("iops")
        kind, size, described = (
            disk_facts(request, given, entry, disk)
            if member is not None
            else DiskFacts(disk.get("diskType"), disk.get("diskSizeGB"))
        )
        if kind != "ssd.io1":
            continue
        if member is None:
            if is_int(size):
                assert isinstance(size, int)
                yield Hit(
                    disk.pointer,
                    m(
                        f"iops is not set: the API will use diskSizeGB {quote(size)} × {IOPS_DEFAULT_PER_GB} = "
                        f"{quote(size * IOPS_DEFAULT_PER_GB)}",
                        f"未设置 iops：API 将使用 diskSizeGB {quote(size)} × {IOPS_DEFAULT_PER_GB} = "
                        f"{quote(size * IOPS_DEFAULT_PER_GB)}",
                    ),
                    severity=Severity.INFO,
                )
            continue
        if not is_int(member.value):
            continue
        iops = member.value
        assert isinstance(iops, int)
        in_range = False  # a value outside the range gets that one finding, not a step finding too
        fix = ReplaceValue(member.pointer, fixed_iops(iops, size), UNSAFE)
        if iops < IOPS_MIN:
            yield Hit(
                member.pointer,
                m(f"iops {quote(iops)} is below the minimum {IOPS_MIN}", f"iops {quote(iops)} 低于最小值 {IOPS_MIN}"),
                api=_API,
                fix=fix,
            )
        elif is_int(size):
            assert isinstance(size, int)
            maximum = min(IOPS_CAP, size * IOPS_PER_GB)
            source = (
                m("", "")
                if described is None or "diskSizeGB" in disk
                else m(f", the size of {described} in the instance description", f"，即实例描述中 {described} 的容量")
            )
            in_range = iops <= maximum
            if not in_range:
                yield Hit(
                    member.pointer,
                    m(
                        f"iops {quote(iops)} is above the maximum {maximum} "
                        f"(min({IOPS_CAP}, diskSizeGB {quote(size)} × {IOPS_PER_GB}){source.en})",
                        f"iops {quote(iops)} 超过最大值 {maximum}"
                        f"（min({IOPS_CAP}, diskSizeGB {quote(size)} × {IOPS_PER_GB}){source.zh}）",
                    ),
                    api=_API,
                    fix=fix,
                )
        elif iops > IOPS_CAP:
            yield Hit(
                member.pointer,
                m(f"iops {quote(iops)} is above the maximum {IOPS_CAP}", f"iops {quote(iops)} 超过最大值 {IOPS_CAP}"),
                api=_API,
                fix=fix,
            )
        else:
            in_range = True
        if in_range and iops % IOPS_STEP:
            yield Hit(
                member.pointer,
                m(
                    f"iops {quote(iops)} is not a multiple of {IOPS_STEP}",
                    f"iops {quote(iops)} 不是 {IOPS_STEP} 的倍数",
                ),
                api=_API,
                fix=fix,
            )
