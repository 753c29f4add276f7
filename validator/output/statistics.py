"""--statistics: a count per rule instead of the findings, in ruff's layout (count, rule id, `[*]` when
--fix can fix them, rule name), or as JSON."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from validator.output import FileResult, json_text
from validator.rules import registry


def counts(results: Sequence[FileResult], unsafe: bool) -> list[dict[str, object]]:
    """Each reported rule's count, most frequent first (then by id), with its name and whether --fix (with
    `unsafe`, --fix --unsafe-fixes) can fix some of its findings."""
    found = [finding for result in results for finding in result.findings]
    tally = Counter(finding.rule for finding in found)
    fixable = {f.rule for f in found if f.fix is not None and (unsafe or f.fix.safe)}
    rows: list[dict[str, object]] = []
    for rule_id, count in sorted(tally.items(), key=lambda item: (-item[1], item[0])):
        rule = registry.BY_ID.get(rule_id)
        rows.append({"code": rule_id, "name": rule.name if rule else "", "count": count, "fixable": rule_id in fixable})
    return rows


def render(results: Sequence[FileResult], fmt: str, unsafe: bool) -> str:
    rows = counts(results, unsafe)
    if fmt == "json":
        return json_text(json.dumps(rows, ensure_ascii=False, indent=2)) + "\n"
    if not rows:
        return ""
    count_width = max(len(str(row["count"])) for row in rows)
    code_width = max(len(str(row["code"])) for row in rows)
    any_fixable = any(row["fixable"] for row in rows)
    lines = []
    for row in rows:
        mark = ("[*] " if row["fixable"] else "[ ] ") if any_fixable else ""
        lines.append(f"{row['count']:>{count_width}}\t{row['code']:<{code_width}}\t{mark}{row['name']}")
    return "\n".join(lines) + "\n"
