"""P02: the largest disk the policy allows."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.messages import quote
from validator.core.model import Request
from validator.rules.base import Given, Hit, is_int, m, policy_setting, rule


@rule(
    "P02",
    "policy-disk-size",
    Severity.ERROR,
    m("No disk is larger than the policy allows (max-disk-size-gb).", "单盘容量不超过策略上限（max-disk-size-gb）。"),
    m(
        "Set `max-disk-size-gb = 2000` to cap every data disk's diskSizeGB.",
        "设置 `max-disk-size-gb = 2000` 即可限制每块数据盘的 diskSizeGB。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdh", '
    '"cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 4000}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", '
    '"cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 2000}}]}',
    enforced_by="policy",
    needs=policy_setting("max_disk_size_gb"),
)
def disk_size(request: Request, given: Given) -> Iterator[Hit]:
    limit = given.policy.max_disk_size_gb
    assert limit is not None  # needs the setting
    for _entry, disk in request.specs:
        member = disk.members.get("diskSizeGB")
        if member is not None and is_int(member.value) and member.value > limit:  # type: ignore[operator]
            yield Hit(
                member.pointer,
                m(
                    f"diskSizeGB {quote(member.value)} is above the policy maximum {limit}",
                    f"diskSizeGB {quote(member.value)} 超过策略上限 {limit}",
                ),
            )
