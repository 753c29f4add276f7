"""The rule reference, `docs/rules.md`, generated from the rule modules: one section per rule with a stable
anchor. Regenerate it with

    .venv/bin/python -m validator.rules.reference > docs/rules.md

(a test fails while the checked-in file differs from what this renders)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from validator.core.messages import Message
from validator.rules import registry
from validator.rules.base import Needs, Rule
from validator.schema import schemas
from validator.schema.schema_check import TYPE_RULE

PATH = "docs/rules.md"
COMMAND = ".venv/bin/python -m validator.rules.reference > docs/rules.md"

_CHECKED_BY = {
    "reader": "the readers, as the file is read",
    "schema": "the JSON Schemas, reported under this rule's id",
    "rule": "a rule function",
    "context": "a rule function, against the context given with the request",
    "policy": "a rule function, against the organisation's policy",
    "engine": "the engine, from the file's suppression comments",
}
_PARTS = {
    "instance": "the instance description (describeInstance, `--instance`)",
    "snapshots": "the snapshots list (describeSnapshots, `--snapshots`)",
    "quotas": "the quotas (describeQuotas, `--quotas`)",
    "snapshot_quota": "the snapshot quota (the disk service's describeQuota for snapshots, `--snapshot-quota`)",
}


def anchor(rule_id: str) -> str:
    """The anchor of a rule's section in docs/rules.md (`c43`): stable, for links such as SARIF's helpUri."""
    return rule_id.lower()


def href(rule_id: str) -> str:
    """The rule's section as a path relative to the repository's top: `docs/rules.md#c43`."""
    return f"{PATH}#{anchor(rule_id)}"


def _mentions(node: Any, rule_id: str) -> bool:
    if isinstance(node, dict):
        if rule_id in (node.get("x-rule"), node.get("x-type-rule")):
            return True
        return any(_mentions(value, rule_id) for value in node.values())
    if isinstance(node, list):
        return any(_mentions(item, rule_id) for item in node)
    return False


def _schemas_of(rule_id: str) -> list[str]:
    """The shipped request schemas whose keywords report under `rule_id`."""
    return [name for name in schemas.SCHEMA_FILES if name != schemas.CONFIG and _mentions(schemas.load(name), rule_id)]


def checked_by(rule: Rule) -> str:
    """How a rule is checked, in words: by what, and by which schemas."""
    words = _CHECKED_BY.get(rule.enforced_by, rule.enforced_by)
    files = _schemas_of(rule.id)
    if rule.id == TYPE_RULE:
        files_words = "every type failure that a schema assigns to no other rule"
    else:
        files_words = ", ".join(f"`schemas/{name}`" for name in files)
    if not files_words:
        return words
    if rule.enforced_by == "schema":
        return f"{words}: {files_words}"
    return f"{words}, and the JSON Schemas: {files_words}"


def defined_in(rule_id: str) -> str:
    """The file of the module that defines the rule, relative to the repository's top."""
    module = registry.collected().modules.get(rule_id, "?")
    return module.replace(".", "/") + ".py"


def needs_words(needs: Needs) -> str:
    """What a rule needs to run, in words."""
    if not needs.document:
        return "nothing: it reports a file that cannot be read"
    parts = [_PARTS.get(part, part) for part in sorted(needs.context)]
    if needs.policy is not None:
        setting = needs.policy.replace("_", "-")
        parts.append(f"the policy setting `{setting}` (`[tool.jdcloud-preflight.policy]`)")
    if needs.yaml_text:
        parts.append("YAML text (a JSON file has no YAML scalars or comments; it is not listed as run for one)")
    return " and ".join(parts) if parts else "the request alone"


def _api_words(rule: Rule) -> str:
    if rule.api is None:
        return "none"
    text = f"{rule.api.status} {rule.api.code}"
    return text + (f" `{rule.api.message}`" if rule.api.message else "")


def _block(text: str) -> list[str]:
    return ["```text", text, "```"]


def _texts(label: str, summary: Message, description: Message, lang: str) -> list[str]:
    return [f"**{label}** {summary.render(lang)}", "", description.render(lang)]


def section(rule: Rule) -> str:
    """One rule's section: anchor, heading, facts, both languages, the examples and the fix."""
    lines = [
        f'<a id="{anchor(rule.id)}"></a>',
        "",
        f"### {rule.id} {rule.name}",
        "",
        f"- Severity: {rule.severity.label}",
        f"- Defined in: `{defined_in(rule.id)}`",
        f"- Checked by: {checked_by(rule)}",
        f"- Needs: {needs_words(rule.needs)}",
        f"- API error: {_api_words(rule)}",
        f"- {rule.fix_line('en')}",
        "",
        *_texts("English.", rule.summary, rule.description, "en"),
        "",
        *_texts("中文。", rule.summary, rule.description, "zh"),
        "",
        f"- {rule.fix_line('zh')}",
        "",
        "Bad:",
        "",
        *_block(rule.bad),
        "",
        "Good:",
        "",
        *_block(rule.good),
    ]
    return "\n".join(lines) + "\n"


def _index(rules: tuple[Rule, ...]) -> Iterator[str]:
    yield "| rule | name | severity | checked by | needs |"
    yield "|---|---|---|---|---|"
    for rule in rules:
        needs = needs_words(rule.needs).split(" (")[0]
        link = f"[{rule.id}](#{anchor(rule.id)})"
        yield f"| {link} | `{rule.name}` | {rule.severity.label} | {rule.enforced_by} | {needs} |"


def render() -> str:
    """docs/rules.md: an index, then every rule's section, in id order."""
    rules = registry.collected().rules
    head = [
        "# Rules",
        "",
        "<!-- Generated from the rule modules under validator/rules/; do not edit. Regenerate with:",
        f"     {COMMAND} -->",
        "",
        "Every rule jdcloud-preflight checks, in id order: what the API accepts (C), organisation policies (P)",
        "and suppression comments (S). Each section's anchor is the rule id in lower case (`#c43`).",
        "",
        *_index(rules),
        "",
        "## The rules",
        "",
    ]
    return "\n".join(head) + "\n" + "\n".join(section(rule) for rule in rules)


def main() -> int:
    """Write the reference to standard output, as UTF-8 whatever the locale."""
    sys.stdout.buffer.write(render().encode("utf-8"))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":  # pragma: no cover - run as `python -m validator.rules.reference`
    sys.exit(main())


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
