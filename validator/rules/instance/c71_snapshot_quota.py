"""C71: the snapshot quota has room for the snapshots the image takes."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.messages import count, quote
from validator.core.model import Request
from validator.rules.api_errors import SNAPSHOT_QUOTA_EXCEEDED
from validator.rules.base import SNAPSHOT_QUOTA, Given, Hit, m, rule
from validator.rules.instance.facts import instance_for, named


def snapshots_taken(request: Request, given: Given) -> int | None:
    """How many snapshots the image takes: one for a cloud system disk and one for every attached cloud data
    disk the request does not exclude (docs/decisions.md#snapshot-quota); None without the instance."""
    instance = instance_for(request, given)
    if instance is None:
        return None
    excluded = {entry.device for entry in request.entries if entry.excluded and entry.device is not None}
    system = 1 if instance.system_disk is not None and instance.system_disk.is_cloud else 0
    data = sum(
        1
        for disk in instance.data_disks
        if disk.is_cloud and disk.status != "detached" and disk.device_name not in excluded
    )
    return system + data


@rule(
    "C71",
    "snapshot-quota",
    Severity.ERROR,
    m(
        "The snapshot quota has room for the snapshots the image takes.",
        "快照配额能容纳制作镜像所需的快照。",
    ),
    m(
        "Checked when the disk service's describeQuota answer for snapshots is given (--snapshot-quota). The "
        "image takes one snapshot of a cloud system disk and one of every attached cloud data disk that is not "
        "excluded (noDevice: true); counting them needs the instance description, and then too few left "
        "(limit - used) is an error. With the quota alone, a quota with no room at all (used >= limit) is a "
        "warning.",
        "提供云硬盘服务 describeQuota（type=snapshot）的结果时检查（--snapshot-quota）。镜像会为云盘系统盘和每块"
        "未被排除（noDevice: true）的已挂载云盘数据盘各制作一个快照；计算数量需要实例描述，此时剩余配额"
        "（limit - used）不足为错误。只有配额时，配额已满（used >= limit）给出警告。",
    ),
    bad='{"name": "web"}   with a cloud system disk, vdb attached, snapshot quota {"limit": 20, "used": 19}',
    good='{"name": "web"}   with a cloud system disk, vdb attached, snapshot quota {"limit": 20, "used": 18}',
    api=SNAPSHOT_QUOTA_EXCEEDED,
    enforced_by="context",
    needs=SNAPSHOT_QUOTA,
)
def snapshot_quota(request: Request, given: Given) -> Iterator[Hit]:
    assert given.context is not None  # the rule runs only with what it needs
    quota = given.context.snapshot_quota
    assert quota is not None
    if quota.limit is None or quota.used is None:
        return
    room = quota.limit - quota.used
    needed = snapshots_taken(request, given)
    if needed is None:
        if room <= 0:
            yield Hit(
                "",
                m(
                    f"the snapshot quota is full ({quote(quota.used)} of {quote(quota.limit)} used): the image "
                    "needs a snapshot of every cloud disk it contains, so the API will refuse it unless it "
                    "contains none; pass --instance to count them",
                    f"快照配额已满（已使用 {quote(quota.used)} / {quote(quota.limit)}）：镜像需要为其包含的每块云盘"
                    "制作快照，除非不含云盘，否则 API 会拒绝；提供 --instance 可计算所需数量",
                ),
                severity=Severity.WARNING,
            )
        return
    if needed > room:
        assert given.context.instance is not None
        yield Hit(
            "",
            m(
                f"the image takes {count(needed, 'snapshot')} of instance {named(given.context.instance)}'s cloud "
                f"disks, but the snapshot quota has room for {max(room, 0)} ({quote(quota.used)} of "
                f"{quote(quota.limit)} used)",
                f"镜像需要为实例 {named(given.context.instance)} 的云盘制作 {needed} 个快照，但快照配额只剩 "
                f"{max(room, 0)} 个（已使用 {quote(quota.used)} / {quote(quota.limit)}）",
            ),
            api=SNAPSHOT_QUOTA_EXCEEDED.render(),
        )
