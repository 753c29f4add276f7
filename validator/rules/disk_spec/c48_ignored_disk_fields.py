"""C48: the DiskSpec members createImage ignores."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.fixes.records import SAFE, RemoveMember
from validator.rules.base import FixNote, Given, Hit, m, rule

IGNORED_DISK_FIELDS = ("az", "name", "description", "policyId", "charge", "multiAttachable")


@rule(
    "C48",
    "ignored-disk-fields",
    Severity.WARNING,
    m(
        "az, name, description, policyId, charge and multiAttachable are not set.",
        "不设置 az、name、description、policyId、charge 和 multiAttachable。",
    ),
    m(
        "createImage ignores these DiskSpec members (the reference page says specifying them has no effect), "
        "although it marks az and name as required: they are never required. null is fine, since the SDK "
        "sends null for every unset member; so is an empty string for az, name, description or policyId, which "
        "the Go SDK always sends and which is read as not given.",
        "createImage 会忽略这些 DiskSpec 成员（参考页面说明指定无效）；"
        "尽管页面把 az 和 name 标为必填，它们从不是必需的。"
        "值为 null 没有问题，因为 SDK 会为每个未设置的成员发送 null；az、name、description 或 policyId 为空字符串"
        "也没有问题：Go SDK 总会发送它们，空字符串视为未设置。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"az": "cn-north-1a", '
    '"diskType": "ssd.gp1", "diskSizeGB": 40}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": 40}}]}',
    fix=FixNote(
        SAFE,
        m("The ignored members are removed.", "删除这些被忽略的成员。"),
    ),
)
def ignored_disk_fields(request: Request, given: Given) -> Iterator[Hit]:
    for _entry, disk in request.specs:
        for name in IGNORED_DISK_FIELDS:
            member = disk.members.get(name)
            if member is not None:
                yield Hit(
                    member.pointer,
                    m(
                        f"{member.key} is ignored by createImage: specifying it has no effect",
                        f"createImage 会忽略 {member.key}：指定它没有任何效果",
                    ),
                    fix=RemoveMember(member.pointer, SAFE),
                )
