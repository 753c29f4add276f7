"""C62: an instance with a local system disk is stopped."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.api_errors import STOP_INSTANCE_FIRST
from validator.rules.base import INSTANCE, Given, Hit, m, rule
from validator.rules.instance.facts import instance_for, named


@rule(
    "C62",
    "local-system-disk-running",
    Severity.ERROR,
    m("An instance with a local system disk is stopped.", "本地盘系统盘的实例必须处于已停止状态。"),
    m(
        "With a local system disk, an image can only be made from a stopped instance; with a cloud system disk "
        "running is fine.",
        "系统盘为本地盘时，只能在实例停止后制作镜像；系统盘为云硬盘时，运行中也可以。",
    ),
    bad='{"name": "web"}   with a running instance whose system disk is local',
    good='{"name": "web"}   with a stopped instance whose system disk is local',
    api=STOP_INSTANCE_FIRST,
    enforced_by="context",
    needs=INSTANCE,
)
def local_system_disk_running(request: Request, given: Given) -> Iterator[Hit]:
    instance = instance_for(request, given)
    if instance is None or instance.system_disk is None or instance.system_disk.category != "local":
        return
    if instance.status == "running":
        yield Hit(
            "",
            m(
                f"instance {named(instance)} is running and its system disk is local: stop it first",
                f"实例 {named(instance)} 正在运行且系统盘是本地盘：请先停止实例",
            ),
            api=STOP_INSTANCE_FIRST.render(),
        )
