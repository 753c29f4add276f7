"""C67: noDevice names a disk the image would otherwise contain."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.base import INSTANCE, Given, Hit, m, rule
from validator.rules.instance.facts import instance_for, named


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
    needs=INSTANCE,
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
                    f"{device} is not attached to instance {named(instance)}: there is nothing to exclude",
                    f"{device} 没有挂载在实例 {named(instance)} 上：没有可排除的磁盘",
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
