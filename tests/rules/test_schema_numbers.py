"""The numbers both the schemas and the rules speak of are the schemas': the rules read them, and what
the rules say (summaries, fixes, examples) follows them."""

from __future__ import annotations

import re

from tests.helpers import ROOT, findings, with_disk
from validator.rules import registry
from validator.rules.devices import facts as devices
from validator.rules.disk_spec import facts as disk_spec
from validator.rules.names import facts as names
from validator.rules.path import facts as path
from validator.schema import schemas


def test_disk_size_range_is_the_schemas() -> None:
    disk = schemas.load(schemas.DISK)
    assert disk["properties"]["diskSizeGB"]["minimum"] == disk_spec.SIZE_MIN
    assert disk["else"]["properties"]["diskSizeGB"]["maximum"] == disk_spec.SIZE_MAX
    assert disk["then"]["properties"]["diskSizeGB"]["maximum"] == disk_spec.UNLISTED_SIZE_MAX
    assert disk["if"]["properties"]["diskType"]["enum"] == list(disk_spec.UNLISTED_DISK_TYPES)


def test_name_and_description_lengths_are_the_schemas() -> None:
    for form in (schemas.PARAMETERS, schemas.BODY):
        properties = schemas.load(form)["properties"]
        assert (
            properties["name"]["minLength"],
            properties["name"]["maxLength"],
        ) == (names.NAME_MIN_LENGTH, names.NAME_MAX_LENGTH)
        assert properties["description"]["maxLength"] == names.DESCRIPTION_MAX_LENGTH


def test_the_entry_limit_is_the_schemas() -> None:
    for form in (schemas.PARAMETERS, schemas.BODY):
        assert schemas.load(form)["properties"]["dataDisks"]["maxItems"] == devices.MAX_ENTRIES


def test_the_region_form_is_the_schemas_pattern() -> None:
    assert path.REGION_PATTERN.pattern == schemas.load(schemas.PARAMETERS)["properties"]["regionId"]["pattern"]
    assert path.REGION_PATTERN.search("cn-north-1")
    assert not path.REGION_PATTERN.search("cn-north-1\n")


def test_the_rules_texts_follow_the_schemas_numbers() -> None:
    by_id = registry.BY_ID
    assert f"[{disk_spec.SIZE_MIN}, {disk_spec.SIZE_MAX}]" in by_id["C43"].summary.en
    assert by_id["C43"].fix is not None
    assert f"[{disk_spec.SIZE_MIN}, {disk_spec.SIZE_MAX}]" in by_id["C43"].fix.how.en
    assert f"{names.NAME_MIN_LENGTH} to {names.NAME_MAX_LENGTH}" in by_id["C21"].summary.en
    assert str(names.DESCRIPTION_MAX_LENGTH) in by_id["C23"].summary.en
    assert f"<{names.DESCRIPTION_MAX_LENGTH + 1} characters>" in by_id["C23"].bad
    assert f"at most {devices.MAX_ENTRIES} entries" in by_id["C38"].summary.en


def test_the_schema_range_and_the_rule_step_meet_at_the_same_bounds() -> None:
    """At the schema's bounds the step rule and the schema agree: one finding, never two."""
    low, high, step = disk_spec.SIZE_MIN, disk_spec.SIZE_MAX, disk_spec.SIZE_STEP
    for size, expected in ((low, []), (high, []), (low - step, ["C43"]), (high + step, ["C43"]), (high - 5, ["C43"])):
        assert [f.rule for f in findings(with_disk(diskType="ssd.gp1", diskSizeGB=size))] == expected, size


def test_no_rule_module_writes_a_number_the_schemas_hold() -> None:
    """Limits the schemas hold are read from them: none is written again as a literal in validator/rules/."""
    held: set[int] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("minimum", "maximum", "minLength", "maxLength", "maxItems") and isinstance(value, int):
                    held.add(value)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for name in schemas.SCHEMA_FILES:
        if name != schemas.CONFIG:
            walk(schemas.load(name))
    held -= {0, 1, 2}  # too common to tell apart from counts and positions
    for module in (ROOT / "validator" / "rules").rglob("*.py"):
        code = re.sub(r"(?s)'[^'\n]*'|\"[^\"\n]*\"", "", module.read_text(encoding="utf-8"))  # strings aside
        written = {int(number) for number in re.findall(r"(?<![\w.])\d+(?![\w.])", code)}
        assert not (written & held) - UNRELATED.get(module.name, set()), (module.name, written & held)


# Numbers that happen to equal a schema limit but mean something else.
UNRELATED = {
    "c06_yaml_version.py": {64},  # the bits of the widest integer a fix writes out
    "facts.py": {32000},  # ssd.io1's IOPS cap, which happens to equal ssd.gp2's largest size
}
