"""C35: an entry that does nothing."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.base import Given, Hit, m, rule


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
            continue  # a noDevice of the wrong type is C03's alone (docs/decisions.md#one-finding-per-problem)
        yield Hit(
            entry.obj.pointer,
            m(
                f"dataDisks entry {entry.index} does nothing: it neither excludes its disk (noDevice: true) "
                "nor sets cloudDiskSpec or autoDelete",
                f"dataDisks 第 {entry.index} 项不起作用：既没有排除磁盘（noDevice: true），"
                "也没有设置 cloudDiskSpec 或 autoDelete",
            ),
        )
