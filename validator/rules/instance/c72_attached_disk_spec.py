"""C72: an entry that gives an attached disk a cloudDiskSpec, read two ways."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.base import INSTANCE, Given, Hit, m, rule
from validator.rules.instance.facts import instance_for, named


@rule(
    "C72",
    "attached-disk-spec",
    Severity.INFO,
    m(
        "An entry that gives an attached disk a cloudDiskSpec may replace that disk.",
        "为已挂载磁盘指定 cloudDiskSpec 的条目可能会替换该盘。",
    ),
    m(
        "The reference page says such an entry adjusts the attached disk (its data kept, e.g. a larger size), "
        "and the verdicts here follow it. The JD Cloud SDKs' documentation of dataDisks reads it otherwise: the "
        "disk is not snapshotted and a disk with the given settings takes its place. This info names that "
        "reading, so that nobody loses a disk's data unawares.",
        "参考页面认为这样的条目是调整已挂载的磁盘（保留数据，例如扩容），此处的判断以此为准。JD Cloud SDK 对 "
        "dataDisks 的文档则有另一种读法：该盘不制作快照，而由一块按给定设置创建的新盘代替。本提示指出这种读法，"
        "以免有人在不知情时丢失磁盘数据。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdb", "cloudDiskSpec": {"diskSizeGB": 200}}]}   (vdb attached)',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": 200}}]}   (vdh free)',
    enforced_by="context",
    needs=INSTANCE,
)
def attached_disk_spec(request: Request, given: Given) -> Iterator[Hit]:
    instance = instance_for(request, given)
    if instance is None:
        return
    for entry in request.entries:
        spec = entry.obj.members.get("cloudDiskSpec")
        device = entry.device
        if spec is None or entry.excluded or device is None or instance.attached(device) is None:
            continue
        yield Hit(
            spec.pointer,
            m(
                f"{device} is attached to instance {named(instance)}: this entry adjusts it, as the reference "
                f"page says; the JD Cloud SDKs' documentation says {device} is then not snapshotted and is "
                "replaced by a disk with these settings. If its data must be in the image, check the image "
                f"after it is made, or keep {device} out of dataDisks",
                f"{device} 已挂载在实例 {named(instance)} 上：按参考页面，本条目是调整该盘；JD Cloud SDK 的文档则说 "
                f"{device} 将不制作快照，并由按这些设置创建的盘替换。若镜像必须包含其数据，请在镜像制作后核对，"
                f"或不在 dataDisks 中列出 {device}",
            ),
        )
