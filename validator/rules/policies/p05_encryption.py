"""P05: new empty disks encrypted, when the policy requires it."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.base import Given, Hit, m, policy_setting, rule


@rule(
    "P05",
    "policy-encryption",
    Severity.ERROR,
    m("New empty disks are encrypted (require-encryption).", "新建空盘必须加密（require-encryption）。"),
    m(
        "A new empty disk (diskType and no snapshotId) must set encrypt: true. Disks from a snapshot inherit "
        "the snapshot's encryption and are not checked.",
        "新建空盘（有 diskType 且没有 snapshotId）必须设置 encrypt: true。"
        "从快照创建的磁盘继承快照的加密属性，不作检查。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdh", '
    '"cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", '
    '"cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40, "encrypt": true}}]}',
    enforced_by="policy",
    needs=policy_setting("require_encryption"),
)
def encryption(request: Request, given: Given) -> Iterator[Hit]:
    for entry, disk in request.specs:
        if "diskType" not in disk or "snapshotId" in disk or disk.get("encrypt") is True:
            continue
        member = disk.members.get("encrypt")
        device = entry.obj.get("deviceName")
        where = f"{device}" if isinstance(device, str) else f"dataDisks entry {entry.index}"
        yield Hit(
            member.pointer if member is not None else disk.pointer,
            m(
                f"the new empty disk {where} is not encrypted; policy requires encrypt: true",
                f"新建空盘 {where} 未加密；策略要求 encrypt: true",
            ),
        )
