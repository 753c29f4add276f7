"""C65: an attached disk is not made smaller."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.messages import quote
from validator.core.model import Request
from validator.rules.api_errors import DEVICE_SIZE_SHRINK
from validator.rules.base import INSTANCE, Given, Hit, is_int, m, rule
from validator.rules.instance.facts import instance_for


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
    needs=INSTANCE,
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
