"""Which rules a run actually runs: context rules only with the part of the context they read, policy rules
only with their setting, and nothing that select/ignore turns off. Reports that list rules (JUnit) list
these, so a rule that never ran is never shown as passed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from validator.rules import registry
from validator.rules.base import Rule
from validator.settings import Settings

if TYPE_CHECKING:
    from validator.instance.context import Context

# The policy setting each policy rule reads; the rule runs only when it is set.
POLICY_SETTING = {
    "P01": "allowed_disk_types",
    "P02": "max_disk_size_gb",
    "P03": "max_total_disk_size_gb",
    "P04": "max_data_disks",
    "P05": "require_encryption",
    "P06": "name_pattern",
    "P07": "require_description",
    "P08": "require_auto_delete",
}
# The part of the instance context each context rule reads (the others read the instance description).
CONTEXT_PART = {"C68": "snapshots", "C69": "snapshots", "C70": "quotas"}
# Rules checked without a context that still report only with the instance description (catalogue: "C39
# only where it can matter").
NEEDS_INSTANCE = frozenset({"C39"})
# Rules about YAML text: its scalars (C06) and its suppression comments (S01, S02). JSON has neither.
YAML_ONLY = frozenset({"C06", "S01", "S02"})


def _runs(rule: Rule, settings: Settings, context: Context | None) -> bool:
    if rule.id in NEEDS_INSTANCE:
        return context is not None and context.instance is not None
    if rule.enforced_by == "policy":
        return getattr(settings.policy, POLICY_SETTING[rule.id]) not in (None, False)
    if rule.enforced_by == "context":
        return context is not None and getattr(context, CONTEXT_PART.get(rule.id, "instance")) is not None
    return True


def rules_that_run(
    settings: Settings, context: Context | None = None, path: str | None = None, *, read: bool = True
) -> tuple[Rule, ...]:
    """The rules a check of `path` runs under `settings` and `context`, in catalogue order. A file that could
    not be `read` (a C01 finding) ran C01 alone; a JSON file runs no YAML rule."""
    json_file = path is not None and path.lower().endswith(".json")
    return tuple(
        rule
        for rule in registry.RULES
        if (rule.id == "C01" or read)
        and not (json_file and rule.id in YAML_ONLY)
        and _runs(rule, settings, context)
        and settings.enabled(rule.id, path)
    )
