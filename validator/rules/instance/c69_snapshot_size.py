"""C69: a disk made from a snapshot is at least as large as the snapshot."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.messages import quote
from validator.core.model import Request
from validator.rules.api_errors import DISK_SIZE_OUT_OF_RANGE
from validator.rules.base import SNAPSHOTS, Given, Hit, is_int, m, rule
from validator.rules.instance.facts import snapshot_members


@rule(
    "C69",
    "snapshot-size",
    Severity.ERROR,
    m("A disk made from a snapshot is at least as large as the snapshot.", "从快照创建的磁盘容量不小于快照容量。"),
    m(
        "diskSizeGB on a disk created from a snapshot may not be smaller than the snapshot's snapshotSizeGB.",
        "从快照创建磁盘时，diskSizeGB 不能小于快照的 snapshotSizeGB。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vde", "cloudDiskSpec": {"snapshotId": "snapshot-ab12cd34ef", '
    '"diskSizeGB": 40}}]}   (snapshot of 100 GiB)',
    good='{"name": "web", "dataDisks": [{"deviceName": "vde", "cloudDiskSpec": {"snapshotId": "snapshot-ab12cd34ef", '
    '"diskSizeGB": 100}}]}   (snapshot of 100 GiB)',
    api=DISK_SIZE_OUT_OF_RANGE,
    enforced_by="context",
    needs=SNAPSHOTS,
)
def snapshot_size(request: Request, given: Given) -> Iterator[Hit]:
    assert given.context is not None  # the rule runs only with what it needs
    assert given.context.snapshots is not None
    sizes = {snapshot.snapshot_id: snapshot.size_gb for snapshot in given.context.snapshots}
    for entry, snapshot in snapshot_members(request):
        assert entry.disk is not None
        member = entry.disk.members.get("diskSizeGB")
        size = sizes.get(snapshot)
        if member is None or size is None or not is_int(member.value):
            continue
        assert isinstance(member.value, int)
        if member.value < size:
            yield Hit(
                member.pointer,
                m(
                    f"diskSizeGB {quote(member.value)} is smaller than snapshot {snapshot} ({quote(size)} GiB)",
                    f"diskSizeGB {quote(member.value)} 小于快照 {snapshot} 的容量（{quote(size)} GiB）",
                ),
                api=DISK_SIZE_OUT_OF_RANGE.render(),
            )
