"""C68: every snapshotId is among the given snapshots."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.api_errors import SNAPSHOT_NOT_FOUND
from validator.rules.base import SNAPSHOTS, Given, Hit, m, rule
from validator.rules.instance.facts import SNAPSHOT_READY, snapshot_members


@rule(
    "C68",
    "snapshot-exists",
    Severity.ERROR,
    m("Every snapshotId is among the given snapshots.", "每个 snapshotId 都在给定的快照列表中。"),
    m(
        "Checked when the describeSnapshots answer is given: a snapshot that is not in it does not exist for "
        "this account and region. Decision (C68 and snapshot status): a listed snapshot whose status "
        "is not available is a warning; the reference page lists no error for it, but the API is unlikely "
        "to make a disk from it.",
        "提供 describeSnapshots 结果时检查：不在其中的快照在该账号和地域下不存在。决定（C68 与快照状态）："
        "列表中状态不是 available 的快照给出警告；参考页面没有为此列出错误，但 API 不太可能用它创建磁盘。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vde", "cloudDiskSpec": {"snapshotId": "snapshot-zzzzzzzzzz"}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vde", '
    '"cloudDiskSpec": {"snapshotId": "snapshot-ab12cd34ef"}}]}',
    api=SNAPSHOT_NOT_FOUND,
    enforced_by="context",
    needs=SNAPSHOTS,
)
def snapshot_exists(request: Request, given: Given) -> Iterator[Hit]:
    assert given.context is not None  # the rule runs only with what it needs
    assert given.context.snapshots is not None
    statuses = {snapshot.snapshot_id: snapshot.status for snapshot in given.context.snapshots}
    given_words = "the snapshot given" if len(statuses) == 1 else f"the {len(statuses)} snapshots given"
    for entry, snapshot in snapshot_members(request):
        assert entry.disk is not None
        pointer = entry.disk.members["snapshotId"].pointer
        if snapshot not in statuses:
            yield Hit(
                pointer,
                m(
                    f"snapshot {snapshot} is not among {given_words}",
                    f"快照 {snapshot} 不在给定的 {len(statuses)} 个快照中",
                ),
                api=SNAPSHOT_NOT_FOUND.render(snapshot),
            )
        elif statuses[snapshot] not in (None, SNAPSHOT_READY):
            yield Hit(
                pointer,
                m(
                    f"snapshot {snapshot} is {statuses[snapshot]}, not {SNAPSHOT_READY}: the API is unlikely to make "
                    "a disk from it",
                    f"快照 {snapshot} 的状态是 {statuses[snapshot]}，不是 {SNAPSHOT_READY}：API 不太可能用它创建磁盘",
                ),
                severity=Severity.WARNING,
            )
