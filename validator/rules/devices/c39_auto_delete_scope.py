"""C39: autoDelete only affects pay-by-configuration, single-attach disks."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.base import INSTANCE, Given, Hit, m, rule
from validator.rules.instance.facts import instance_for

PAY_BY_CONFIGURATION = "postpaid_by_duration"


@rule(
    "C39",
    "auto-delete-scope",
    Severity.INFO,
    m(
        "autoDelete only affects pay-by-configuration, single-attach disks.",
        "autoDelete 仅对按配置计费、非多点挂载的云硬盘生效。",
    ),
    m(
        "autoDelete decides whether the disk is deleted with an instance made from the image. It only takes "
        "effect for pay-by-configuration disks that are not multi-attach; on other disks it is ignored. "
        "Decision (C39 only where it can matter): without an instance description nothing is "
        "reported; with one, an autoDelete on an attached disk whose charge.chargeMode is not "
        "postpaid_by_duration, or that is multi-attachable, is reported (info).",
        "autoDelete 决定用该镜像创建的实例被删除时是否一并删除此盘。它只对按配置计费且非多点挂载的云硬盘生效，"
        "对其他磁盘会被忽略。决定（C39 只在可能起作用时报告）：没有实例描述时不报告；有实例描述时，若 "
        "autoDelete 指向的已挂载磁盘的 charge.chargeMode 不是 postpaid_by_duration，或该盘可多点挂载，则给出提示。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdb", "autoDelete": true}]}   (vdb: a prepaid disk)',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdb", "autoDelete": true}]}   (vdb: pay-by-configuration)',
    needs=INSTANCE,
)
def auto_delete_scope(request: Request, given: Given) -> Iterator[Hit]:
    instance = instance_for(request, given)
    if instance is None:
        return
    for entry in request.entries:
        member = entry.obj.members.get("autoDelete")
        device = entry.device
        if member is None or entry.excluded or not isinstance(member.value, bool) or device is None:
            continue
        attached = instance.attached(device)
        if attached is None or not attached.is_cloud:
            continue
        prepaid = attached.charge_mode is not None and attached.charge_mode != PAY_BY_CONFIGURATION
        if prepaid:
            yield Hit(
                member.pointer,
                m(
                    f"autoDelete has no effect on {device}: it is charged {attached.charge_mode}, and autoDelete "
                    f"only applies to {PAY_BY_CONFIGURATION} (pay-by-configuration) disks",
                    f"autoDelete 对 {device} 不起作用：该盘的计费方式是 {attached.charge_mode}，autoDelete 只对 "
                    f"{PAY_BY_CONFIGURATION}（按配置计费）的磁盘生效",
                ),
            )
        elif attached.multi_attachable:
            yield Hit(
                member.pointer,
                m(
                    f"autoDelete has no effect on {device}: it is a multi-attach disk, and autoDelete only applies "
                    "to single-attach disks",
                    f"autoDelete 对 {device} 不起作用：该盘可多点挂载，autoDelete 只对非多点挂载的磁盘生效",
                ),
            )
