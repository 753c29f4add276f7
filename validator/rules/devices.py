"""Rules about the dataDisks entries: device names, duplicates, exclusion (C30–C39)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Entry, Request
from validator.fixes.records import SAFE, RemoveMember
from validator.rules.api_errors import DUPLICATE_DEVICE_NAME, INVALID_ARGUMENT, OUT_OF_RANGE
from validator.rules.base import Given, Hit, declare, m, rule
from validator.rules.instance import instance_for

_VD_NAME = re.compile(r"vd([a-z]+)")
FIRST_SLOT = "vdb"
LAST_SLOT = "vdbm"
MAX_ENTRIES = 64
PAY_BY_CONFIGURATION = "postpaid_by_duration"


def slot_number(device: str) -> int | None:
    """The virtio index of a well-formed `vd` name (vda is 1, vdz 26, vdaa 27, …), or None."""
    match = _VD_NAME.fullmatch(device)
    if match is None:
        return None
    number = 0
    for char in match.group(1):
        number = number * 26 + (ord(char) - ord("a") + 1)
    return number


FIRST_INDEX = 2  # vdb: vda is the system disk
LAST_INDEX = 65  # vdbm


def _named(entry: Entry) -> tuple[str, str] | None:
    member = entry.obj.members.get("deviceName")
    if member is None or not isinstance(member.value, str):
        return None
    return member.pointer, member.value


DATA_DISKS_SHAPE = declare(
    "C30",
    "data-disks-shape",
    Severity.ERROR,
    m("dataDisks is an array of objects.", "dataDisks 是对象数组。"),
    m(
        "Each entry of dataDisks describes one data disk as an object (an InstanceDiskAttachmentSpec).",
        "dataDisks 的每个元素都是一个描述数据盘的对象（InstanceDiskAttachmentSpec）。",
    ),
    bad='{"name": "web", "dataDisks": {"deviceName": "vdb", "noDevice": true}}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdb", "noDevice": true}]}',
    api=INVALID_ARGUMENT,
)


@rule(
    "C31",
    "device-name",
    Severity.ERROR,
    m("deviceName names a data-disk slot from vdb to vdbm.", "deviceName 是 vdb 到 vdbm 之间的数据盘盘符。"),
    m(
        "Data-disk slots follow Linux virtio order: vdb…vdz, then vdaa…vdaz, then vdba…vdbm, 64 slots. It "
        "is not a string-order range: vdz and vdaa are valid, vdbn and vdca are not, and vda is the system "
        "disk. A well-formed vd name outside the range is out of range; anything else (sdb, xvdb, VDB, vdb1) "
        "is not a device name at all.",
        "数据盘盘符按 Linux virtio 顺序排列：vdb…vdz，接着 vdaa…vdaz，再接 vdba…vdbm，共 64 个。它不是按字符串"
        "大小比较的区间：vdz 和 vdaa 合法，vdbn 和 vdca 不合法，vda 是系统盘。格式正确但超出范围的 vd 盘符属于越界；"
        "其他写法（sdb、xvdb、VDB、vdb1）根本不是盘符。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdbn", "noDevice": true}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdaa", "noDevice": true}]}',
    api=OUT_OF_RANGE,
)
def device_name(request: Request, given: Given) -> Iterator[Hit]:
    for entry in request.entries:
        named = _named(entry)
        if named is None:
            continue
        pointer, device = named
        number = slot_number(device)
        if number is None:
            yield Hit(
                pointer,
                m(
                    f'deviceName "{device}" is not a virtio device name ({FIRST_SLOT} to {LAST_SLOT})',
                    f'deviceName "{device}" 不是 virtio 盘符（{FIRST_SLOT} 至 {LAST_SLOT}）',
                ),
                api=INVALID_ARGUMENT.render(),
            )
        elif number < FIRST_INDEX:
            yield Hit(
                pointer,
                m(
                    f'deviceName "{device}" is the system disk; data disks use {FIRST_SLOT} to {LAST_SLOT}',
                    f'deviceName "{device}" 是系统盘；数据盘使用 {FIRST_SLOT} 至 {LAST_SLOT}',
                ),
                api=OUT_OF_RANGE.render(),
            )
        elif number > LAST_INDEX:
            yield Hit(
                pointer,
                m(
                    f'deviceName "{device}" is past the last data-disk slot {LAST_SLOT} '
                    f"(slots run {FIRST_SLOT}…vdz, vdaa…vdaz, vdba…{LAST_SLOT})",
                    f'deviceName "{device}" 超出最后一个数据盘盘符 {LAST_SLOT}'
                    f"（盘符依次为 {FIRST_SLOT}…vdz、vdaa…vdaz、vdba…{LAST_SLOT}）",
                ),
                api=OUT_OF_RANGE.render(),
            )


def _replaces(one: Entry, other: Entry) -> bool:
    """An excluding entry and a specifying one: the reference page's "exclude, then specify" reading."""
    return (one.excluded and other.disk is not None and not other.excluded) or (
        other.excluded and one.disk is not None and not one.excluded
    )


@rule(
    "C32",
    "duplicate-device",
    Severity.ERROR,
    m("No two entries name the same deviceName.", "不得有两个条目使用相同的 deviceName。"),
    m(
        "Each data-disk slot can be described once. The finding points at the later entry's deviceName. "
        "Catalogue decision (C32 and replacing a disk): the reference page's \"exclude the existing disk, then "
        'specify new properties" does not make a repeated deviceName acceptable, since the API counts names; '
        "for such a pair the finding says how to replace a disk instead.",
        "每个数据盘盘符只能描述一次。发现项指向后一个条目的 deviceName。目录决定（C32 与替换磁盘）：参考页面所说的"
        "“先排除现有磁盘，再指定新属性”并不能让重复的 deviceName 被接受，因为 API 按名称计数；对这样的条目对，"
        "发现项会说明替换磁盘的正确做法。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdb", "noDevice": true}, {"deviceName": "vdb", '
    '"autoDelete": true}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdb", "noDevice": true}, {"deviceName": "vdc", '
    '"autoDelete": true}]}',
    api=DUPLICATE_DEVICE_NAME,
)
def duplicate_device(request: Request, given: Given) -> Iterator[Hit]:
    first: dict[str, Entry] = {}
    for entry in request.entries:
        named = _named(entry)
        if named is None:
            continue
        pointer, device = named
        if device not in first:
            first[device] = entry
            continue
        earlier = first[device].index
        if _replaces(first[device], entry):
            # Catalogue, "C32 and replacing a disk": the API counts names, so say how to replace instead.
            yield Hit(
                pointer,
                m(
                    f'deviceName "{device}" is already used by dataDisks entry {earlier}: the API refuses a repeated '
                    f"deviceName even to exclude a disk and then specify it; to replace {device}, keep one entry "
                    "with the new cloudDiskSpec (with snapshotId for a disk from a snapshot), or exclude it and "
                    "add the new disk under a free device name",
                    f'deviceName "{device}" 已被 dataDisks 第 {earlier} 项使用：'
                    "即使是先排除磁盘再重新指定，API 也会拒绝重复的 deviceName；"
                    f"如需替换 {device}，请只保留一个带新 cloudDiskSpec 的条目（从快照创建时写上 snapshotId），"
                    "或者排除它并用一个空闲的盘符添加新盘",
                ),
                api=DUPLICATE_DEVICE_NAME.render(),
            )
            continue
        yield Hit(
            pointer,
            m(
                f'deviceName "{device}" is already used by dataDisks entry {earlier}',
                f'deviceName "{device}" 已被 dataDisks 第 {earlier} 项使用',
            ),
            api=DUPLICATE_DEVICE_NAME.render(),
        )


@rule(
    "C33",
    "exclude-needs-device",
    Severity.ERROR,
    m("noDevice: true comes with a deviceName.", "noDevice: true 必须配合 deviceName 使用。"),
    m(
        "noDevice excludes one attached disk from the image; without deviceName there is nothing to name the disk by.",
        "noDevice 用于把某块已挂载的磁盘排除在镜像之外；没有 deviceName 就无法指明是哪块盘。",
    ),
    bad='{"name": "web", "dataDisks": [{"noDevice": true}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdc", "noDevice": true}]}',
    api=INVALID_ARGUMENT,
)
def exclude_needs_device(request: Request, given: Given) -> Iterator[Hit]:
    for entry in request.entries:
        if entry.excluded and "deviceName" not in entry.obj:
            yield Hit(
                entry.obj.pointer,
                m(
                    f"dataDisks entry {entry.index} sets noDevice: true but names no deviceName to exclude",
                    f"dataDisks 第 {entry.index} 项设置了 noDevice: true，但没有用 deviceName 指明要排除的盘",
                ),
                api=INVALID_ARGUMENT.render(),
            )


_IGNORED_WHEN_EXCLUDED = ("cloudDiskSpec", "autoDelete", "diskCategory")


@rule(
    "C34",
    "excluded-with-settings",
    Severity.WARNING,
    m(
        "An excluded entry (noDevice: true) carries no disk settings.",
        "被排除的条目（noDevice: true）不应再带磁盘设置。",
    ),
    m(
        "With noDevice: true the disk is left out of the image, so cloudDiskSpec, autoDelete and diskCategory "
        "on the same entry are ignored. To replace a disk, exclude it in one entry and describe the new disk "
        "in another.",
        "设置 noDevice: true 后该盘不进入镜像，同一条目中的 cloudDiskSpec、autoDelete 和 diskCategory 都会被忽略。"
        "如需替换磁盘，请在一个条目中排除它，再用另一个条目描述新盘。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdc", "noDevice": true, "autoDelete": true}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdc", "noDevice": true}]}',
)
def excluded_with_settings(request: Request, given: Given) -> Iterator[Hit]:
    for entry in request.entries:
        if not entry.excluded:
            continue
        for name in _IGNORED_WHEN_EXCLUDED:
            member = entry.obj.members.get(name)
            if member is not None:
                yield Hit(
                    member.pointer,
                    m(
                        f"{member.key} is ignored: this entry excludes its disk (noDevice: true)",
                        f"{member.key} 会被忽略：该条目已用 noDevice: true 排除了磁盘",
                    ),
                    fix=RemoveMember(member.pointer, SAFE),
                )


@rule(
    "C35",
    "entry-does-nothing",
    Severity.WARNING,
    m(
        "Every entry excludes a disk or sets cloudDiskSpec or autoDelete.",
        "每个条目都应排除磁盘或设置 cloudDiskSpec、autoDelete。",
    ),
    m(
        "An entry that neither excludes its disk (noDevice: true) nor carries cloudDiskSpec or autoDelete "
        "changes nothing: the disk is imaged as it would be without the entry.",
        "既不排除磁盘（noDevice: true）、也不带 cloudDiskSpec 或 autoDelete 的条目不会改变任何东西："
        "磁盘会和没有该条目时一样被制作进镜像。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdb", "noDevice": false}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdb", "noDevice": true}]}',
)
def entry_does_nothing(request: Request, given: Given) -> Iterator[Hit]:
    for entry in request.entries:
        if entry.excluded or "cloudDiskSpec" in entry.obj or "autoDelete" in entry.obj:
            continue
        if not isinstance(entry.obj.get("noDevice"), (bool, type(None))):
            continue  # a noDevice of the wrong type is C03's alone (catalogue: one finding per problem)
        yield Hit(
            entry.obj.pointer,
            m(
                f"dataDisks entry {entry.index} does nothing: it neither excludes its disk (noDevice: true) "
                "nor sets cloudDiskSpec or autoDelete",
                f"dataDisks 第 {entry.index} 项不起作用：既没有排除磁盘（noDevice: true），"
                "也没有设置 cloudDiskSpec 或 autoDelete",
            ),
        )


@rule(
    "C36",
    "new-disk-without-device",
    Severity.WARNING,
    m("An entry with cloudDiskSpec names its deviceName.", "带 cloudDiskSpec 的条目应指明 deviceName。"),
    m(
        "The reference page documents adding a disk only by naming a new device; which slot the API picks "
        "for a disk without deviceName is undocumented.",
        "参考页面只说明了通过指定新盘符来添加磁盘；不写 deviceName 时 API 会选择哪个盘符并无文档说明。",
    ),
    bad='{"name": "web", "dataDisks": [{"cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": 40}}]}',
)
def new_disk_without_device(request: Request, given: Given) -> Iterator[Hit]:
    for entry in request.entries:
        if "cloudDiskSpec" in entry.obj and "deviceName" not in entry.obj and not entry.excluded:
            yield Hit(
                entry.obj.pointer,
                m(
                    f"dataDisks entry {entry.index} has cloudDiskSpec but no deviceName; the slot the API "
                    "would pick is undocumented",
                    f"dataDisks 第 {entry.index} 项有 cloudDiskSpec 却没有 deviceName；API 会选用哪个盘符并无文档说明",
                ),
            )


DISK_CATEGORY = declare(
    "C37",
    "disk-category",
    Severity.ERROR,
    m("diskCategory, when set, is cloud.", "diskCategory 如设置，只能是 cloud。"),
    m("Data disks of an image are cloud disks only; local is refused.", "镜像中的数据盘只能是云硬盘；local 会被拒绝。"),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdb", "diskCategory": "local", "autoDelete": true}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdb", "diskCategory": "cloud", "autoDelete": true}]}',
    api=INVALID_ARGUMENT,
)

TOO_MANY_ENTRIES = declare(
    "C38",
    "too-many-entries",
    Severity.ERROR,
    m(f"dataDisks has at most {MAX_ENTRIES} entries.", f"dataDisks 最多 {MAX_ENTRIES} 项。"),
    m(
        f"There are {MAX_ENTRIES} data-disk slots (vdb to vdbm), one entry per slot.",
        f"共有 {MAX_ENTRIES} 个数据盘盘符（vdb 至 vdbm），每个盘符一项。",
    ),
    bad='{"name": "web", "dataDisks": [<65 entries>]}',
    good='{"name": "web", "dataDisks": [<64 entries or fewer>]}',
    api=OUT_OF_RANGE,
)


@rule(
    "C39",
    "auto-delete-scope",
    Severity.INFO,
    m(
        "autoDelete only affects pay-by-configuration, single-attach disks.",
        "autoDelete 仅对按配置计费、非多点挂载的云硬盘生效。",
    ),
    m(
        "autoDelete decides whether the disk is deleted with an instance made from the image. It only takes "
        "effect for pay-by-configuration disks that are not multi-attach; on other disks it is ignored. "
        "Catalogue decision (C39 only where it can matter): without an instance description nothing is "
        "reported; with one, an autoDelete on an attached disk whose charge.chargeMode is not "
        "postpaid_by_duration, or that is multi-attachable, is reported (info).",
        "autoDelete 决定用该镜像创建的实例被删除时是否一并删除此盘。它只对按配置计费且非多点挂载的云硬盘生效，"
        "对其他磁盘会被忽略。目录决定（C39 只在可能起作用时报告）：没有实例描述时不报告；有实例描述时，若 "
        "autoDelete 指向的已挂载磁盘的 charge.chargeMode 不是 postpaid_by_duration，或该盘可多点挂载，则给出提示。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdb", "autoDelete": true}]}   (vdb: a prepaid disk)',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdb", "autoDelete": true}]}   (vdb: pay-by-configuration)',
)
def auto_delete_scope(request: Request, given: Given) -> Iterator[Hit]:
    instance = instance_for(request, given)
    if instance is None:
        return
    for entry in request.entries:
        member = entry.obj.members.get("autoDelete")
        device = entry.device
        if member is None or entry.excluded or not isinstance(member.value, bool) or device is None:
            continue
        attached = instance.attached(device)
        if attached is None or not attached.is_cloud:
            continue
        prepaid = attached.charge_mode is not None and attached.charge_mode != PAY_BY_CONFIGURATION
        if prepaid:
            yield Hit(
                member.pointer,
                m(
                    f"autoDelete has no effect on {device}: it is charged {attached.charge_mode}, and autoDelete "
                    f"only applies to {PAY_BY_CONFIGURATION} (pay-by-configuration) disks",
                    f"autoDelete 对 {device} 不起作用：该盘的计费方式是 {attached.charge_mode}，autoDelete 只对 "
                    f"{PAY_BY_CONFIGURATION}（按配置计费）的磁盘生效",
                ),
            )
        elif attached.multi_attachable:
            yield Hit(
                member.pointer,
                m(
                    f"autoDelete has no effect on {device}: it is a multi-attach disk, and autoDelete only applies "
                    "to single-attach disks",
                    f"autoDelete 对 {device} 不起作用：该盘可多点挂载，autoDelete 只对非多点挂载的磁盘生效",
                ),
            )
