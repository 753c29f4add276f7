"""The commands that describe the tool rather than check: `rules`, `explain RULE` and `schema`."""

from __future__ import annotations

import json

from validator.cli.exits import EXIT_OK, EXIT_USAGE
from validator.output.console import say, write
from validator.rules import registry
from validator.rules.reference import explanation


def rules_table(lang: str) -> list[dict[str, object]]:
    """`rules --format json`: each rule's id, name, severity, what checks it, whether --fix can fix its
    findings (and how safely), its summary and its documentation URL."""
    from validator.rules.docs_url import rule_url

    return [
        {
            "id": rule.id,
            "name": rule.name,
            "severity": rule.severity.label,
            "checked_by": rule.enforced_by,
            "fixable": rule.fix is not None,
            "fix": None if rule.fix is None else rule.fix.applicability.value,
            "summary": rule.summary.render(lang),
            "url": rule_url(rule.id),
        }
        for rule in registry.RULES
    ]


def run_rules(lang: str, fmt: str = "text") -> int:
    if fmt == "json":
        write(json.dumps(rules_table(lang), ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    write(
        "".join(
            f"{rule.id}  {rule.severity.label:<7}  {rule.name:<24} {rule.enforced_by:<6}  {rule.summary.render(lang)}\n"
            for rule in registry.RULES
        )
    )
    return EXIT_OK


def run_explain(rule_id: str, lang: str) -> int:
    rule = registry.get(rule_id) or registry.by_name(rule_id)  # C44 or iops-ignored
    if rule is None:
        say(f"jdcloud-preflight: unknown rule {rule_id!r}; `jdcloud-preflight rules` lists them")
        return EXIT_USAGE
    write(explanation(rule, lang))
    return EXIT_OK


def run_schema() -> int:
    from validator.schema.schema_bundle import bundled

    write(json.dumps(bundled(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK
