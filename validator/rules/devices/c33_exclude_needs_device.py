"""C33: noDevice: true comes with a deviceName."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.api_errors import INVALID_ARGUMENT
from validator.rules.base import Given, Hit, m, rule


@rule(
    "C33",
    "exclude-needs-device",
    Severity.ERROR,
    m("noDevice: true comes with a deviceName.", "noDevice: true 必须配合 deviceName 使用。"),
    m(
        "noDevice excludes one attached disk from the image; without deviceName there is nothing to name the disk by.",
        "noDevice 用于把某块已挂载的磁盘排除在镜像之外；没有 deviceName 就无法指明是哪块盘。",
    ),
    bad='{"name": "web", "dataDisks": [{"noDevice": true}]}',
    good='{"name": "web", "dataDisks": [{"deviceName": "vdc", "noDevice": true}]}',
    api=INVALID_ARGUMENT,
)
def exclude_needs_device(request: Request, given: Given) -> Iterator[Hit]:
    for entry in request.entries:
        if entry.excluded and "deviceName" not in entry.obj:
            yield Hit(
                entry.obj.pointer,
                m(
                    f"dataDisks entry {entry.index} sets noDevice: true but names no deviceName to exclude",
                    f"dataDisks 第 {entry.index} 项设置了 noDevice: true，但没有用 deviceName 指明要排除的盘",
                ),
                api=INVALID_ARGUMENT.render(),
            )
