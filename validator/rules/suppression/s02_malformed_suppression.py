"""S02: a malformed suppression comment (reported by the engine)."""

from __future__ import annotations

from validator.core.finding import Severity
from validator.rules.base import YAML_TEXT, declare, m

MALFORMED_SUPPRESSION = declare(
    "S02",
    "malformed-suppression",
    Severity.WARNING,
    m("Every suppression comment is well formed.", "每条抑制注释的格式都正确。"),
    m(
        "A comment that starts with `# jdcloud-preflight:` but is not `ignore[RULE,...]` with at least one rule "
        "id or prefix (a missing `]`, an empty list, a misspelt keyword) suppresses nothing; it is reported so "
        "that the author does not believe a finding is silenced on purpose when it is not.",
        "以 `# jdcloud-preflight:` 开头、却不是至少列出一个规则编号或前缀的 `ignore[规则,...]` 的注释"
        "（缺少 `]`、列表为空、关键字拼错）不会抑制任何发现项；报告它，是为了不让作者误以为某个发现项已被有意抑制。",
    ),
    bad="name: web  # jdcloud-preflight: ignore[C39",
    good="name: web  # jdcloud-preflight: ignore[C39]",
    enforced_by="engine",
    needs=YAML_TEXT,
)
