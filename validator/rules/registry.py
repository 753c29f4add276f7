"""The explicit list of rules, in catalogue order."""

from __future__ import annotations

import functools
from collections.abc import Mapping

from validator.rules import devices, disk_spec, document, instance, names, path, policies
from validator.rules.base import Rule

RULES: tuple[Rule, ...] = (
    document.PARSE,
    document.duplicate_keys,
    document.TYPES,
    document.unknown_keys,
    document.key_spelling,
    document.yaml_version,
    path.REGION_FORMAT,
    path.region_known,
    path.instance_id,
    names.NAME_REQUIRED,
    names.NAME_LENGTH,
    names.name_characters,
    names.DESCRIPTION_LENGTH,
    devices.DATA_DISKS_SHAPE,
    devices.device_name,
    devices.duplicate_device,
    devices.exclude_needs_device,
    devices.excluded_with_settings,
    devices.entry_does_nothing,
    devices.new_disk_without_device,
    devices.DISK_CATEGORY,
    devices.TOO_MANY_ENTRIES,
    devices.auto_delete_scope,
    disk_spec.new_disk_type,
    disk_spec.disk_type,
    disk_spec.new_disk_size,
    disk_spec.disk_size_step,
    disk_spec.iops_ignored,
    disk_spec.iops_range,
    disk_spec.snapshot_id,
    disk_spec.encrypt_with_snapshot,
    disk_spec.ignored_disk_fields,
    instance.context_instance,
    instance.instance_status,
    instance.local_system_disk_running,
    instance.system_disk_present,
    instance.system_disk_attached,
    instance.no_shrink,
    instance.disk_steady,
    instance.exclude_unattached,
    instance.snapshot_exists,
    instance.snapshot_size,
    instance.image_quota,
    policies.disk_types,
    policies.disk_size,
    policies.total_size,
    policies.data_disks,
    policies.encryption,
    policies.name_pattern,
    policies.description,
    policies.auto_delete,
    document.UNUSED_SUPPRESSION,
    document.MALFORMED_SUPPRESSION,
)

BY_ID: Mapping[str, Rule] = {rule.id: rule for rule in RULES}


@functools.cache
def checks_for(has_context: bool, has_policy: bool) -> tuple[Rule, ...]:
    """The rules with a check function worth calling: instance rules need a context, policy rules a policy."""
    return tuple(
        rule
        for rule in RULES
        if rule.check is not None
        and (has_context or rule.enforced_by != "context")
        and (has_policy or rule.enforced_by != "policy")
    )


def get(rule_id: str) -> Rule | None:
    """A rule by id, case-insensitively (`c31` finds C31)."""
    return BY_ID.get(rule_id.upper())


def unmatched(prefixes: tuple[str, ...] | list[str]) -> list[str]:
    """The rule id prefixes that match no rule (a typo such as C4X or zzz); "" matches every rule."""
    return [prefix for prefix in prefixes if not any(rule.id.startswith(prefix.upper()) for rule in RULES)]


def _known_ids() -> str:
    """How rule ids look, for messages: each letter's first and last id."""
    spans = []
    for letter in sorted({rule.id[0] for rule in RULES}):
        ids = sorted(rule.id for rule in RULES if rule.id.startswith(letter))
        spans.append(f"{ids[0]}-{ids[-1]}" if len(ids) > 1 else ids[0])
    return "known prefixes: " + ", ".join(spans) + ", or a shorter prefix such as C3 or P"


KNOWN_IDS = _known_ids()
