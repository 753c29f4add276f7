"""Organisation policies (P01–P08): rules a team adds on top of the API's own, configured under
`[tool.jdcloud-preflight.policy]`. Each runs only when its setting is present; findings carry no API error."""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.messages import quote
from validator.core.model import Entry, Request
from validator.rules.base import Given, Hit, is_int, m, rule


def _described(request: Request) -> Iterator[Entry]:
    """Entries that keep or add a disk (not noDevice: true)."""
    return (entry for entry in request.entries if not entry.excluded)


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
)
def disk_types(request: Request, given: Given) -> Iterator[Hit]:
    allowed = given.policy.allowed_disk_types
    if allowed is None:
        return
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
)
def disk_size(request: Request, given: Given) -> Iterator[Hit]:
    limit = given.policy.max_disk_size_gb
    if limit is None:
        return
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
)
def total_size(request: Request, given: Given) -> Iterator[Hit]:
    limit = given.policy.max_total_disk_size_gb
    disks = request.root.members.get("dataDisks")
    if limit is None or disks is None:
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
)
def data_disks(request: Request, given: Given) -> Iterator[Hit]:
    limit = given.policy.max_data_disks
    disks = request.root.members.get("dataDisks")
    if limit is None or disks is None:
        return
    count = sum(1 for _ in _described(request))
    if count > limit:
        yield Hit(
            disks.pointer,
            m(
                f"{count} data disks are kept or added, above the policy maximum {limit}",
                f"保留或新增了 {count} 块数据盘，超过策略上限 {limit}",
            ),
        )


@rule(
    "P05",
    "policy-encryption",
    Severity.ERROR,
    m("New empty disks are encrypted (require-encryption).", "新建空盘必须加密（require-encryption）。"),
    m(
        "A new empty disk (diskType and no snapshotId) must set encrypt: true. Disks from a snapshot inherit "
        "the snapshot's encryption and are not checked.",
        "新建空盘（有 diskType 且没有 snapshotId）必须设置 encrypt: true。"
        "从快照创建的磁盘继承快照的加密属性，不作检查。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdh", '
    '"cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", '
    '"cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40, "encrypt": true}}]}',
    enforced_by="policy",
)
def encryption(request: Request, given: Given) -> Iterator[Hit]:
    if not given.policy.require_encryption:
        return
    for entry, disk in request.specs:
        if "diskType" not in disk or "snapshotId" in disk or disk.get("encrypt") is True:
            continue
        member = disk.members.get("encrypt")
        device = entry.obj.get("deviceName")
        where = f"{device}" if isinstance(device, str) else f"dataDisks entry {entry.index}"
        yield Hit(
            member.pointer if member is not None else disk.pointer,
            m(
                f"the new empty disk {where} is not encrypted; policy requires encrypt: true",
                f"新建空盘 {where} 未加密；策略要求 encrypt: true",
            ),
        )


@rule(
    "P06",
    "policy-name-pattern",
    Severity.ERROR,
    m("The image name matches the policy's pattern (name-pattern).", "镜像名称符合策略的正则表达式（name-pattern）。"),
    m(
        "`name-pattern` is a Python regular expression searched in the name; anchor it with ^ and $ to match "
        "the whole name.",
        "`name-pattern` 是在名称中搜索的 Python 正则表达式；如需匹配整个名称，请用 ^ 和 $ 锚定。",
    ),
    bad='{"name": "test"}',
    good='{"name": "web-2026.11"}',
    enforced_by="policy",
)
def name_pattern(request: Request, given: Given) -> Iterator[Hit]:
    pattern = given.policy.name_pattern
    member = request.root.members.get("name")
    if pattern is None or member is None or not isinstance(member.value, str):
        return
    if re.search(pattern, member.value) is None:
        yield Hit(
            member.pointer,
            m(
                f'name "{member.value}" does not match the policy pattern {pattern}',
                f'name "{member.value}" 不符合策略的正则表达式 {pattern}',
            ),
        )


@rule(
    "P07",
    "policy-description",
    Severity.ERROR,
    m("The image has a description (require-description).", "镜像必须有描述（require-description）。"),
    m("An empty or blank description counts as missing.", "空的或只含空白的描述视为缺失。"),
    bad='{"name": "web"}',
    good='{"name": "web", "description": "weekly image of the web tier"}',
    enforced_by="policy",
)
def description(request: Request, given: Given) -> Iterator[Hit]:
    if not given.policy.require_description:
        return
    member = request.root.members.get("description")
    if member is None or (isinstance(member.value, str) and not member.value.strip()):
        yield Hit(
            member.pointer if member is not None else request.root.pointer,
            m("the image has no description; policy requires one", "镜像没有描述；策略要求填写"),
        )


@rule(
    "P08",
    "policy-auto-delete",
    Severity.ERROR,
    m(
        "Every kept or added disk sets autoDelete explicitly (require-auto-delete).",
        "每块保留或新增的磁盘都显式设置 autoDelete（require-auto-delete）。",
    ),
    m(
        "Without autoDelete the disk keeps its current deletion setting, which the request file does not show.",
        "不设置 autoDelete 时磁盘沿用当前的删除属性，而请求文件中看不出它是什么。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdh", '
    '"cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", "autoDelete": true, "cloudDiskSpec": {"diskType": '
    '"ssd.gp1", "diskSizeGB": 40}}]}',
    enforced_by="policy",
)
def auto_delete(request: Request, given: Given) -> Iterator[Hit]:
    if not given.policy.require_auto_delete:
        return
    for entry in _described(request):
        if "autoDelete" not in entry.obj:
            yield Hit(
                entry.obj.pointer,
                m(
                    f"dataDisks entry {entry.index} does not set autoDelete; policy requires it explicitly",
                    f"dataDisks 第 {entry.index} 项未设置 autoDelete；策略要求显式设置",
                ),
            )
