"""C46: snapshotId is a well-formed snapshot id, not a masked one."""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.messages import count
from validator.core.model import Request
from validator.rules.api_errors import SNAPSHOT_NOT_FOUND
from validator.rules.base import Given, Hit, m, rule

_SNAPSHOT = re.compile(r"snapshot-[a-z0-9]+")
SNAPSHOT_SUFFIX_LENGTH = 10


@rule(
    "C46",
    "snapshot-id",
    Severity.ERROR,
    m(
        "snapshotId is a well-formed snapshot id, not a masked one.",
        "snapshotId 是格式正确的快照 ID，而非打码的示例 ID。",
    ),
    m(
        "A snapshot id is snapshot- followed by lower-case letters and digits. A value with * is a masked id "
        "copied from documentation (the reference page's own example uses snapshot-h8u1****36) and names no "
        "snapshot. Public ids have ten characters after snapshot-; another length is a warning.",
        "快照 ID 由 snapshot- 加小写字母和数字组成。含 * 的值是从文档复制的打码 ID（参考页面自己的示例就用了 "
        "snapshot-h8u1****36），不对应任何快照。公开的 ID 在 snapshot- 之后都是 10 个字符，长度不同时给出警告。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vde", "cloudDiskSpec": {"snapshotId": "snapshot-h8u1****36"}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vde", "cloudDiskSpec": {"snapshotId": '
    '"snapshot-h8u1ab3c36"}}]}',
    api=SNAPSHOT_NOT_FOUND,
)
def snapshot_id(request: Request, given: Given) -> Iterator[Hit]:
    for _entry, disk in request.specs:
        member = disk.members.get("snapshotId")
        if member is None or not isinstance(member.value, str):
            continue
        value = member.value
        if "*" in value:
            yield Hit(
                member.pointer,
                m(
                    f'snapshotId "{value}" is a masked id copied from documentation: use a real snapshot id',
                    f'snapshotId "{value}" 是从文档复制的打码 ID：请填写真实的快照 ID',
                ),
                api=SNAPSHOT_NOT_FOUND.render(value),
            )
        elif not _SNAPSHOT.fullmatch(value):
            yield Hit(
                member.pointer,
                m(
                    f'snapshotId "{value}" is not a snapshot id (snapshot- followed by lower-case letters and digits)',
                    f'snapshotId "{value}" 不是快照 ID（应为 snapshot- 加小写字母和数字）',
                ),
                api=SNAPSHOT_NOT_FOUND.render(value),
            )
        elif len(value) - len("snapshot-") != SNAPSHOT_SUFFIX_LENGTH:
            length = len(value) - len("snapshot-")
            yield Hit(
                member.pointer,
                m(
                    f'snapshotId "{value}" has {count(length, "character")} after "snapshot-"; snapshot ids have '
                    f"{SNAPSHOT_SUFFIX_LENGTH}",
                    f'snapshotId "{value}" 在 "snapshot-" 之后有 {length} 个字符；快照 ID 应为 '
                    f"{SNAPSHOT_SUFFIX_LENGTH} 个",
                ),
                severity=Severity.WARNING,
            )
