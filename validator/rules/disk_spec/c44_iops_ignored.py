"""C44: iops is only honoured for ssd.io1."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.fixes.records import SAFE, RemoveMember
from validator.rules.base import FixNote, Given, Hit, is_int, m, rule
from validator.rules.disk_spec.facts import case_variant, disk_facts

# Types known to take no provisioned IOPS: an iops on them is dropped by the API, so removing it is safe.
NO_IOPS_DISK_TYPES = ("ssd.gp1", "hdd.std1")


@rule(
    "C44",
    "iops-ignored",
    Severity.WARNING,
    m("iops is set only with diskType ssd.io1.", "仅在 diskType 为 ssd.io1 时设置 iops。"),
    m(
        "Only ssd.io1 disks take a provisioned IOPS; with another type the value is ignored. With no "
        "diskType (a disk from a snapshot, or an adjusted one) it cannot be verified: info. Decision "
        "(C44/C45 with an instance description): an entry that adjusts an attached disk takes the diskType "
        "it omits from the description, and is checked as a new disk would be.",
        "只有 ssd.io1 磁盘支持指定 IOPS，其他类型会忽略该值。"
        "没有 diskType 时（从快照创建或调整已有盘）无法核实，给出提示。决定（C44/C45 与实例描述）："
        "调整已挂载磁盘的条目若省略 diskType，则取实例描述中的类型，并按新盘的方式检查。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": 40, "iops": 1000}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.io1", '
    '"diskSizeGB": 40, "iops": 1000}}]}',
    fix=FixNote(
        SAFE,
        m(
            "iops is removed when diskType is ssd.gp1 or hdd.std1 (the API drops it there); without a diskType "
            "there is no fix.",
            "diskType 为 ssd.gp1 或 hdd.std1 时删除 iops（API 本就会丢弃它）；没有 diskType 时不提供修复。",
        ),
    ),
)
def iops_ignored(request: Request, given: Given) -> Iterator[Hit]:
    for entry, disk in request.specs:
        member = disk.members.get("iops")
        if member is None or not is_int(member.value):  # a wrong type is C03's alone
            continue
        kind, _, described = disk_facts(request, given, entry, disk)
        if case_variant(kind):
            continue
        if kind is None:
            yield Hit(
                member.pointer,
                m(
                    "iops cannot be verified without diskType: it is only honoured for ssd.io1 disks",
                    "没有 diskType 时无法核实 iops：只有 ssd.io1 磁盘才会采用它",
                ),
                severity=Severity.INFO,
            )
        elif isinstance(kind, str) and kind != "ssd.io1" and described is not None and "diskType" not in disk:
            yield Hit(
                member.pointer,
                m(
                    f'iops is ignored: the instance description shows {described} is a "{kind}" disk, and only '
                    "ssd.io1 takes a provisioned IOPS",
                    f'iops 会被忽略：实例描述显示 {described} 是 "{kind}" 磁盘，只有 ssd.io1 支持指定 IOPS',
                ),
            )
        elif isinstance(kind, str) and kind != "ssd.io1":
            yield Hit(
                member.pointer,
                m(
                    f'iops is ignored for diskType "{kind}": only ssd.io1 takes a provisioned IOPS',
                    f'diskType 为 "{kind}" 时 iops 会被忽略：只有 ssd.io1 支持指定 IOPS',
                ),
                fix=RemoveMember(member.pointer, SAFE) if kind in NO_IOPS_DISK_TYPES else None,
            )
