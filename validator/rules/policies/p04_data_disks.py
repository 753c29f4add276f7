"""P04: the number of data disks the policy allows."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.base import Given, Hit, m, policy_setting, rule
from validator.rules.policies.facts import described


@rule(
    "P04",
    "policy-data-disks",
    Severity.ERROR,
    m(
        "The request keeps or adds no more data disks than the policy allows (max-data-disks).",
        "保留或新增的数据盘数量不超过策略上限（max-data-disks）。",
    ),
    m("Counts the dataDisks entries that do not exclude their disk.", "统计未排除磁盘的 dataDisks 条目数。"),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdb", "autoDelete": true}, '
    '{"deviceName": "vdc", "autoDelete": true}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdb", "autoDelete": true}, '
    '{"deviceName": "vdc", "noDevice": true}]}',
    enforced_by="policy",
    needs=policy_setting("max_data_disks"),
)
def data_disks(request: Request, given: Given) -> Iterator[Hit]:
    limit = given.policy.max_data_disks
    disks = request.root.members.get("dataDisks")
    assert limit is not None  # needs the setting
    if disks is None:
        return
    count = sum(1 for _ in described(request))
    # Past the entries checked one by one (core/model.py), the count is a lower bound.
    at_least = ("at least ", "至少") if request.omitted_entries else ("", "")
    if count > limit:
        yield Hit(
            disks.pointer,
            m(
                f"{at_least[0]}{count} data disks are kept or added, above the policy maximum {limit}",
                f"保留或新增了{at_least[1]} {count} 块数据盘，超过策略上限 {limit}",
            ),
        )
