"""What a rule is: its metadata, what it needs to run, how its findings are fixed, and the problems its
function yields.

A rule function yields `Hit`s (where and what); the engine turns them into findings with the rule's id,
severity and source positions, in the language asked for. Everything about a rule is declared with it, in
its own module under `validator.rules`; the registry collects the modules, nothing lists them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import attrs

from validator.core.finding import UNSUPPRESSABLE_RULES, ApiError, Severity
from validator.core.messages import Message
from validator.core.model import Request
from validator.core.policy import NO_POLICY, Policy
from validator.fixes.records import SAFE, Applicability, Intent
from validator.rules.api_errors import ApiErrorTemplate

if TYPE_CHECKING:
    from validator.instance.context import Context


# Findings of one rule reported per object or array; past them, one finding says how many more
# (core/capping.py, docs/decisions.md#bounded-work). Rules may stop per-element work past it too.
PER_CONTAINER = 100


@attrs.frozen
class Hit:
    """One problem a rule found: the pointer it is about and a message; severity and API error when they
    differ from the rule's defaults. `at_key` places the finding on the member's key, not its value;
    `fix` says how the text could be fixed, independently of how it is written."""

    pointer: str
    message: Message
    severity: Severity | None = None
    api: ApiError | None = None
    at_key: bool = False
    fix: Intent | None = None


@attrs.frozen
class Given:
    """What a check knows besides the request: the organisation's policy and, when given, the instance."""

    policy: Policy = NO_POLICY
    context: Context | None = None


Check = Callable[[Request, Given], Iterable[Hit]]
# How a schema-enforced rule fixes one of its schema failures: (keyword, value, the keyword's limit, pointer).
SchemaFix = Callable[[str, object, object, str], Intent | None]

# The parts of a context a rule may need, by their `Context` attribute names.
CONTEXT_PARTS = ("instance", "snapshots", "quotas", "snapshot_quota")


@attrs.frozen
class Needs:
    """What a rule needs before it can report anything; a rule whose needs are not met does not run (and
    JUnit does not list it as passed).

    `context`: the parts of the context it reads; `policy`: the policy setting it enforces (a `Policy`
    attribute); `yaml_text`: it is about YAML text (its scalars or comments), which a JSON file has none of;
    `document`: it needs a document that could be read (only the reader's own rule does not)."""

    context: frozenset[str] = frozenset()
    policy: str | None = None
    yaml_text: bool = False
    document: bool = True


@attrs.frozen
class Available:
    """What a run has: the parts of its context, the policy settings that are set, whether the text may be
    YAML (unknown counts as may), whether the document could be read."""

    context: frozenset[str] = frozenset()
    policy: frozenset[str] = frozenset()
    yaml_text: bool = True
    document: bool = True

    @classmethod
    def of(cls, policy: Policy, context: Context | None, *, yaml_text: bool = True, document: bool = True) -> Available:
        parts = frozenset(part for part in CONTEXT_PARTS if getattr(context, part, None) is not None)
        # A setting is set unless it is None or False (its "off" values); 0 is a limit like any other.
        settings = frozenset(
            field.name
            for field in attrs.fields(Policy)
            if getattr(policy, field.name) is not None and getattr(policy, field.name) is not False
        )
        return cls(parts, settings, yaml_text, document)


def runs(rule: Rule, available: Available) -> bool:
    """Whether `rule` runs with what is `available`: the one place that decides (the engine's checks and the
    rules a report lists both ask here)."""
    needs = rule.needs
    return (
        needs.context <= available.context
        and (needs.policy is None or needs.policy in available.policy)
        and (available.yaml_text or not needs.yaml_text)
        and (available.document or not needs.document)
    )


NOTHING_MORE = Needs()
INSTANCE = Needs(context=frozenset({"instance"}))
SNAPSHOTS = Needs(context=frozenset({"snapshots"}))
QUOTAS = Needs(context=frozenset({"quotas"}))
SNAPSHOT_QUOTA = Needs(context=frozenset({"snapshot_quota"}))
YAML_TEXT = Needs(yaml_text=True)
ANY_TEXT = Needs(document=False)


def policy_setting(name: str) -> Needs:
    """The needs of a policy rule: its setting, by its `Policy` attribute name."""
    return Needs(policy=name)


@attrs.frozen
class FixNote:
    """What `explain` says about fixing a rule's findings: whether the fix is safe, and what it does."""

    applicability: Applicability
    how: Message

    def line(self, lang: str) -> str:
        if lang == "zh":
            kind = "安全，--fix" if self.applicability is SAFE else "不安全，--fix --unsafe-fixes"
            return f"修复（{kind}）：{self.how.render(lang)}"
        kind = "safe, --fix" if self.applicability is SAFE else "unsafe, --fix --unsafe-fixes"
        return f"Fix ({kind}): {self.how.render(lang)}"


NO_FIX = Message("Fix: none (no edit where the intent is not evident)", "修复：无（意图不明确时不自动修改）")


@attrs.frozen
class Rule:
    """A rule: a stable id (its constraint number, docs/rules.md), metadata, and the check that runs it.

    `check` is None for rules enforced by the schemas (schema_check reports under their id, and calls
    `schema_fix` for the fix of a failure) or by the document readers and the engine. `api` is the row of
    the reference page's return-code table its errors answer with (api_errors.py); `fix` what `--fix` does.
    """

    id: str
    name: str
    severity: Severity
    summary: Message
    description: Message
    bad: str
    good: str
    api: ApiErrorTemplate | None = None
    check: Check | None = None
    enforced_by: str = "rule"
    needs: Needs = NOTHING_MORE
    fix: FixNote | None = None
    schema_fix: SchemaFix | None = None

    @property
    def unsuppressable(self) -> bool:
        """Whether no comment, configuration or baseline may hide the rule's findings (C01)."""
        return self.id in UNSUPPRESSABLE_RULES

    @property
    def constraint(self) -> str | None:
        """The constraint number the rule enforces (docs/rules.md); None for policy and suppression rules."""
        return self.id if self.id.startswith("C") else None

    def fix_line(self, lang: str) -> str:
        """One line for `explain`: whether the rule's findings can be fixed, safely or not, and how."""
        return NO_FIX.render(lang) if self.fix is None else self.fix.line(lang)


def rule(
    id: str,
    name: str,
    severity: Severity,
    summary: Message,
    description: Message,
    bad: str,
    good: str,
    api: ApiErrorTemplate | None = None,
    enforced_by: str = "rule",
    *,
    needs: Needs = NOTHING_MORE,
    fix: FixNote | None = None,
    schema_fix: SchemaFix | None = None,
) -> Callable[[Check], Rule]:
    """Decorate a check function into a `Rule` carrying its metadata."""

    def wrap(check: Check) -> Rule:
        return Rule(
            id, name, severity, summary, description, bad, good, api, check, enforced_by, needs, fix, schema_fix
        )

    return wrap


def declare(
    id: str,
    name: str,
    severity: Severity,
    summary: Message,
    description: Message,
    bad: str,
    good: str,
    api: ApiErrorTemplate | None = None,
    enforced_by: str = "schema",
    *,
    needs: Needs = NOTHING_MORE,
    fix: FixNote | None = None,
    schema_fix: SchemaFix | None = None,
) -> Rule:
    """A rule enforced by the schemas, the readers or the engine, with no function of its own."""
    return Rule(id, name, severity, summary, description, bad, good, api, None, enforced_by, needs, fix, schema_fix)


def m(en: str, zh: str) -> Message:
    return Message(en, zh)


def is_int(value: object) -> bool:
    """An integer as the API reads one: not a boolean, not a float such as 40.0."""
    return isinstance(value, int) and not isinstance(value, bool)
