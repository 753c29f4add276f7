"""C66: every attached cloud data disk that will be snapshotted is in a steady state."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.api_errors import DISK_BUSY, INVALID_DISK_STATUS
from validator.rules.base import INSTANCE, Given, Hit, m, rule
from validator.rules.instance.facts import BUSY_DISK_STATUSES, STEADY_DISK_STATUS, entry_for, instance_for


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
    needs=INSTANCE,
)
def disk_steady(request: Request, given: Given) -> Iterator[Hit]:
    instance = instance_for(request, given)
    if instance is None:
        return
    for disk in instance.data_disks:
        if not disk.is_cloud or disk.disk_status in (None, STEADY_DISK_STATUS):
            continue
        entry = entry_for(request, disk.device_name)
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
