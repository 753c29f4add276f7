"""C30: dataDisks is an array of objects (reported by the schema)."""

from __future__ import annotations

from validator.core.finding import Severity
from validator.rules.api_errors import INVALID_ARGUMENT
from validator.rules.base import declare, m

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
