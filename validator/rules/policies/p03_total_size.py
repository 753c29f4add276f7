"""P03: the total size of the data disks the policy allows."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.messages import quote
from validator.core.model import Request
from validator.rules.base import Given, Hit, is_int, m, policy_setting, rule


@rule(
    "P03",
    "policy-total-size",
    Severity.ERROR,
    m(
        "The data disks together are not larger than the policy allows (max-total-disk-size-gb).",
        "数据盘总容量不超过策略上限（max-total-disk-size-gb）。",
    ),
    m(
        "Adds up diskSizeGB over the entries that keep or add a disk; disks the request does not mention are "
        "not counted.",
        "对保留或新增磁盘的条目累加 diskSizeGB；请求中未提及的磁盘不计入。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdh", '
    '"cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 9000}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", '
    '"cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 900}}]}',
    enforced_by="policy",
    needs=policy_setting("max_total_disk_size_gb"),
)
def total_size(request: Request, given: Given) -> Iterator[Hit]:
    limit = given.policy.max_total_disk_size_gb
    disks = request.root.members.get("dataDisks")
    assert limit is not None  # needs the setting
    if disks is None:
        return
    sizes = [disk.get("diskSizeGB") for _entry, disk in request.specs]
    total = sum(size for size in sizes if is_int(size))  # type: ignore[misc]
    if total > limit:
        yield Hit(
            disks.pointer,
            m(
                f"the data disks add up to {quote(total)} GiB, above the policy maximum {quote(limit)}",
                f"数据盘合计 {quote(total)} GiB，超过策略上限 {quote(limit)}",
            ),
        )
