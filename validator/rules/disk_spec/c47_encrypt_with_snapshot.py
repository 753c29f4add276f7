"""C47: encrypt is set only on a new empty disk."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.base import Given, Hit, m, rule


@rule(
    "C47",
    "encrypt-with-snapshot",
    Severity.WARNING,
    m("encrypt is set only on a new empty disk.", "encrypt 只对新建空盘设置。"),
    m(
        "A disk made from a snapshot inherits the snapshot's encryption; encrypt on it is ignored.",
        "从快照创建的磁盘继承快照的加密属性，在其上设置 encrypt 会被忽略。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vde", "cloudDiskSpec": {"snapshotId": '
    '"snapshot-h8u1ab3c36", "encrypt": true}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": 40, "encrypt": true}}]}',
)
def encrypt_with_snapshot(request: Request, given: Given) -> Iterator[Hit]:
    for _entry, disk in request.specs:
        member = disk.members.get("encrypt")
        if member is not None and "snapshotId" in disk:
            yield Hit(
                member.pointer,
                m(
                    "encrypt is ignored: a disk made from a snapshot inherits the snapshot's encryption",
                    "encrypt 会被忽略：从快照创建的磁盘继承快照的加密属性",
                ),
            )
