"""What a rule is: its metadata, and the problems its function yields.

A rule function yields `Hit`s (where and what); the engine turns them into findings with the rule's id,
severity and source positions, in the language asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import attrs

from validator.core.finding import ApiError, Severity
from validator.core.messages import Message
from validator.core.model import Request
from validator.core.policy import NO_POLICY, Policy
from validator.fixes.records import Intent
from validator.rules.api_errors import ApiErrorTemplate

if TYPE_CHECKING:
    from validator.instance.context import Context


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


@attrs.frozen
class Rule:
    """A rule: a stable id (its catalogue constraint number), metadata, and the check that runs it.

    `check` is None for rules enforced by the schemas (schema_check reports under their id) or by the
    document readers.
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

    @property
    def constraint(self) -> str | None:
        """The catalogue constraint the rule enforces; None for policy and suppression rules."""
        return self.id if self.id.startswith("C") else None


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
) -> Callable[[Check], Rule]:
    """Decorate a check function into a `Rule` carrying its metadata."""

    def wrap(check: Check) -> Rule:
        return Rule(id, name, severity, summary, description, bad, good, api, check, enforced_by)

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
) -> Rule:
    """A rule enforced by the schemas or the readers, with no function of its own."""
    return Rule(id, name, severity, summary, description, bad, good, api, None, enforced_by)


def m(en: str, zh: str) -> Message:
    return Message(en, zh)


def is_int(value: object) -> bool:
    """An integer as the API reads one: not a boolean, not a float such as 40.0."""
    return isinstance(value, int) and not isinstance(value, bool)
