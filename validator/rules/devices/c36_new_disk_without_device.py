"""C36: an entry with cloudDiskSpec names its deviceName."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.base import Given, Hit, m, rule


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
