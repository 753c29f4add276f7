"""C63: the instance has a system disk."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.api_errors import SYSTEM_DISK_NOT_FOUND
from validator.rules.base import INSTANCE, Given, Hit, m, rule
from validator.rules.instance.facts import instance_for, named


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
    needs=INSTANCE,
)
def system_disk_present(request: Request, given: Given) -> Iterator[Hit]:
    instance = instance_for(request, given)
    if instance is not None and instance.system_disk is None:
        yield Hit(
            "",
            m(f"instance {named(instance)} has no system disk", f"实例 {named(instance)} 没有系统盘"),
            api=SYSTEM_DISK_NOT_FOUND.render(),
        )
