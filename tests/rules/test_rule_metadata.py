"""The rule registry is complete, documented and bilingual; the schemas are valid and shipped."""

from __future__ import annotations

import json
import re

import pytest
from jsonschema import Draft202012Validator

from tests.helpers import ROOT
from validator.rules import registry
from validator.schema import schemas

CATALOGUE = [f"C0{i}" for i in range(1, 7)] + [f"C1{i}" for i in range(3)] + [f"C2{i}" for i in range(4)]
CATALOGUE += [f"C3{i}" for i in range(10)] + [f"C4{i}" for i in range(9)] + [f"C{n}" for n in range(60, 73)]


POLICIES = [f"P0{i}" for i in range(1, 9)]


def test_every_catalogue_constraint_has_a_rule_then_policies_then_suppressions() -> None:
    assert [rule.id for rule in registry.RULES] == [*CATALOGUE, *POLICIES, "S01", "S02"]
    assert [rule.constraint for rule in registry.RULES if rule.constraint] == CATALOGUE


def test_rule_ids_and_names_are_unique() -> None:
    assert len({rule.name for rule in registry.RULES}) == len(registry.RULES)


@pytest.mark.parametrize("rule", registry.RULES, ids=[rule.id for rule in registry.RULES])
def test_every_rule_is_documented_in_both_languages(rule: registry.Rule) -> None:
    for text in (rule.summary, rule.description):
        assert text.en.strip()
        assert text.zh.strip()
        assert re.search(r"[\u4e00-\u9fff]", text.zh), text.zh
    assert rule.bad
    assert rule.good
    assert rule.bad != rule.good


def test_the_rule_table_of_what_is_checked_lists_every_rule() -> None:
    page = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([CPS]\d\d) \| `([a-z-]+)` \| (\w+) \|", page, flags=re.MULTILINE)
    assert rows == [(rule.id, rule.name, rule.severity.label) for rule in registry.RULES]


@pytest.mark.parametrize("name", schemas.SCHEMA_FILES)
def test_schemas_are_valid_draft_2020_12(name: str) -> None:
    Draft202012Validator.check_schema(schemas.load(name))


@pytest.mark.parametrize("name", schemas.SCHEMA_FILES)
def test_schema_rule_annotations_name_real_rules(name: str) -> None:
    text = json.dumps(schemas.load(name))
    for rule_id in re.findall(r'"x-(?:type-)?rule": "(C\d\d)"', text):
        assert rule_id in registry.BY_ID


def test_schema_files_are_the_top_level_folder() -> None:
    assert sorted(p.name for p in (ROOT / "schemas").glob("*.json")) == sorted(schemas.SCHEMA_FILES)
