"""Rules about an entry's cloudDiskSpec: what a new disk needs, types, sizes, IOPS, snapshots (C40–C48).

Entries that exclude their disk (noDevice: true) are left to C34: their cloudDiskSpec is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from validator.core.finding import Severity
from validator.core.messages import count, quote
from validator.core.model import Entry, Obj, Request
from validator.fixes.records import SAFE, UNSAFE, RemoveMember, ReplaceValue
from validator.rules.api_errors import (
    DISK_SIZE_OUT_OF_RANGE,
    DISK_TYPE_MISSING,
    INVALID_ARGUMENT,
    IOPS_OUT_OF_RANGE,
    SNAPSHOT_NOT_FOUND,
)
from validator.rules.base import Given, Hit, is_int, m, rule
from validator.rules.instance import instance_for

DISK_TYPES = ("ssd.gp1", "ssd.io1", "hdd.std1")
LEGACY_DISK_TYPES = {"ssd": ("ssd.gp1", "ssd.io1"), "premium-hdd": ("hdd.std1", "ssd.gp1")}
UNLISTED_DISK_TYPES = ("ssd.gp2", "ssd.io2")
SIZE_MIN, SIZE_MAX, SIZE_STEP = 20, 16000, 10
IOPS_MIN, IOPS_CAP, IOPS_STEP, IOPS_PER_GB, IOPS_DEFAULT_PER_GB = 200, 32000, 10, 50, 30
_SNAPSHOT = re.compile(r"snapshot-[a-z0-9]+")
SNAPSHOT_SUFFIX_LENGTH = 10
IGNORED_DISK_FIELDS = ("az", "name", "description", "policyId", "charge", "multiAttachable")
# Types known to take no provisioned IOPS: an iops on them is dropped by the API, so removing it is safe.
NO_IOPS_DISK_TYPES = ("ssd.gp1", "hdd.std1")


def fixed_size(size: int) -> int:
    """The size an out-of-step or out-of-range diskSizeGB evidently meant: rounded up to the step, then
    kept within the range (C43)."""
    rounded = -(-size // SIZE_STEP) * SIZE_STEP
    return min(max(rounded, SIZE_MIN), SIZE_MAX)


def fixed_iops(iops: int, size: object) -> int:
    """An ssd.io1 iops rounded to the nearest step and kept within its range for the disk's size (C45);
    the size counts as fixed_size would make it."""
    rounded = (iops + IOPS_STEP // 2) // IOPS_STEP * IOPS_STEP
    maximum = min(IOPS_CAP, fixed_size(size) * IOPS_PER_GB) if is_int(size) else IOPS_CAP  # type: ignore[arg-type]
    return max(IOPS_MIN, min(rounded, maximum))


def _case_variant(kind: object) -> bool:
    """A listed disk type written in another case (SSD.IO1): C41's alone."""
    return isinstance(kind, str) and kind not in DISK_TYPES and kind.lower() in DISK_TYPES


class DiskFacts(NamedTuple):
    """The type and size of the disk an entry describes, and the device whose description supplied either."""

    kind: object
    size: object
    described: str | None = None


def disk_facts(request: Request, given: Given, entry: Entry, disk: Obj) -> DiskFacts:
    """diskType and diskSizeGB as written; an entry that adjusts an attached cloud disk takes those it omits
    from the instance description (catalogue, Further decisions: "C44/C45 with an instance description")."""
    kind, size = disk.get("diskType"), disk.get("diskSizeGB")
    if (kind is not None and size is not None) or "snapshotId" in disk or entry.device is None:
        return DiskFacts(kind, size)
    instance = instance_for(request, given)
    attached = None if instance is None else instance.attached(entry.device)
    if attached is None or not attached.is_cloud:
        return DiskFacts(kind, size)
    return DiskFacts(
        attached.disk_type if kind is None else kind,
        attached.size_gb if size is None else size,
        entry.device if (kind is None and attached.disk_type) or (size is None and attached.size_gb) else None,
    )


def _missing_for_new_disk(
    request: Request, given: Given, field: str, api_text: str, entry: Entry, disk: Obj
) -> Iterator[Hit]:
    """C40/C42: a new disk needs `field` unless it comes from a snapshot; an attached one does not. With the
    instance's description the two are told apart; without it, an entry naming a device is only a warning."""
    if field in disk or "snapshotId" in disk:
        return
    device = entry.device
    instance = instance_for(request, given)
    if device is not None and instance is not None:
        if instance.attached(device) is None:
            yield Hit(
                disk.pointer,
                m(
                    f"{device} is not attached to instance {instance.instance_id or '(no id)'}, so this entry adds "
                    f"a new disk, which needs {field} (or snapshotId)",
                    f"{device} 没有挂载在实例 {instance.instance_id or '(无 ID)'} 上，因此本条目是添加新盘，"
                    f"需要 {field}（或 snapshotId）",
                ),
            )
        return
    if device is None:
        yield Hit(
            disk.pointer,
            m(
                f"cloudDiskSpec of dataDisks entry {entry.index} adds a new disk without {field} and without "
                "snapshotId",
                f"dataDisks 第 {entry.index} 项的 cloudDiskSpec 添加新盘，却既没有 {field} 也没有 snapshotId",
            ),
        )
        return
    yield Hit(
        disk.pointer,
        m(
            f"cloudDiskSpec for {device} sets neither {field} nor snapshotId: fine if {device} is already "
            f"attached (the entry adjusts it), but if {device} is a new disk the API answers {api_text}",
            f"{device} 的 cloudDiskSpec 既没有 {field} 也没有 snapshotId：若 {device} 已挂载（本条目是调整它）则无妨，"
            f"若 {device} 是新盘，API 会返回 {api_text}",
        ),
        severity=Severity.WARNING,
    )


@rule(
    "C40",
    "new-disk-type",
    Severity.ERROR,
    m("A new disk sets diskType unless it comes from a snapshot.", "新盘必须设置 diskType，除非从快照创建。"),
    m(
        "An entry whose deviceName is already attached only adjusts that disk and needs no diskType; a new "
        "disk without snapshotId needs one. Without the instance's description the two cannot be told apart, "
        "so an entry with a deviceName is a warning naming both readings, and an entry without deviceName is "
        "an error.",
        "deviceName 指向已挂载磁盘的条目只是调整该盘，不需要 diskType；不使用快照的新盘则必须设置。没有实例描述时"
        "两者无法区分，因此带 deviceName 的条目给出警告并说明两种情况，不带 deviceName 的条目则是错误。",
    ),
    bad='{"name": "web", "dataDisks": [{"cloudDiskSpec": {"diskSizeGB": 40}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": 40}}]}',
    api=DISK_TYPE_MISSING,
)
def new_disk_type(request: Request, given: Given) -> Iterator[Hit]:
    text = f'{DISK_TYPE_MISSING.status} {DISK_TYPE_MISSING.code} "{DISK_TYPE_MISSING.message}"'
    for entry, disk in request.specs:
        yield from _missing_for_new_disk(request, given, "diskType", text, entry, disk)


@rule(
    "C41",
    "disk-type",
    Severity.ERROR,
    m("diskType is ssd.gp1, ssd.io1 or hdd.std1.", "diskType 为 ssd.gp1、ssd.io1 或 hdd.std1。"),
    m(
        "The legacy types ssd and premium-hdd are refused; the finding names their current replacements. "
        "ssd.gp2 and ssd.io2 exist in the disk service but are not listed for createImage: a warning. "
        "Anything else is refused.",
        "旧类型 ssd 和 premium-hdd 会被拒绝，发现项会给出当前的替代类型。ssd.gp2 和 ssd.io2 在云硬盘服务中存在，"
        "但 createImage 未列出，给出警告。其他值都会被拒绝。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd", "diskSizeGB": 40}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": 40}}]}',
    api=INVALID_ARGUMENT,
)
def disk_type(request: Request, given: Given) -> Iterator[Hit]:
    for _entry, disk in request.specs:
        member = disk.members.get("diskType")
        if member is None or not isinstance(member.value, str) or member.value in DISK_TYPES:
            continue
        value = member.value
        listed, listed_zh = ", ".join(DISK_TYPES), "、".join(DISK_TYPES)
        if value in LEGACY_DISK_TYPES:
            replacements = LEGACY_DISK_TYPES[value]
            yield Hit(
                member.pointer,
                m(
                    f'diskType "{value}" is a legacy type; use {" or ".join(replacements)}',
                    f'diskType "{value}" 是旧类型；请改用 {" 或 ".join(replacements)}',
                ),
                api=INVALID_ARGUMENT.render(),
            )
        elif _case_variant(value):
            # One finding per problem: the spelling, with no C44/C45 about the type it was meant to be.
            yield Hit(
                member.pointer,
                m(
                    f'diskType "{value}" is not one of {listed}: diskType is case-sensitive; write "{value.lower()}"',
                    f'diskType "{value}" 不是 {listed_zh} 之一：diskType 区分大小写；请写成 "{value.lower()}"',
                ),
                api=INVALID_ARGUMENT.render(),
                # The listed spelling is evidently what was meant; the API reads another value: unsafe.
                fix=ReplaceValue(member.pointer, value.lower(), UNSAFE),
            )
        elif value in UNLISTED_DISK_TYPES:
            yield Hit(
                member.pointer,
                m(
                    f'diskType "{value}" is not listed for createImage ({listed}); the API may refuse it',
                    f'diskType "{value}" 不在 createImage 列出的类型中（{listed_zh}）；API 可能拒绝',
                ),
                severity=Severity.WARNING,
            )
        else:
            yield Hit(
                member.pointer,
                m(f'diskType "{value}" is not one of {listed}', f'diskType "{value}" 不是 {listed_zh} 之一'),
                api=INVALID_ARGUMENT.render(),
            )


@rule(
    "C42",
    "new-disk-size",
    Severity.ERROR,
    m("A new disk sets diskSizeGB unless it comes from a snapshot.", "新盘必须设置 diskSizeGB，除非从快照创建。"),
    m(
        "As for diskType (C40): an attached disk that is only adjusted needs no size, a new disk without "
        "snapshotId does. Without the instance's description an entry with a deviceName is a warning.",
        "与 diskType（C40）相同：仅调整已挂载磁盘时不需要容量，不使用快照的新盘则必须设置。没有实例描述时，"
        "带 deviceName 的条目给出警告。",
    ),
    bad='{"name": "web", "dataDisks": [{"cloudDiskSpec": {"diskType": "ssd.gp1"}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": 40}}]}',
    api=DISK_SIZE_OUT_OF_RANGE,
)
def new_disk_size(request: Request, given: Given) -> Iterator[Hit]:
    text = f'{DISK_SIZE_OUT_OF_RANGE.status} {DISK_SIZE_OUT_OF_RANGE.code} "{DISK_SIZE_OUT_OF_RANGE.message}"'
    for entry, disk in request.specs:
        yield from _missing_for_new_disk(request, given, "diskSizeGB", text, entry, disk)


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


@rule(
    "C44",
    "iops-ignored",
    Severity.WARNING,
    m("iops is set only with diskType ssd.io1.", "仅在 diskType 为 ssd.io1 时设置 iops。"),
    m(
        "Only ssd.io1 disks take a provisioned IOPS; with another type the value is ignored. With no "
        "diskType (a disk from a snapshot, or an adjusted one) it cannot be verified: info. Catalogue decision "
        "(C44/C45 with an instance description): an entry that adjusts an attached disk takes the diskType "
        "it omits from the description, and is checked as a new disk would be.",
        "只有 ssd.io1 磁盘支持指定 IOPS，其他类型会忽略该值。"
        "没有 diskType 时（从快照创建或调整已有盘）无法核实，给出提示。目录决定（C44/C45 与实例描述）："
        "调整已挂载磁盘的条目若省略 diskType，则取实例描述中的类型，并按新盘的方式检查。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": 40, "iops": 1000}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.io1", '
    '"diskSizeGB": 40, "iops": 1000}}]}',
)
def iops_ignored(request: Request, given: Given) -> Iterator[Hit]:
    for entry, disk in request.specs:
        member = disk.members.get("iops")
        if member is None:
            continue
        kind, _, described = disk_facts(request, given, entry, disk)
        if _case_variant(kind):
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
        f"iops the API uses diskSizeGB × {IOPS_DEFAULT_PER_GB} (info). Catalogue decision (C44/C45 with an "
        "instance description): an entry that adjusts an attached disk takes the diskType and diskSizeGB it "
        "omits from the description, so the bound comes from the size the disk will have.",
        f"上限随容量增长：每 GiB {IOPS_PER_GB} IOPS，最高 {IOPS_CAP}。没有 diskSizeGB 时（从快照创建）只检查 "
        f"[{IOPS_MIN}, {IOPS_CAP}] 和步长。未设置 iops 时 API 使用 diskSizeGB × {IOPS_DEFAULT_PER_GB}（提示）。"
        "目录决定（C44/C45 与实例描述）：调整已挂载磁盘的条目若省略 diskType 和 diskSizeGB，则取实例描述中的值，"
        "上限按磁盘调整后的容量计算。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.io1", '
    '"diskSizeGB": 20, "iops": 1010}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.io1", '
    '"diskSizeGB": 20, "iops": 1000}}]}',
    api=IOPS_OUT_OF_RANGE,
)
def iops_range(request: Request, given: Given) -> Iterator[Hit]:
    api = IOPS_OUT_OF_RANGE.render()
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
                api=api,
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
                    api=api,
                    fix=fix,
                )
        elif iops > IOPS_CAP:
            yield Hit(
                member.pointer,
                m(f"iops {quote(iops)} is above the maximum {IOPS_CAP}", f"iops {quote(iops)} 超过最大值 {IOPS_CAP}"),
                api=api,
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
                api=api,
                fix=fix,
            )


@rule(
    "C46",
    "snapshot-id",
    Severity.ERROR,
    m(
        "snapshotId is a well-formed snapshot id, not a masked one.",
        "snapshotId 是格式正确的快照 ID，而非打码的示例 ID。",
    ),
    m(
        "A snapshot id is snapshot- followed by lower-case letters and digits. A value with * is a masked id "
        "copied from documentation (the reference page's own example uses snapshot-h8u1****36) and names no "
        "snapshot. Public ids have ten characters after snapshot-; another length is a warning.",
        "快照 ID 由 snapshot- 加小写字母和数字组成。含 * 的值是从文档复制的打码 ID（参考页面自己的示例就用了 "
        "snapshot-h8u1****36），不对应任何快照。公开的 ID 在 snapshot- 之后都是 10 个字符，长度不同时给出警告。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vde", "cloudDiskSpec": {"snapshotId": "snapshot-h8u1****36"}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vde", "cloudDiskSpec": {"snapshotId": '
    '"snapshot-h8u1ab3c36"}}]}',
    api=SNAPSHOT_NOT_FOUND,
)
def snapshot_id(request: Request, given: Given) -> Iterator[Hit]:
    for _entry, disk in request.specs:
        member = disk.members.get("snapshotId")
        if member is None or not isinstance(member.value, str):
            continue
        value = member.value
        if "*" in value:
            yield Hit(
                member.pointer,
                m(
                    f'snapshotId "{value}" is a masked id copied from documentation: use a real snapshot id',
                    f'snapshotId "{value}" 是从文档复制的打码 ID：请填写真实的快照 ID',
                ),
                api=SNAPSHOT_NOT_FOUND.render(value),
            )
        elif not _SNAPSHOT.fullmatch(value):
            yield Hit(
                member.pointer,
                m(
                    f'snapshotId "{value}" is not a snapshot id (snapshot- followed by lower-case letters and digits)',
                    f'snapshotId "{value}" 不是快照 ID（应为 snapshot- 加小写字母和数字）',
                ),
                api=SNAPSHOT_NOT_FOUND.render(value),
            )
        elif len(value) - len("snapshot-") != SNAPSHOT_SUFFIX_LENGTH:
            length = len(value) - len("snapshot-")
            yield Hit(
                member.pointer,
                m(
                    f'snapshotId "{value}" has {count(length, "character")} after "snapshot-"; snapshot ids have '
                    f"{SNAPSHOT_SUFFIX_LENGTH}",
                    f'snapshotId "{value}" 在 "snapshot-" 之后有 {length} 个字符；快照 ID 应为 '
                    f"{SNAPSHOT_SUFFIX_LENGTH} 个",
                ),
                severity=Severity.WARNING,
            )


@rule(
    "C47",
    "encrypt-with-snapshot",
    Severity.WARNING,
    m("encrypt is set only on a new empty disk.", "encrypt 只对新建空盘设置。"),
    m(
        "A disk made from a snapshot inherits the snapshot's encryption; encrypt on it is ignored.",
        "从快照创建的磁盘继承快照的加密属性，在其上设置 encrypt 会被忽略。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vde", "cloudDiskSpec": {"snapshotId": '
    '"snapshot-h8u1ab3c36", "encrypt": true}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": 40, "encrypt": true}}]}',
)
def encrypt_with_snapshot(request: Request, given: Given) -> Iterator[Hit]:
    for _entry, disk in request.specs:
        member = disk.members.get("encrypt")
        if member is not None and "snapshotId" in disk:
            yield Hit(
                member.pointer,
                m(
                    "encrypt is ignored: a disk made from a snapshot inherits the snapshot's encryption",
                    "encrypt 会被忽略：从快照创建的磁盘继承快照的加密属性",
                ),
            )


@rule(
    "C48",
    "ignored-disk-fields",
    Severity.WARNING,
    m(
        "az, name, description, policyId, charge and multiAttachable are not set.",
        "不设置 az、name、description、policyId、charge 和 multiAttachable。",
    ),
    m(
        "createImage ignores these DiskSpec members (the reference page says specifying them has no effect), "
        "although it marks az and name as required: they are never required. null is fine, since the SDK "
        "sends null for every unset member.",
        "createImage 会忽略这些 DiskSpec 成员（参考页面说明指定无效）；"
        "尽管页面把 az 和 name 标为必填，它们从不是必需的。"
        "值为 null 没有问题，因为 SDK 会为每个未设置的成员发送 null。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"az": "cn-north-1a", '
    '"diskType": "ssd.gp1", "diskSizeGB": 40}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": 40}}]}',
)
def ignored_disk_fields(request: Request, given: Given) -> Iterator[Hit]:
    for _entry, disk in request.specs:
        for name in IGNORED_DISK_FIELDS:
            member = disk.members.get(name)
            if member is not None:
                yield Hit(
                    member.pointer,
                    m(
                        f"{member.key} is ignored by createImage: specifying it has no effect",
                        f"createImage 会忽略 {member.key}：指定它没有任何效果",
                    ),
                    fix=RemoveMember(member.pointer, SAFE),
                )
