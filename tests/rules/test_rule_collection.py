"""The registry collects the rules from the modules of `validator.rules`: every rule defined is collected,
none twice, and a rule module added without any registration is collected, run, listed and documented."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import validator.rules as rules_package
from tests.helpers import ROOT
from tests.rules.rule_modules import EXTRA_RULE, write_module
from validator.rules import reference, registry
from validator.rules.base import Rule

RULES_DIR = ROOT / "validator" / "rules"


def _module_level_rules() -> dict[int, Rule]:
    found: dict[int, Rule] = {}
    for info in pkgutil.walk_packages(rules_package.__path__, "validator.rules."):
        for value in vars(importlib.import_module(info.name)).values():
            if isinstance(value, Rule):
                found[id(value)] = value
    return found


def test_the_collected_rules_are_every_module_level_rule_of_every_rule_module() -> None:
    assert {id(rule) for rule in registry.RULES} == set(_module_level_rules())


def test_every_rule_definition_in_the_source_is_collected() -> None:
    """Counted from the text, independently of any import: `@rule(` decorators and `declare(` calls."""
    sources = [path.read_text(encoding="utf-8") for path in RULES_DIR.rglob("*.py") if path.name != "base.py"]
    defined = sum(len(re.findall(r"^@rule\(|^\w+ = declare\(", text, flags=re.MULTILINE)) for text in sources)
    assert defined == len(registry.RULES)


def test_collection_finds_no_duplicate_id() -> None:
    ids = [rule.id for rule in registry.RULES]
    assert len(ids) == len(set(ids))
    assert set(registry.BY_ID) == set(ids)


def test_the_rules_are_in_id_order_c_then_p_then_s_numerically() -> None:
    keys = [("CPS".index(rule.id[0]), int(rule.id[1:])) for rule in registry.RULES]
    assert keys == sorted(keys)


def test_each_rule_knows_the_module_it_is_defined_in() -> None:
    modules = registry.collected().modules
    assert modules["C43"] == "validator.rules.disk_spec.c43_disk_size"
    for rule in registry.RULES:
        assert (ROOT / reference.defined_in(rule.id)).is_file(), rule.id


def test_a_rule_module_added_in_a_sub_package_is_collected_without_registration(extra_rules_dir: Path) -> None:
    assert "C99" not in registry.BY_ID
    write_module(extra_rules_dir, "extra_area", "c99_added_rule", EXTRA_RULE)
    registry.clear_cache()
    assert registry.BY_ID["C99"].name == "added-rule"
    assert registry.RULES[-1].id == "S02"  # in id order, not in the order the modules were found
    assert [rule.id for rule in registry.RULES].index("C99") == [rule.id for rule in registry.RULES].index("P01") - 1


def test_collection_refuses_two_rules_with_one_id(extra_rules_dir: Path) -> None:
    write_module(extra_rules_dir, None, "extra_c43_again", EXTRA_RULE.replace('"C99"', '"C43"'))
    registry.clear_cache()
    with pytest.raises(registry.DuplicateRule, match="C43 is defined twice"):
        registry.collected()
