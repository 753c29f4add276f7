"""Which rules a run actually runs: each rule's declared needs (base.runs decides, as for the engine's
checks) and nothing that select/ignore turns off. Reports that list rules (JUnit) list these, so a rule that
never ran is never shown as passed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from validator.rules import registry
from validator.rules.base import Available, Rule, runs
from validator.settings import Settings

if TYPE_CHECKING:
    from validator.instance.context import Context


def rules_that_run(
    settings: Settings, context: Context | None = None, path: str | None = None, *, read: bool = True
) -> tuple[Rule, ...]:
    """The rules a check of `path` runs under `settings` and `context`, in rule id order. A file that could
    not be `read` ran only the rule that reports that; a JSON file runs no rule about YAML text."""
    json_file = path is not None and path.lower().endswith(".json")
    available = Available.of(settings.policy, context, yaml_text=not json_file, document=read)
    return tuple(rule for rule in registry.RULES if runs(rule, available) and settings.enabled(rule.id, path))
