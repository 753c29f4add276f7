"""C61: the instance is running or stopped."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.api_errors import INVALID_INSTANCE_STATUS
from validator.rules.base import INSTANCE, Given, Hit, m, rule
from validator.rules.instance.facts import instance_for, named


@rule(
    "C61",
    "instance-status",
    Severity.ERROR,
    m("The instance is running or stopped.", "实例处于运行中或已停止状态。"),
    m(
        "Images are made only from a running or a stopped instance; any other state (starting, stopping, "
        "rebooting, error, …) is refused.",
        "只能从运行中或已停止的实例制作镜像；其他状态（启动中、停止中、重启中、错误等）都会被拒绝。",
    ),
    bad='{"name": "web"}   with an instance whose status is "stopping"',
    good='{"name": "web"}   with an instance whose status is "stopped"',
    api=INVALID_INSTANCE_STATUS,
    enforced_by="context",
    needs=INSTANCE,
)
def instance_status(request: Request, given: Given) -> Iterator[Hit]:
    instance = instance_for(request, given)
    if instance is not None and instance.status not in ("running", "stopped"):
        yield Hit(
            "",
            m(
                f"instance {named(instance)} is {instance.status or 'in an unknown state'}: an image needs it "
                "running or stopped",
                f"实例 {named(instance)} 的状态是 {instance.status or '未知'}：制作镜像需要实例处于运行中或已停止",
            ),
            api=INVALID_INSTANCE_STATUS.render(instance.status),
        )
