"""C37: diskCategory, when set, is cloud (reported by the schema)."""

from __future__ import annotations

from validator.core.finding import Severity
from validator.rules.api_errors import INVALID_ARGUMENT
from validator.rules.base import declare, m

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
