"""C64: the system disk is attached."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.api_errors import INVALID_SYSTEM_DISK_MOUNT_STATE
from validator.rules.base import INSTANCE, Given, Hit, m, rule
from validator.rules.instance.facts import instance_for, named


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
    needs=INSTANCE,
)
def system_disk_attached(request: Request, given: Given) -> Iterator[Hit]:
    instance = instance_for(request, given)
    if instance is None or instance.system_disk is None or instance.system_disk.status == "attached":
        return
    yield Hit(
        "",
        m(
            f"the system disk of instance {named(instance)} is {instance.system_disk.status or 'in an unknown state'}"
            ", not attached",
            f"实例 {named(instance)} 的系统盘挂载状态是 {instance.system_disk.status or '未知'}，不是 attached",
        ),
        api=INVALID_SYSTEM_DISK_MOUNT_STATE.render(),
    )
