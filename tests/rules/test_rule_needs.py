"""When a rule runs is decided once, from what it declares it needs: the engine's checks and the rules a
report lists as run (JUnit) ask the same function, so they agree for every combination of context parts,
policy settings and file kinds."""

from __future__ import annotations

import itertools

import attrs
import pytest

from validator import check_create_image
from validator.core.policy import Policy
from validator.instance.context import Attachment, Context, Instance, Quota, Snapshot
from validator.rules import registry
from validator.rules.base import CONTEXT_PARTS, Available, Given, runs
from validator.rules.rules_run import rules_that_run
from validator.settings import Settings

INSTANCE = Instance("i-eumm7k2qd6", "running", Attachment("vda", "cloud", "attached"))
PARTS = {
    "instance": INSTANCE,
    "snapshots": (Snapshot("snapshot-ab12cd34ef", 100),),
    "quotas": (Quota("image", 10, 1),),
}
POLICIES = [
    Policy(),
    Policy(max_data_disks=4, require_description=True),
    Policy(allowed_disk_types=("ssd.gp1",), max_disk_size_gb=100, max_total_disk_size_gb=200),
    Policy(require_encryption=True, name_pattern="^web", require_auto_delete=True),
]


def _contexts() -> list[Context | None]:
    contexts: list[Context | None] = [None]
    for size in range(len(PARTS) + 1):
        for parts in itertools.combinations(PARTS, size):
            contexts.append(Context(**{part: PARTS[part] for part in parts}))  # type: ignore[arg-type]
    return contexts


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("context", _contexts())
def test_the_engine_runs_exactly_the_checks_the_reports_list(policy: Policy, context: Context | None) -> None:
    checked = {rule.id for rule in registry.checks_for(Given(policy, context))}
    listed = {rule.id for rule in rules_that_run(Settings(policy=policy), context, "request.yaml")}
    assert checked == {rule_id for rule_id in listed if registry.BY_ID[rule_id].check is not None}


def _ran(context: Context | None = None, policy: Policy | None = None, path: str = "r.yaml") -> set[str]:
    return {rule.id for rule in rules_that_run(Settings(policy=policy or Policy()), context, path)}


def test_c39_runs_only_with_an_instance_description() -> None:
    assert "C39" not in _ran()
    assert "C39" not in _ran(Context(snapshots=PARTS["snapshots"], quotas=PARTS["quotas"]))  # type: ignore[arg-type]
    assert "C39" in _ran(Context(instance=INSTANCE))


def test_snapshot_and_quota_rules_need_their_own_part() -> None:
    assert not {"C68", "C69", "C70"} & _ran(Context(instance=INSTANCE))
    assert {"C68", "C69"} <= _ran(Context(snapshots=PARTS["snapshots"]))  # type: ignore[arg-type]
    assert "C70" not in _ran(Context(snapshots=PARTS["snapshots"]))  # type: ignore[arg-type]
    assert "C70" in _ran(Context(quotas=PARTS["quotas"]))  # type: ignore[arg-type]


def test_instance_rules_need_the_instance_description() -> None:
    instance_rules = {f"C6{n}" for n in range(8)}
    assert not instance_rules & _ran(Context(snapshots=PARTS["snapshots"]))  # type: ignore[arg-type]
    assert instance_rules <= _ran(Context(instance=INSTANCE))


def test_each_policy_rule_needs_its_own_setting() -> None:
    assert not {rule_id for rule_id in _ran() if rule_id.startswith("P")}
    assert {rule_id for rule_id in _ran(policy=Policy(max_data_disks=4)) if rule_id.startswith("P")} == {"P04"}
    assert "P05" not in _ran(policy=Policy(require_encryption=False))


def test_a_zero_limit_is_a_setting_so_its_rule_runs_and_is_listed() -> None:
    """0 is a limit (max-data-disks = 0: no data disk may be kept), not an unset setting: the rule reports,
    so a report must list it as run."""
    policy = Policy(max_data_disks=0)
    assert "P04" in _ran(policy=policy)
    report = check_create_image(
        {"name": "web", "dataDisks": [{"deviceName": "vdb", "autoDelete": True}]}, settings=Settings(policy=policy)
    )
    assert [f.rule for f in report.findings] == ["P04"]


def test_yaml_rules_do_not_run_on_json_and_an_unread_file_runs_only_c01() -> None:
    assert {"C06", "S01", "S02"} <= _ran(path="r.yaml")
    assert not {"C06", "S01", "S02"} & _ran(path="r.json")
    unread = {rule.id for rule in rules_that_run(Settings(), None, "r.json", read=False)}
    assert unread == {"C01"}


def test_what_a_rule_declares_agrees_with_how_it_is_listed() -> None:
    policy_fields = {field.name for field in attrs.fields(Policy)}
    for rule in registry.RULES:
        needs = rule.needs
        assert (rule.enforced_by == "policy") == (needs.policy is not None), rule.id
        assert needs.policy is None or needs.policy in policy_fields, rule.id
        assert needs.context <= set(CONTEXT_PARTS), rule.id
        if rule.enforced_by == "context":
            assert needs.context, rule.id


def test_every_context_part_a_rule_may_need_is_a_context_attribute() -> None:
    context = Context()
    for part in CONTEXT_PARTS:
        if part != "snapshot_quota" or hasattr(context, part):
            assert getattr(context, part) is None


def test_runs_needs_every_declared_part() -> None:
    rule = registry.BY_ID["C68"]
    assert runs(rule, Available(context=frozenset({"snapshots"})))
    assert not runs(rule, Available(context=frozenset({"instance", "quotas"})))
