"""Where a rule is documented: its section of docs/rules.md on the project's site, for editors and reports."""

from __future__ import annotations

# The published docs/rules.md (its anchors are the rule ids in lower case, see validator/rules/reference.py).
RULES_PAGE = "https://github.com/jdcloud-preflight/jdcloud-preflight/blob/main/docs/rules.md"


def rule_url(rule_id: str) -> str:
    """The documentation URL of a rule: `rule_url("C43")` is docs/rules.md's `#c43` section."""
    return f"{RULES_PAGE}#{rule_id.lower()}"
