"""The commands that describe the tool rather than check: `rules`, `explain RULE` and `schema`."""

from __future__ import annotations

import json

from validator.cli.exits import EXIT_OK, EXIT_USAGE
from validator.output.console import say, write
from validator.rules import registry
from validator.rules.base import Rule


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


# How each kind of rule is checked, as `explain` says it (docs/rules.md says the same at more length).
_CHECKED = {
    "reader": "checked as the file is read",
    "schema": "checked by the JSON Schema",
    "rule": "checked by its rule",
    "context": "checked against the describe answers given",
    "policy": "an organisation policy",
    "engine": "checked from the suppression comments",
}
_CHECKED_ZH = {
    "reader": "读取文件时检查",
    "schema": "由 JSON Schema 检查",
    "rule": "由规则检查",
    "context": "对照所给的 describe 应答检查",
    "policy": "组织策略",
    "engine": "根据抑制注释检查",
}


def explanation(rule: Rule, lang: str) -> str:
    bad = "不好的写法" if lang == "zh" else "Bad"
    good = "好的写法" if lang == "zh" else "Good"
    origin = (_CHECKED_ZH if lang == "zh" else _CHECKED)[rule.enforced_by]
    lines = [
        f"{rule.id} {rule.name} ({rule.severity.label}, {origin})",
        "",
        rule.summary.render(lang),
        "",
        rule.description.render(lang),
    ]
    if rule.api is not None:
        api = f"{rule.api.status} {rule.api.code}" + (f": {rule.api.message}" if rule.api.message else "")
        lines += ["", f"API: {api}"]
    lines += ["", rule.fix_line(lang)]
    lines += ["", f"{bad}:", f"    {rule.bad}", "", f"{good}:", f"    {rule.good}"]
    return "\n".join(lines) + "\n"


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
