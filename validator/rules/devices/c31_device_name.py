"""C31: deviceName names a data-disk slot from vdb to vdbm."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.api_errors import INVALID_ARGUMENT, OUT_OF_RANGE
from validator.rules.base import Given, Hit, m, rule
from validator.rules.devices.facts import FIRST_INDEX, FIRST_SLOT, LAST_INDEX, LAST_SLOT, named, slot_number


@rule(
    "C31",
    "device-name",
    Severity.ERROR,
    m("deviceName names a data-disk slot from vdb to vdbm.", "deviceName 是 vdb 到 vdbm 之间的数据盘盘符。"),
    m(
        "Data-disk slots follow Linux virtio order: vdb…vdz, then vdaa…vdaz, then vdba…vdbm, 64 slots. It "
        "is not a string-order range: vdz and vdaa are valid, vdbn and vdca are not, and vda is the system "
        "disk. A well-formed vd name outside the range is out of range; anything else (sdb, xvdb, VDB, vdb1) "
        "is not a device name at all.",
        "数据盘盘符按 Linux virtio 顺序排列：vdb…vdz，接着 vdaa…vdaz，再接 vdba…vdbm，共 64 个。它不是按字符串"
        "大小比较的区间：vdz 和 vdaa 合法，vdbn 和 vdca 不合法，vda 是系统盘。格式正确但超出范围的 vd 盘符属于越界；"
        "其他写法（sdb、xvdb、VDB、vdb1）根本不是盘符。",
    ),
    bad='{"name": "web", "dataDisks": [{"deviceName": "vdbn", "noDevice": true}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdaa", "noDevice": true}]}',
    api=OUT_OF_RANGE,
)
def device_name(request: Request, given: Given) -> Iterator[Hit]:
    for entry in request.entries:
        name = named(entry)
        if name is None:
            continue
        pointer, device = name
        number = slot_number(device)
        if number is None:
            yield Hit(
                pointer,
                m(
                    f'deviceName "{device}" is not a virtio device name ({FIRST_SLOT} to {LAST_SLOT})',
                    f'deviceName "{device}" 不是 virtio 盘符（{FIRST_SLOT} 至 {LAST_SLOT}）',
                ),
                api=INVALID_ARGUMENT.render(),
            )
        elif number < FIRST_INDEX:
            yield Hit(
                pointer,
                m(
                    f'deviceName "{device}" is the system disk; data disks use {FIRST_SLOT} to {LAST_SLOT}',
                    f'deviceName "{device}" 是系统盘；数据盘使用 {FIRST_SLOT} 至 {LAST_SLOT}',
                ),
                api=OUT_OF_RANGE.render(),
            )
        elif number > LAST_INDEX:
            yield Hit(
                pointer,
                m(
                    f'deviceName "{device}" is past the last data-disk slot {LAST_SLOT} '
                    f"(slots run {FIRST_SLOT}…vdz, vdaa…vdaz, vdba…{LAST_SLOT})",
                    f'deviceName "{device}" 超出最后一个数据盘盘符 {LAST_SLOT}'
                    f"（盘符依次为 {FIRST_SLOT}…vdz、vdaa…vdaz、vdba…{LAST_SLOT}）",
                ),
                api=OUT_OF_RANGE.render(),
            )
