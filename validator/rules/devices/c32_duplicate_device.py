"""C32: no two entries name the same deviceName."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Entry, Request
from validator.rules.api_errors import DUPLICATE_DEVICE_NAME
from validator.rules.base import Given, Hit, m, rule
from validator.rules.devices.facts import named


def _replaces(one: Entry, other: Entry) -> bool:
    """An excluding entry and a specifying one: the reference page's "exclude, then specify" reading."""
    return (one.excluded and other.disk is not None and not other.excluded) or (
        other.excluded and one.disk is not None and not one.excluded
    )


@rule(
    "C32",
    "duplicate-device",
    Severity.ERROR,
    m("No two entries name the same deviceName.", "不得有两个条目使用相同的 deviceName。"),
    m(
        "Each data-disk slot can be described once. The finding points at the later entry's deviceName. "
        "Decision (C32 and replacing a disk): the reference page's \"exclude the existing disk, then "
        'specify new properties" does not make a repeated deviceName acceptable, since the API counts names; '
        "for such a pair the finding says how to replace a disk instead.",
        "每个数据盘盘符只能描述一次。发现项指向后一个条目的 deviceName。决定（C32 与替换磁盘）：参考页面所说的"
        "“先排除现有磁盘，再指定新属性”并不能让重复的 deviceName 被接受，因为 API 按名称计数；对这样的条目对，"
        "发现项会说明替换磁盘的正确做法。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdb", "noDevice": true}, {"deviceName": "vdb", '
    '"autoDelete": true}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdb", "noDevice": true}, {"deviceName": "vdc", '
    '"autoDelete": true}]}',
    api=DUPLICATE_DEVICE_NAME,
)
def duplicate_device(request: Request, given: Given) -> Iterator[Hit]:
    first: dict[str, Entry] = {}
    for entry in request.entries:
        name = named(entry)
        if name is None:
            continue
        pointer, device = name
        if device not in first:
            first[device] = entry
            continue
        earlier = first[device].index
        if _replaces(first[device], entry):
            # docs/decisions.md#replacing-a-disk: the API counts names, so say how to replace instead.
            yield Hit(
                pointer,
                m(
                    f'deviceName "{device}" is already used by dataDisks entry {earlier}: the API refuses a repeated '
                    f"deviceName even to exclude a disk and then specify it; to replace {device}, keep one entry "
                    "with the new cloudDiskSpec (with snapshotId for a disk from a snapshot), or exclude it and "
                    "add the new disk under a free device name",
                    f'deviceName "{device}" 已被 dataDisks 第 {earlier} 项使用：'
                    "即使是先排除磁盘再重新指定，API 也会拒绝重复的 deviceName；"
                    f"如需替换 {device}，请只保留一个带新 cloudDiskSpec 的条目（从快照创建时写上 snapshotId），"
                    "或者排除它并用一个空闲的盘符添加新盘",
                ),
                api=DUPLICATE_DEVICE_NAME.render(),
            )
            continue
        yield Hit(
            pointer,
            m(
                f'deviceName "{device}" is already used by dataDisks entry {earlier}',
                f'deviceName "{device}" 已被 dataDisks 第 {earlier} 项使用',
            ),
            api=DUPLICATE_DEVICE_NAME.render(),
        )
