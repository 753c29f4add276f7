"""P01: disk types the policy allows."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.base import Given, Hit, m, policy_setting, rule


@rule(
    "P01",
    "policy-disk-types",
    Severity.ERROR,
    m(
        "Disk types are among the ones the policy allows (allowed-disk-types).",
        "磁盘类型属于策略允许的类型（allowed-disk-types）。",
    ),
    m(
        'Set `allowed-disk-types = ["ssd.gp1", "ssd.io1"]` to keep, for example, capacity HDDs out of images.',
        '设置 `allowed-disk-types = ["ssd.gp1", "ssd.io1"]` 即可禁止镜像中出现容量型 HDD 等类型。',
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdh", '
    '"cloudDiskSpec": {"diskType": "hdd.std1", "diskSizeGB": 40}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", '
    '"cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40}}]}',
    enforced_by="policy",
    needs=policy_setting("allowed_disk_types"),
)
def disk_types(request: Request, given: Given) -> Iterator[Hit]:
    allowed = given.policy.allowed_disk_types
    assert allowed is not None  # needs the setting
    for _entry, disk in request.specs:
        member = disk.members.get("diskType")
        if member is not None and isinstance(member.value, str) and member.value not in allowed:
            listed = ", ".join(allowed)
            yield Hit(
                member.pointer,
                m(
                    f'diskType "{member.value}" is not allowed by policy (allowed: {listed})',
                    f'策略不允许 diskType "{member.value}"（允许：{listed}）',
                ),
            )
