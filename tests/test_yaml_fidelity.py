"""YAML read as the senders' PyYAML reads it (catalogue, Further decisions: "YAML as the senders read it"):
merge keys applied, explicit keys winning, and findings on values that arrive through an alias or a merge
placed where the author wrote that alias, with the pointer of where the value lands."""

from __future__ import annotations

import textwrap

import pytest
import yaml

from tests.helpers import api_of
from validator import Finding, check_create_image
from validator.readers import Document, read


def _check(text: str) -> tuple[Finding, ...]:
    return check_create_image(textwrap.dedent(text), filename="r.yaml").findings


def _place(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based (line, column) of the `occurrence`-th `needle` in the dedented text."""
    text = textwrap.dedent(text)
    offset = -1
    for _ in range(occurrence):
        offset = text.index(needle, offset + 1)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


SMALL = """\
    x-small: &small {diskType: ssd.gp1, diskSizeGB: 45}
    name: web
    dataDisks:
      - deviceName: vdb
        cloudDiskSpec: {<<: *small}
    """


def test_merged_size_is_checked_and_placed_at_the_alias() -> None:
    # The case: before, "unknown key <<" and "sets neither diskType nor snapshotId" instead of C43.
    found = [f for f in _check(SMALL) if f.rule != "C04"]  # x-small itself is an unknown top-level key
    assert [(f.rule, f.pointer, api_of(f)) for f in found] == [
        (
            "C43",
            "/dataDisks/0/cloudDiskSpec/diskSizeGB",
            (400, "OUT_OF_RANGE", "DataDisks.CloudDiskSpec.DiskSizeGB out of range"),
        )
    ]
    assert (found[0].line, found[0].column) == _place(SMALL, "*small")


def test_explicit_key_wins_over_the_merged_one() -> None:
    text = SMALL.replace("{<<: *small}", "{<<: *small, diskSizeGB: 50}")
    assert [f.rule for f in _check(text)] == ["C04"]
    text = SMALL.replace("{<<: *small}", "{diskSizeGB: 55, <<: *small}")  # order does not matter
    c43 = [f for f in _check(text) if f.rule == "C43"]
    assert [(f.message, (f.line, f.column)) for f in c43] == [
        ("diskSizeGB 55 is not a multiple of 10", _place(text, "55"))
    ]


def test_first_listed_mapping_wins_in_a_merge_list() -> None:
    text = """\
        x-a: &a {diskType: ssd.gp1}
        x-b: &b {diskType: premium-hdd, diskSizeGB: 40}
        name: web
        dataDisks:
          - deviceName: vdb
            cloudDiskSpec:
              <<: [*a, *b]
        """
    document = read(textwrap.dedent(text), "r.yaml")
    assert isinstance(document, Document)
    assert document.root["dataDisks"][0]["cloudDiskSpec"] == {"diskType": "ssd.gp1", "diskSizeGB": 40}  # type: ignore[index]
    assert {f.rule for f in _check(text)} == {"C04"}
    # With the legacy type first, C41 fires, placed at the alias that brought it.
    swapped = text.replace("[*a, *b]", "[*b, *a]")
    c41 = [f for f in _check(swapped) if f.rule == "C41"]
    assert [(f.pointer, (f.line, f.column)) for f in c41] == [
        ("/dataDisks/0/cloudDiskSpec/diskType", _place(swapped, "*b"))
    ]


def test_inline_merged_mapping_keeps_its_own_positions() -> None:
    text = """\
        name: web
        dataDisks:
          - deviceName: vdb
            cloudDiskSpec:
              <<: {diskType: ssd.gp1,
                   diskSizeGB: 45}
        """
    (c43,) = [f for f in _check(text) if f.rule == "C43"]
    assert (c43.line, c43.column) == _place(text, "45")


def test_duplicate_made_by_an_alias_points_at_the_alias() -> None:
    # Before: the C32 finding pointed at the anchored first entry.
    text = """\
        name: web
        dataDisks:
          - &d {deviceName: vdc, noDevice: true}
          - *d
        """
    (c32,) = _check(text)
    assert (c32.rule, c32.pointer) == ("C32", "/dataDisks/1/deviceName")
    assert (c32.line, c32.column) == _place(text, "*d")


def test_a_value_copied_by_an_alias_is_placed_at_each_alias() -> None:
    text = """\
        name: web
        dataDisks:
          - {deviceName: vdb, cloudDiskSpec: &big {diskType: ssd.gp1, diskSizeGB: 20000}}
          - {deviceName: vdc, cloudDiskSpec: *big}
        """
    places = sorted((f.pointer, f.line, f.column) for f in _check(text) if f.rule == "C43")
    assert places == [
        ("/dataDisks/0/cloudDiskSpec/diskSizeGB", *_place(text, "20000")),
        ("/dataDisks/1/cloudDiskSpec/diskSizeGB", *_place(text, "*big")),
    ]


def test_duplicate_keys_of_an_aliased_mapping_are_reported_once_where_written() -> None:
    text = """\
        name: web
        dataDisks:
          - &d {deviceName: vdc, autoDelete: true, autoDelete: false}
          - {deviceName: vdd, cloudDiskSpec: {diskType: ssd.gp1, diskSizeGB: 40}, <<: *d}
        """
    c02 = [f for f in _check(text) if f.rule == "C02"]
    assert [(f.pointer, f.line) for f in c02] == [("/dataDisks/0/autoDelete", 3)]


@pytest.mark.parametrize(
    "text",
    [
        "a: &a {x: 1, y: 2}\nb: {<<: *a, y: 3}\n",
        "a: &a {x: 1}\nb: &b {y: 2}\nc: {<<: [*a, *b], z: 3}\n",
        "a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc: {<<: *b}\n",
        "a: {<<: {x: 1}, x: 2}\n",
        "a: &a [1, 2]\nb: *a\nc: [*a, *a]\n",
    ],
)
def test_values_equal_what_pyyaml_loads(text: str) -> None:
    document = read(text, "r.yaml")
    assert isinstance(document, Document)
    assert document.root == yaml.safe_load(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("name: web\nx: {<<: 3}\n", "merge key"),
        ("name: web\nx: {<<: [1]}\n", "merge key"),
        ("name: web\nx: &x {<<: *x}\n", "refers to the mapping"),
        ("name: *nowhere\n", "undefined alias"),
        ("a: &x 1\nb: &x 2\n", "duplicate anchor"),
    ],
)
def test_bad_merges_and_aliases_are_c01_not_crashes(text: str, words: str) -> None:
    (finding,) = check_create_image(text, filename="r.yaml").findings
    assert finding.rule == "C01"
    assert words in finding.message


def test_merge_bomb_is_refused() -> None:
    lines = ["a0: &a0 {k: 1, j: 2}"]
    for level in range(1, 25):
        lines.append(f"a{level}: &a{level} {{<<: [{', '.join([f'*a{level - 1}'] * 8)}]}}")
    (finding,) = check_create_image("\n".join(lines) + "\nname: web\n", filename="r.yaml").findings
    assert finding.rule == "C01"
    assert "expands" in finding.message


def test_long_merge_chain_is_refused_not_a_crash() -> None:
    lines = ["a0: &a0 {k: 1}"] + [f"a{i}: &a{i} {{<<: *a{i - 1}}}" for i in range(1, 200)]
    (finding,) = check_create_image("\n".join(lines) + "\n", filename="r.yaml").findings
    assert finding.rule == "C01"
    assert "merge keys" in finding.message
