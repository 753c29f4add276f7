"""C38: dataDisks has at most as many entries as there are slots (reported by the schema)."""

from __future__ import annotations

from validator.core.finding import Severity
from validator.rules.api_errors import OUT_OF_RANGE
from validator.rules.base import declare, m
from validator.rules.devices.facts import MAX_ENTRIES

TOO_MANY_ENTRIES = declare(
    "C38",
    "too-many-entries",
    Severity.ERROR,
    m(f"dataDisks has at most {MAX_ENTRIES} entries.", f"dataDisks 最多 {MAX_ENTRIES} 项。"),
    m(
        f"There are {MAX_ENTRIES} data-disk slots (vdb to vdbm), one entry per slot.",
        f"共有 {MAX_ENTRIES} 个数据盘盘符（vdb 至 vdbm），每个盘符一项。",
    ),
    bad=f'{{"name": "web", "dataDisks": [<{MAX_ENTRIES + 1} entries>]}}',
    good=f'{{"name": "web", "dataDisks": [<{MAX_ENTRIES} entries or fewer>]}}',
    api=OUT_OF_RANGE,
)
