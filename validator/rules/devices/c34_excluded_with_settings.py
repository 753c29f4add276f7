"""C34: an excluded entry carries no disk settings."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.fixes.records import SAFE, RemoveMember
from validator.rules.base import FixNote, Given, Hit, m, rule

_IGNORED_WHEN_EXCLUDED = ("cloudDiskSpec", "autoDelete", "diskCategory")


@rule(
    "C34",
    "excluded-with-settings",
    Severity.WARNING,
    m(
        "An excluded entry (noDevice: true) carries no disk settings.",
        "被排除的条目（noDevice: true）不应再带磁盘设置。",
    ),
    m(
        "With noDevice: true the disk is left out of the image, so cloudDiskSpec, autoDelete and diskCategory "
        "on the same entry are ignored. To replace a disk, exclude it in one entry and describe the new disk "
        "in another. Those members are decoded, not read: a wrong type is still C03, but no range, enum or "
        "semantic rule runs on them.",
        "设置 noDevice: true 后该盘不进入镜像，同一条目中的 cloudDiskSpec、autoDelete 和 diskCategory 都会被忽略。"
        "如需替换磁盘，请在一个条目中排除它，再用另一个条目描述新盘。这些成员只会被解码而不会被读取："
        "类型错误仍报告 C03，但不再检查范围、枚举或语义规则。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdc", "noDevice": true, "autoDelete": true}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdc", "noDevice": true}]}',
    fix=FixNote(
        SAFE,
        m(
            "cloudDiskSpec, autoDelete and diskCategory are removed from the excluded entry.",
            "从被排除的条目中删除 cloudDiskSpec、autoDelete 和 diskCategory。",
        ),
    ),
)
def excluded_with_settings(request: Request, given: Given) -> Iterator[Hit]:
    for entry in request.entries:
        if not entry.excluded:
            continue
        for name in _IGNORED_WHEN_EXCLUDED:
            member = entry.obj.members.get(name)
            if member is not None:
                yield Hit(
                    member.pointer,
                    m(
                        f"{member.key} is ignored: this entry excludes its disk (noDevice: true)",
                        f"{member.key} 会被忽略：该条目已用 noDevice: true 排除了磁盘",
                    ),
                    fix=RemoveMember(member.pointer, SAFE),
                )
