"""C41: diskType is one of the listed types."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.fixes.records import UNSAFE, ReplaceValue
from validator.rules.api_errors import INVALID_ARGUMENT
from validator.rules.base import FixNote, Given, Hit, m, rule
from validator.rules.disk_spec.facts import DISK_TYPES, LEGACY_DISK_TYPES, UNLISTED_DISK_TYPES, case_variant


@rule(
    "C41",
    "disk-type",
    Severity.ERROR,
    m("diskType is ssd.gp1, ssd.io1 or hdd.std1.", "diskType 为 ssd.gp1、ssd.io1 或 hdd.std1。"),
    m(
        "The legacy types ssd and premium-hdd are refused; the finding names their current replacements. "
        "ssd.gp2 and ssd.io2 exist in the disk service but are not listed for createImage: a warning. "
        "Anything else is refused. An empty diskType is read as not given (the Go SDK sends it for an unset "
        "type).",
        "旧类型 ssd 和 premium-hdd 会被拒绝，发现项会给出当前的替代类型。ssd.gp2 和 ssd.io2 在云硬盘服务中存在，"
        "但 createImage 未列出，给出警告。其他值都会被拒绝。"
        "diskType 为空字符串视为未设置（Go SDK 对未设置的类型发送空字符串）。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd", "diskSizeGB": 40}}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", '
    '"diskSizeGB": 40}}]}',
    api=INVALID_ARGUMENT,
    fix=FixNote(
        UNSAFE,
        m(
            "A listed type written in another case (SSD.IO1) is written as listed (ssd.io1). A legacy type has "
            "two replacements and gets no fix.",
            "大小写不同的已列出类型（SSD.IO1）改为列出的写法（ssd.io1）。旧类型有两种替代类型，不提供修复。",
        ),
    ),
)
def disk_type(request: Request, given: Given) -> Iterator[Hit]:
    for _entry, disk in request.specs:
        member = disk.members.get("diskType")
        if member is None or not isinstance(member.value, str) or member.value in DISK_TYPES:
            continue
        value = member.value
        listed, listed_zh = ", ".join(DISK_TYPES), "、".join(DISK_TYPES)
        if value in LEGACY_DISK_TYPES:
            replacements = LEGACY_DISK_TYPES[value]
            yield Hit(
                member.pointer,
                m(
                    f'diskType "{value}" is a legacy type; use {" or ".join(replacements)}',
                    f'diskType "{value}" 是旧类型；请改用 {" 或 ".join(replacements)}',
                ),
                api=INVALID_ARGUMENT.render(),
            )
        elif case_variant(value):
            # One finding per problem: the spelling, with no C44/C45 about the type it was meant to be.
            yield Hit(
                member.pointer,
                m(
                    f'diskType "{value}" is not one of {listed}: diskType is case-sensitive; write "{value.lower()}"',
                    f'diskType "{value}" 不是 {listed_zh} 之一：diskType 区分大小写；请写成 "{value.lower()}"',
                ),
                api=INVALID_ARGUMENT.render(),
                # The listed spelling is evidently what was meant; the API reads another value: unsafe.
                fix=ReplaceValue(member.pointer, value.lower(), UNSAFE),
            )
        elif value in UNLISTED_DISK_TYPES:
            yield Hit(
                member.pointer,
                m(
                    f'diskType "{value}" is not listed for createImage ({listed}); the API may refuse it',
                    f'diskType "{value}" 不在 createImage 列出的类型中（{listed_zh}）；API 可能拒绝',
                ),
                severity=Severity.WARNING,
            )
        else:
            yield Hit(
                member.pointer,
                m(f'diskType "{value}" is not one of {listed}', f'diskType "{value}" 不是 {listed_zh} 之一'),
                api=INVALID_ARGUMENT.render(),
            )
