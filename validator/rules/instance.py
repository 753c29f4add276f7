"""Rules that need the instance's description (C60–C70): state, system disk, attached disks, snapshots and
quota. They run only when a context is given, and only for the instance the request names (C60)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator.core.finding import Severity
from validator.core.messages import quote
from validator.core.model import Entry, Request
from validator.rules.api_errors import (
    DEVICE_SIZE_SHRINK,
    DISK_BUSY,
    DISK_SIZE_OUT_OF_RANGE,
    IMAGE_QUOTA_EXCEEDED,
    INVALID_DISK_STATUS,
    INVALID_INSTANCE_STATUS,
    INVALID_SYSTEM_DISK_MOUNT_STATE,
    SNAPSHOT_NOT_FOUND,
    STOP_INSTANCE_FIRST,
    SYSTEM_DISK_NOT_FOUND,
)
from validator.rules.base import Given, Hit, is_int, m, rule

if TYPE_CHECKING:
    from validator.instance.context import Instance


STEADY_DISK_STATUS = "in-use"
SNAPSHOT_READY = "available"
BUSY_DISK_STATUSES = ("creating", "extending", "restoring", "deleting", "attaching", "detaching", "snapshotting")


def _named(instance: Instance) -> str:
    return instance.instance_id or "(no id)"


def instance_for(request: Request, given: Given) -> Instance | None:
    """The described instance, when it is the one the request names (or the request names none)."""
    instance = None if given.context is None else given.context.instance
    if instance is None:
        return None
    requested = request.root.get("instanceId")
    if isinstance(requested, str) and instance.instance_id is not None and requested != instance.instance_id:
        return None
    return instance


@rule(
    "C60",
    "context-instance",
    Severity.ERROR,
    m(
        "The instance description is for the instance the request names.",
        "实例描述与请求中的 instanceId 是同一台实例。",
    ),
    m(
        "A description of another instance would make every instance check answer for the wrong machine, so it "
        "is reported and not used.",
        "另一台实例的描述会让所有实例检查都针对错误的机器，因此会报告该问题且不使用该描述。",
    ),
    bad='{"instanceId": "i-aaaaaaaaaa", "name": "web"}   with --instance describing i-bbbbbbbbbb',
    good='{"instanceId": "i-aaaaaaaaaa", "name": "web"}   with --instance describing i-aaaaaaaaaa',
    enforced_by="context",
)
def context_instance(request: Request, given: Given) -> Iterator[Hit]:
    instance = None if given.context is None else given.context.instance
    member = request.root.members.get("instanceId")
    if instance is None or member is None or not isinstance(member.value, str) or instance.instance_id is None:
        return
    if member.value != instance.instance_id:
        yield Hit(
            member.pointer,
            m(
                f"the instance description is for {instance.instance_id}, not {member.value}; it was not used",
                f"实例描述属于 {instance.instance_id}，而不是 {member.value}；未使用该描述",
            ),
        )


@rule(
    "C61",
    "instance-status",
    Severity.ERROR,
    m("The instance is running or stopped.", "实例处于运行中或已停止状态。"),
    m(
        "Images are made only from a running or a stopped instance; any other state (starting, stopping, "
        "rebooting, error, …) is refused.",
        "只能从运行中或已停止的实例制作镜像；其他状态（启动中、停止中、重启中、错误等）都会被拒绝。",
    ),
    bad='{"name": "web"}   with an instance whose status is "stopping"',
    good='{"name": "web"}   with an instance whose status is "stopped"',
    api=INVALID_INSTANCE_STATUS,
    enforced_by="context",
)
def instance_status(request: Request, given: Given) -> Iterator[Hit]:
    instance = instance_for(request, given)
    if instance is not None and instance.status not in ("running", "stopped"):
        yield Hit(
            "",
            m(
                f"instance {_named(instance)} is {instance.status or 'in an unknown state'}: an image needs it "
                "running or stopped",
                f"实例 {_named(instance)} 的状态是 {instance.status or '未知'}：制作镜像需要实例处于运行中或已停止",
            ),
            api=INVALID_INSTANCE_STATUS.render(instance.status),
        )


@rule(
    "C62",
    "local-system-disk-running",
    Severity.ERROR,
    m("An instance with a local system disk is stopped.", "本地盘系统盘的实例必须处于已停止状态。"),
    m(
        "With a local system disk, an image can only be made from a stopped instance; with a cloud system disk "
        "running is fine.",
        "系统盘为本地盘时，只能在实例停止后制作镜像；系统盘为云硬盘时，运行中也可以。",
    ),
    bad='{"name": "web"}   with a running instance whose system disk is local',
    good='{"name": "web"}   with a stopped instance whose system disk is local',
    api=STOP_INSTANCE_FIRST,
    enforced_by="context",
)
def local_system_disk_running(request: Request, given: Given) -> Iterator[Hit]:
    instance = instance_for(request, given)
    if instance is None or instance.system_disk is None or instance.system_disk.category != "local":
        return
    if instance.status == "running":
        yield Hit(
            "",
            m(
                f"instance {_named(instance)} is running and its system disk is local: stop it first",
                f"实例 {_named(instance)} 正在运行且系统盘是本地盘：请先停止实例",
            ),
            api=STOP_INSTANCE_FIRST.render(),
        )


@rule(
    "C63",
    "system-disk-present",
    Severity.ERROR,
    m("The instance has a system disk.", "实例挂载了系统盘。"),
    m(
        "An image is made from the system disk; an instance without one cannot be imaged.",
        "镜像以系统盘为基础制作；没有系统盘的实例无法制作镜像。",
    ),
    bad='{"name": "web"}   with an instance whose systemDisk is null',
    good='{"name": "web"}   with an instance that has a systemDisk',
    api=SYSTEM_DISK_NOT_FOUND,
    enforced_by="context",
)
def system_disk_present(request: Request, given: Given) -> Iterator[Hit]:
    instance = instance_for(request, given)
    if instance is not None and instance.system_disk is None:
        yield Hit(
            "",
            m(f"instance {_named(instance)} has no system disk", f"实例 {_named(instance)} 没有系统盘"),
            api=SYSTEM_DISK_NOT_FOUND.render(),
        )


@rule(
    "C64",
    "system-disk-attached",
    Severity.ERROR,
    m("The system disk's attachment status is attached.", "系统盘的挂载状态为 attached。"),
    m(
        "A system disk that is attaching, detaching or in an attach/detach error state cannot be imaged.",
        "处于挂载中、卸载中或挂载/卸载错误状态的系统盘无法制作镜像。",
    ),
    bad='{"name": "web"}   with a system disk whose status is "detaching"',
    good='{"name": "web"}   with a system disk whose status is "attached"',
    api=INVALID_SYSTEM_DISK_MOUNT_STATE,
    enforced_by="context",
)
def system_disk_attached(request: Request, given: Given) -> Iterator[Hit]:
    instance = instance_for(request, given)
    if instance is None or instance.system_disk is None or instance.system_disk.status == "attached":
        return
    yield Hit(
        "",
        m(
            f"the system disk of instance {_named(instance)} is {instance.system_disk.status or 'in an unknown state'}"
            ", not attached",
            f"实例 {_named(instance)} 的系统盘挂载状态是 {instance.system_disk.status or '未知'}，不是 attached",
        ),
        api=INVALID_SYSTEM_DISK_MOUNT_STATE.render(),
    )


@rule(
    "C65",
    "no-shrink",
    Severity.ERROR,
    m(
        "An attached disk's diskSizeGB is not smaller than its current size.",
        "已挂载磁盘的 diskSizeGB 不小于其当前容量。",
    ),
    m(
        "Naming an attached cloud data disk with a diskSizeGB adjusts its size in the image; a disk can grow, "
        "never shrink. The same size is fine.",
        "对已挂载的云硬盘数据盘指定 diskSizeGB 会调整其在镜像中的容量；容量只能增大，不能缩小。容量相同没有问题。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdb", "cloudDiskSpec": {"diskSizeGB": 100}}]}   (vdb: 200 GiB)',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdb", "cloudDiskSpec": {"diskSizeGB": 300}}]}   (vdb: 200 GiB)',
    api=DEVICE_SIZE_SHRINK,
    enforced_by="context",
)
def no_shrink(request: Request, given: Given) -> Iterator[Hit]:
    instance = instance_for(request, given)
    if instance is None:
        return
    for entry in request.entries:
        device = entry.device
        attached = None if device is None else instance.attached(device)
        if entry.excluded or entry.disk is None or attached is None or not attached.is_cloud:
            continue
        member = entry.disk.members.get("diskSizeGB")
        if member is None or not is_int(member.value) or attached.size_gb is None:
            continue
        assert isinstance(member.value, int)
        if member.value < attached.size_gb:
            yield Hit(
                member.pointer,
                m(
                    f"diskSizeGB {quote(member.value)} would shrink {device} ({attached.disk_id or 'cloud disk'}) from "
                    f"{quote(attached.size_gb)} GiB; a disk can only grow",
                    f"diskSizeGB {quote(member.value)} 会把 {device}（{attached.disk_id or '云硬盘'}）从 "
                    f"{quote(attached.size_gb)} GiB 缩小；磁盘只能扩容",
                ),
                api=DEVICE_SIZE_SHRINK.render(device),
            )


def _entry_for(request: Request, device: str | None) -> Entry | None:
    return next((entry for entry in request.entries if device is not None and entry.device == device), None)


@rule(
    "C66",
    "disk-steady",
    Severity.ERROR,
    m(
        "Every attached cloud data disk that will be snapshotted is in use and idle.",
        "每块将被制作快照的已挂载云硬盘数据盘都处于 in-use 的稳定状态。",
    ),
    m(
        "Attached cloud data disks are snapshotted into the image unless excluded. A disk in a transitional "
        "state (extending, restoring, …) is busy; one in any other state than in-use is invalid.",
        "已挂载的云硬盘数据盘除非被排除，都会制作快照进入镜像。处于过渡状态（扩容中、恢复中等）的磁盘正忙；"
        "处于 in-use 以外其他状态的磁盘状态无效。",
    ),
    bad='{"name": "web"}   with vdb extending',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdb", "noDevice": true}]}   with vdb extending',
    api=DISK_BUSY,
    enforced_by="context",
)
def disk_steady(request: Request, given: Given) -> Iterator[Hit]:
    instance = instance_for(request, given)
    if instance is None:
        return
    for disk in instance.data_disks:
        if not disk.is_cloud or disk.disk_status in (None, STEADY_DISK_STATUS):
            continue
        entry = _entry_for(request, disk.device_name)
        if entry is not None and entry.excluded:
            continue
        pointer = "" if entry is None else entry.obj.members["deviceName"].pointer
        name = disk.disk_id or disk.device_name or "?"
        if disk.disk_status in BUSY_DISK_STATUSES:
            yield Hit(
                pointer,
                m(
                    f"data disk {disk.device_name} ({name}) is busy ({disk.disk_status}); wait, or exclude it with "
                    "noDevice: true",
                    f"数据盘 {disk.device_name}（{name}）正忙（{disk.disk_status}）；"
                    "请等待，或用 noDevice: true 排除它",
                ),
                api=DISK_BUSY.render(name, disk.disk_status),
            )
        else:
            yield Hit(
                pointer,
                m(
                    f"data disk {disk.device_name} ({name}) is {disk.disk_status}, not in-use; exclude it with "
                    "noDevice: true",
                    f"数据盘 {disk.device_name}（{name}）的状态是 {disk.disk_status}，不是 in-use；"
                    "请用 noDevice: true 排除它",
                ),
                api=INVALID_DISK_STATUS.render(name, disk.disk_status),
            )


@rule(
    "C67",
    "exclude-unattached",
    Severity.WARNING,
    m("noDevice names a disk the image would otherwise contain.", "noDevice 排除的是镜像本来会包含的磁盘。"),
    m(
        "Excluding a device that is not attached does nothing (a warning); excluding a local data disk does "
        "nothing either, since local data disks are never part of an image (info).",
        "排除未挂载的设备没有任何作用（警告）；排除本地数据盘同样没有作用，因为本地数据盘从不进入镜像（提示）。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdq", "noDevice": true}]}   (vdq not attached)',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdb", "noDevice": true}]}   (vdb attached)',
    enforced_by="context",
)
def exclude_unattached(request: Request, given: Given) -> Iterator[Hit]:
    instance = instance_for(request, given)
    if instance is None:
        return
    for entry in request.entries:
        device = entry.device
        if not entry.excluded or device is None:
            continue
        attached = instance.attached(device)
        pointer = entry.obj.members["deviceName"].pointer
        if attached is None:
            yield Hit(
                pointer,
                m(
                    f"{device} is not attached to instance {_named(instance)}: there is nothing to exclude",
                    f"{device} 没有挂载在实例 {_named(instance)} 上：没有可排除的磁盘",
                ),
            )
        elif not attached.is_cloud:
            yield Hit(
                pointer,
                m(
                    f"{device} is a local data disk: local data disks are never part of an image anyway",
                    f"{device} 是本地数据盘：本地数据盘本来就不会进入镜像",
                ),
                severity=Severity.INFO,
            )


def _snapshot_members(request: Request) -> Iterator[tuple[Entry, str]]:
    for entry in request.entries:
        if entry.disk is None or entry.excluded:
            continue
        value = entry.disk.get("snapshotId")
        if isinstance(value, str) and "*" not in value:  # a masked id is C46's
            yield entry, value


@rule(
    "C68",
    "snapshot-exists",
    Severity.ERROR,
    m("Every snapshotId is among the given snapshots.", "每个 snapshotId 都在给定的快照列表中。"),
    m(
        "Checked when the describeSnapshots answer is given: a snapshot that is not in it does not exist for "
        "this account and region. Catalogue decision (C68 and snapshot status): a listed snapshot whose status "
        "is not available is a warning; the reference page lists no error for it, but the API is unlikely "
        "to make a disk from it.",
        "提供 describeSnapshots 结果时检查：不在其中的快照在该账号和地域下不存在。目录决定（C68 与快照状态）："
        "列表中状态不是 available 的快照给出警告；参考页面没有为此列出错误，但 API 不太可能用它创建磁盘。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vde", "cloudDiskSpec": {"snapshotId": "snapshot-zzzzzzzzzz"}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vde", '
    '"cloudDiskSpec": {"snapshotId": "snapshot-ab12cd34ef"}}]}',
    api=SNAPSHOT_NOT_FOUND,
    enforced_by="context",
)
def snapshot_exists(request: Request, given: Given) -> Iterator[Hit]:
    if given.context is None or given.context.snapshots is None:
        return
    statuses = {snapshot.snapshot_id: snapshot.status for snapshot in given.context.snapshots}
    given_words = "the snapshot given" if len(statuses) == 1 else f"the {len(statuses)} snapshots given"
    for entry, snapshot in _snapshot_members(request):
        assert entry.disk is not None
        pointer = entry.disk.members["snapshotId"].pointer
        if snapshot not in statuses:
            yield Hit(
                pointer,
                m(
                    f"snapshot {snapshot} is not among {given_words}",
                    f"快照 {snapshot} 不在给定的 {len(statuses)} 个快照中",
                ),
                api=SNAPSHOT_NOT_FOUND.render(snapshot),
            )
        elif statuses[snapshot] not in (None, SNAPSHOT_READY):
            yield Hit(
                pointer,
                m(
                    f"snapshot {snapshot} is {statuses[snapshot]}, not {SNAPSHOT_READY}: the API is unlikely to make "
                    "a disk from it",
                    f"快照 {snapshot} 的状态是 {statuses[snapshot]}，不是 {SNAPSHOT_READY}：API 不太可能用它创建磁盘",
                ),
                severity=Severity.WARNING,
            )


@rule(
    "C69",
    "snapshot-size",
    Severity.ERROR,
    m("A disk made from a snapshot is at least as large as the snapshot.", "从快照创建的磁盘容量不小于快照容量。"),
    m(
        "diskSizeGB on a disk created from a snapshot may not be smaller than the snapshot's snapshotSizeGB.",
        "从快照创建磁盘时，diskSizeGB 不能小于快照的 snapshotSizeGB。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vde", "cloudDiskSpec": {"snapshotId": "snapshot-ab12cd34ef", '
    '"diskSizeGB": 40}}]}   (snapshot of 100 GiB)',
    good='{"name": "web", "dataDisks": [{"deviceName": "vde", "cloudDiskSpec": {"snapshotId": "snapshot-ab12cd34ef", '
    '"diskSizeGB": 100}}]}   (snapshot of 100 GiB)',
    api=DISK_SIZE_OUT_OF_RANGE,
    enforced_by="context",
)
def snapshot_size(request: Request, given: Given) -> Iterator[Hit]:
    if given.context is None or given.context.snapshots is None:
        return
    sizes = {snapshot.snapshot_id: snapshot.size_gb for snapshot in given.context.snapshots}
    for entry, snapshot in _snapshot_members(request):
        assert entry.disk is not None
        member = entry.disk.members.get("diskSizeGB")
        size = sizes.get(snapshot)
        if member is None or size is None or not is_int(member.value):
            continue
        assert isinstance(member.value, int)
        if member.value < size:
            yield Hit(
                member.pointer,
                m(
                    f"diskSizeGB {quote(member.value)} is smaller than snapshot {snapshot} ({quote(size)} GiB)",
                    f"diskSizeGB {quote(member.value)} 小于快照 {snapshot} 的容量（{quote(size)} GiB）",
                ),
                api=DISK_SIZE_OUT_OF_RANGE.render(),
            )


@rule(
    "C70",
    "image-quota",
    Severity.ERROR,
    m("The image quota has room for one more image.", "镜像配额还能再容纳一个镜像。"),
    m(
        "Checked when the describeQuotas answer is given: the quota with resourceType image must have used "
        "below limit.",
        "提供 describeQuotas 结果时检查：resourceType 为 image 的配额中 used 必须小于 limit。",
    ),
    bad='{"name": "web"}   with quotas [{"resourceType": "image", "limit": 10, "used": 10}]',
    good='{"name": "web"}   with quotas [{"resourceType": "image", "limit": 10, "used": 9}]',
    api=IMAGE_QUOTA_EXCEEDED,
    enforced_by="context",
)
def image_quota(request: Request, given: Given) -> Iterator[Hit]:
    if given.context is None or given.context.quotas is None:
        return
    for quota in given.context.quotas:
        if quota.resource_type != "image" or quota.limit is None or quota.used is None:
            continue
        if quota.used >= quota.limit:
            yield Hit(
                "",
                m(
                    f"the image quota is full: {quote(quota.used)} of {quote(quota.limit)} images are used",
                    f"镜像配额已满：已使用 {quote(quota.used)} / {quote(quota.limit)}",
                ),
                api=IMAGE_QUOTA_EXCEEDED.render(),
            )
