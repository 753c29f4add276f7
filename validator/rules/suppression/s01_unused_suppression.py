"""S01: a suppression comment that suppresses nothing (reported by the engine)."""

from __future__ import annotations

from validator.core.finding import Severity
from validator.rules.base import YAML_TEXT, declare, m

UNUSED_SUPPRESSION = declare(
    "S01",
    "unused-suppression",
    Severity.INFO,
    m("Every suppression comment suppresses something.", "每条抑制注释都确实抑制了发现项。"),
    m(
        "A `# jdcloud-preflight: ignore[...]` comment that covers no finding on its line or the next is stale; "
        "removing it keeps the file honest.",
        "在本行和下一行都没有覆盖任何发现项的 `# jdcloud-preflight: ignore[...]` 注释已经过时，"
        "删除它可以保持文件清晰。",
    ),
    bad="name: web  # jdcloud-preflight: ignore[C39]",
    good="name: web",
    enforced_by="engine",
    needs=YAML_TEXT,
)
