"""A run with no context and no policy collects only the rules it can run: the area packages that say
`COLLECTED_WITH` are collected when a run has what their rules need, or every rule is asked for."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from tests.helpers import modules_after
from tests.rules.rule_modules import EXTRA_RULE, write_module
from validator.core.policy import Policy
from validator.rules import registry
from validator.rules.base import Available, Given, runs

AREAS = {"validator.rules.instance": "context", "validator.rules.policies": "policy"}


@pytest.mark.parametrize("package", sorted(AREAS))
def test_the_instance_and_policy_packages_are_collected_only_with_their_need(package: str) -> None:
    assert AREAS[package] == importlib.import_module(package).COLLECTED_WITH


def test_every_rule_of_a_package_collected_with_a_need_has_that_need() -> None:
    """So leaving the package out never leaves out a rule that would have run."""
    modules = registry.collected().modules
    for rule in registry.RULES:
        kind = next((k for package, k in AREAS.items() if modules[rule.id].startswith(package + ".")), None)
        if kind == "context":
            assert rule.needs.context, rule.id
        elif kind == "policy":
            assert rule.needs.policy is not None, rule.id


def test_the_least_collection_is_every_rule_outside_those_packages() -> None:
    modules = registry.collected().modules
    least = registry.collected(registry.KINDS).rules
    expected = [r for r in registry.RULES if not modules[r.id].startswith(tuple(p + "." for p in AREAS))]
    assert list(least) == expected
    assert {"C60", "P01"} & {rule.id for rule in least} == set()
    assert {"C01", "C30", "C48", "S02"} <= {rule.id for rule in least}


@pytest.mark.parametrize(
    "given",
    [
        Given(),
        Given(Policy(max_data_disks=2)),
        Given(Policy(require_encryption=True)),
    ],
)
def test_the_checks_of_a_run_are_the_full_collection_filtered_by_what_it_has(given: Given) -> None:
    available = Available.of(given.policy, given.context)
    expected = tuple(rule for rule in registry.RULES if rule.check is not None and runs(rule, available))
    registry.clear_cache()
    assert registry.checks_for(given) == expected


def test_a_rule_by_id_is_found_in_any_package() -> None:
    registry.clear_cache()
    assert registry.rule_of("C43").name == registry.BY_ID["C43"].name
    assert registry.rule_of("P01") is registry.BY_ID["P01"]
    assert registry.get("c60") is registry.BY_ID["C60"]
    with pytest.raises(KeyError):
        registry.rule_of("c43")  # exact ids only
    with pytest.raises(KeyError):
        registry.rule_of("C59")
    assert registry.get("C59") is None


def test_a_package_added_with_a_need_is_left_out_of_the_least_collection(extra_rules_dir: Path) -> None:
    write_module(extra_rules_dir, "extra_area", "c99_added_rule", EXTRA_RULE)
    (extra_rules_dir / "extra_area" / "__init__.py").write_text('COLLECTED_WITH = "policy"\n')
    registry.clear_cache()
    assert "C99" in registry.BY_ID
    assert "C99" not in registry.collected(registry.KINDS).by_id
    assert registry.rule_of("C99").name == "added-rule"


def test_a_check_without_context_or_policy_imports_no_instance_or_policy_rule() -> None:
    modules = modules_after('from validator import check_create_image\ncheck_create_image({"name": "web"})')
    assert not [m for m in modules if m.startswith(("validator.rules.instance.c", "validator.rules.policies.p"))]
    assert "validator.rules.names.c20_name_required" in modules


def test_a_check_with_a_policy_imports_the_policy_rules_and_runs_them() -> None:
    code = (
        "from validator import check_create_image, Settings\nfrom validator.core.policy import Policy\n"
        "r = check_create_image({'name': 'web'},"
        " settings=Settings(policy=Policy(require_description=True)))\n"
        "assert [f.rule for f in r.findings] == ['P07'], r.findings"
    )
    modules = modules_after(code)
    assert "validator.rules.policies.p07_description" in modules
    assert not [m for m in modules if m.startswith("validator.rules.instance.c")]


def test_a_policy_that_cannot_be_hashed_still_gets_its_checks() -> None:
    """A policy built in Python with a list (not a tuple) is looked up without the cache."""
    listed = Given(Policy(allowed_disk_types=["ssd.gp1"]))  # type: ignore[arg-type]
    assert "P01" in [rule.id for rule in registry.checks_for(listed)]
    assert registry.checks_for(listed) == registry.checks_for(Given(Policy(allowed_disk_types=("ssd.gp1",))))
