"""C40 and C42: what a new disk needs (diskType, diskSizeGB) unless it comes from a snapshot; one check for both."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.messages import Message, quote
from validator.core.model import Entry, Obj, Request
from validator.rules.api_errors import DISK_SIZE_OUT_OF_RANGE, DISK_TYPE_MISSING
from validator.rules.base import Given, Hit, m, rule
from validator.rules.instance.facts import instance_for


def _zero_note(disk: Obj, field: str) -> tuple[str, Message]:
    """Where a missing-member finding points, and what it says first: a zero-valued member is read as not
    given (docs/decisions.md#zero-values), so the finding is placed on it and says so."""
    zero = disk.zeros.get(field)
    if zero is None:
        return disk.pointer, m("", "")
    shown = quote(zero.value)
    return zero.pointer, m(f"{zero.key} {shown} is read as not given: ", f"{zero.key} {shown} 视为未设置：")


# The other reading of an entry that gives an attached disk a cloudDiskSpec (docs/decisions.md#attached-disk-spec).
_REPLACED = m(
    "; the JD Cloud SDKs' documentation reads such an entry as replacing the attached disk, which is then not "
    "snapshotted: exclude it (noDevice: true) and use a free device name if its data must be kept",
    "；JD Cloud SDK 文档则认为这样的条目会替换已挂载的盘，该盘不再制作快照：若需保留其数据，请先用 noDevice: true "
    "排除它，再使用空闲的设备名",
)


def _missing_for_new_disk(
    request: Request, given: Given, field: str, api_text: str, entry: Entry, disk: Obj
) -> Iterator[Hit]:
    """C40/C42: a new disk needs `field` unless it comes from a snapshot; an attached one does not. With the
    instance's description the two are told apart; without it, an entry naming a device is only a warning."""
    if field in disk or "snapshotId" in disk:
        return
    pointer, zero = _zero_note(disk, field)
    device = entry.device
    if device == "":  # named so that the message reads (C31 reports the name itself)
        device = 'deviceName ""'
    instance = instance_for(request, given)
    if device is not None and instance is not None:
        if instance.attached(device) is None:
            yield Hit(
                pointer,
                m(
                    f"{zero.en}{device} is not attached to instance {instance.instance_id or '(no id)'}, so this "
                    f"entry adds a new disk, which needs {field} (or snapshotId)",
                    f"{zero.zh}{device} 没有挂载在实例 {instance.instance_id or '(无 ID)'} 上，因此本条目是添加新盘，"
                    f"需要 {field}（或 snapshotId）",
                ),
            )
        return
    if device is None:
        yield Hit(
            pointer,
            m(
                f"{zero.en}cloudDiskSpec of dataDisks entry {entry.index} adds a new disk without {field} and "
                "without snapshotId",
                f"{zero.zh}dataDisks 第 {entry.index} 项的 cloudDiskSpec 添加新盘，却既没有 {field} 也没有 snapshotId",
            ),
        )
        return
    yield Hit(
        pointer,
        m(
            f"{zero.en}cloudDiskSpec for {device} sets neither {field} nor snapshotId: fine if {device} is already "
            f"attached (the entry adjusts it), but if {device} is a new disk the API answers {api_text}"
            f"{_REPLACED.en}",
            f"{zero.zh}{device} 的 cloudDiskSpec 既没有 {field} 也没有 snapshotId：若 {device} 已挂载（本条目是调整它）"
            f"则无妨，若 {device} 是新盘，API 会返回 {api_text}{_REPLACED.zh}",
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
        'an error. A diskType of "" or a snapshotId of "" (what the Go SDK sends when they are unset) is read as '
        "not given, and the finding is placed on it.",
        "deviceName 指向已挂载磁盘的条目只是调整该盘，不需要 diskType；不使用快照的新盘则必须设置。没有实例描述时"
        "两者无法区分，因此带 deviceName 的条目给出警告并说明两种情况，不带 deviceName 的条目则是错误。"
        'diskType 或 snapshotId 为 ""（Go SDK 对未设置的成员发送的值）视为未设置，发现项指向该成员。',
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
    "C42",
    "new-disk-size",
    Severity.ERROR,
    m("A new disk sets diskSizeGB unless it comes from a snapshot.", "新盘必须设置 diskSizeGB，除非从快照创建。"),
    m(
        "As for diskType (C40): an attached disk that is only adjusted needs no size, a new disk without "
        "snapshotId does. Without the instance's description an entry with a deviceName is a warning. A "
        "diskSizeGB of 0 (what the Go SDK sends for an unset size) is read as not given, and the finding is "
        "placed on it.",
        "与 diskType（C40）相同：仅调整已挂载磁盘时不需要容量，不使用快照的新盘则必须设置。没有实例描述时，"
        "带 deviceName 的条目给出警告。diskSizeGB 为 0（Go SDK 对未设置的容量发送的值）视为未设置，发现项指向该成员。",
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
