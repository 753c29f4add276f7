"""P08: autoDelete set explicitly, when the policy requires it."""

from __future__ import annotations

from collections.abc import Iterator

from validator.core.finding import Severity
from validator.core.model import Request
from validator.rules.base import Given, Hit, m, policy_setting, rule
from validator.rules.policies.facts import described


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
    needs=policy_setting("require_auto_delete"),
)
def auto_delete(request: Request, given: Given) -> Iterator[Hit]:
    for entry in described(request):
        if "autoDelete" not in entry.obj:
            yield Hit(
                entry.obj.pointer,
                m(
                    f"dataDisks entry {entry.index} does not set autoDelete; policy requires it explicitly",
                    f"dataDisks 第 {entry.index} 项未设置 autoDelete；策略要求显式设置",
                ),
            )
