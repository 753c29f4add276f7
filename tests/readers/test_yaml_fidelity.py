"""YAML read as the senders' PyYAML reads it (docs/decisions.md#yaml-merge):
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
    # The maps disagree on diskType: C06 says so (docs/decisions.md#merged-maps); the first map's is checked.
    assert {f.rule for f in _check(text)} == {"C04", "C06"}
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


# C06: plain scalars that YAML 1.1 (PyYAML) and YAML 1.2 loaders read differently.
def _c06(value: str, field: str = "noDevice") -> list[Finding]:
    entry = {
        "noDevice": f"{{deviceName: vdc, noDevice: {value}}}",
        "autoDelete": f"{{deviceName: vdc, autoDelete: {value}}}",
        "diskSizeGB": f"{{deviceName: vdh, cloudDiskSpec: {{diskType: ssd.gp1, diskSizeGB: {value}}}}}",
    }[field]
    text = f"name: web\ndataDisks:\n  - {entry}\n"
    return [f for f in check_create_image(text, filename="r.yaml").findings if f.rule == "C06"]


@pytest.mark.parametrize(
    ("value", "field", "words"),
    [
        ("yes", "noDevice", ["read as true by YAML 1.1", 'string "yes" by YAML 1.2', "write true"]),
        ("On", "autoDelete", ["read as true", 'string "On"', "write true"]),
        ("OFF", "autoDelete", ["read as false", "write false"]),
        ("no", "noDevice", ["read as false"]),
        ("y", "noDevice", ['read as the string "y" by PyYAML', "as true by other YAML 1.1 loaders", "write true"]),
        ("N", "noDevice", ['string "N"', "as false by other YAML 1.1"]),
        ("yEs", "noDevice", ['string "yEs"', "write true"]),
        ("0100", "diskSizeGB", ["read as 64 (octal)", "as 100 by YAML 1.2", "write 64 or 100"]),
        ("010", "diskSizeGB", ["read as 8 (octal)", "as 10 by YAML 1.2"]),
        ("09", "diskSizeGB", ['read as the string "09"', "number 9 by YAML 1.2", "write 9"]),
        ("1:30", "diskSizeGB", ["read as 90 (base 60)", 'string "1:30" by YAML 1.2', "write 90"]),
        # Numbers only one of the two reads (docs/decisions.md#yaml-1-1: any plain scalar they read differently).
        ("1_000", "diskSizeGB", ["read as the number 1000 by YAML 1.1", 'string "1_000" by YAML 1.2', "write 1000"]),
        ("0b10100", "diskSizeGB", ["read as the number 20 by YAML 1.1", 'string "0b10100" by YAML 1.2', "write 20"]),
        ("-0b1", "diskSizeGB", ["read as the number -1 by YAML 1.1", 'string "-0b1"']),
        ("1_0.5", "diskSizeGB", ["read as the number 10.5", 'string "1_0.5" by YAML 1.2']),
        ("0o24", "diskSizeGB", ['read as the string "0o24" by YAML 1.1', "number 20 by YAML 1.2", "write 20"]),
        ("1e2", "diskSizeGB", ['read as the string "1e2" by YAML 1.1', "number 100 by YAML 1.2", "write 100"]),
        ("1.0e2", "diskSizeGB", ['string "1.0e2" by YAML 1.1', "number 100 by YAML 1.2"]),
        ("2.5e1", "diskSizeGB", ['string "2.5e1" by YAML 1.1', "number 25 by YAML 1.2"]),
    ],
)
def test_c06_says_how_each_loader_reads_it(value: str, field: str, words: list[str]) -> None:
    (finding,) = _c06(value, field)
    assert (finding.severity.label, finding.api) == ("warning", None)
    for word in words:
        assert word in finding.message, finding.message


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ("true", "noDevice"),
        ("false", "autoDelete"),
        ("True", "noDevice"),  # boolean in YAML 1.1 and in YAML 1.2's core schema alike
        ('"yes"', "noDevice"),
        ("'on'", "autoDelete"),
        ("100", "diskSizeGB"),
        ("0", "diskSizeGB"),
        ('"0100"', "diskSizeGB"),
        ("90", "diskSizeGB"),
        ('"1:30"', "diskSizeGB"),
        # Read alike by both: hexadecimal, decimals with a dot, signed exponents with a dot, quoted numbers.
        ("0x1A", "diskSizeGB"),
        ("1.5", "diskSizeGB"),
        (".5", "diskSizeGB"),
        ("1.0e+2", "diskSizeGB"),
        ("2.5E-1", "diskSizeGB"),  # PyYAML's float needs a dot and a signed exponent: this one has both
        ('"1_000"', "diskSizeGB"),
        ("'1e2'", "diskSizeGB"),
    ],
)
def test_c06_other_side_unambiguous_scalars(value: str, field: str) -> None:
    assert _c06(value, field) == []


def test_c06_value_is_checked_as_pyyaml_reads_it() -> None:
    text = "name: web\ndataDisks:\n  - {deviceName: vdh, cloudDiskSpec: {diskType: ssd.gp1, diskSizeGB: 0100}}\n"
    found = {(f.rule, f.message) for f in check_create_image(text, filename="r.yaml").findings}
    assert ("C43", "diskSizeGB 64 is not a multiple of 10") in found  # 0100 is 64 to PyYAML
    excluded = check_create_image("name: web\ndataDisks:\n  - {deviceName: vdc, noDevice: yes}\n", filename="r.yaml")
    assert [f.rule for f in excluded.findings] == ["C06"]  # read as true: a valid exclusion, no C03, no C35
    sexagesimal = "name: web\ndataDisks:\n  - {deviceName: vdh, cloudDiskSpec: {diskType: ssd.gp1, diskSizeGB: 1:30}}\n"
    assert [f.rule for f in check_create_image(sexagesimal, filename="r.yaml").findings] == ["C06"]  # 90 GiB


def test_c06_timestamp_stays_text() -> None:
    report = check_create_image("name: 2026-11-01\n", filename="r.yaml")
    (finding,) = report.findings
    assert (finding.rule, finding.pointer, finding.line, finding.column) == ("C06", "/name", 1, 7)
    assert "read as a date by YAML 1.1" in finding.message
    assert 'write "2026-11-01" in quotes' in finding.message
    assert check_create_image('name: "2026-11-01"\n', filename="r.yaml").findings == ()


def test_c06_never_for_json_or_dicts() -> None:
    assert check_create_image('{"name": "2026-11-01", "description": "yes"}').findings == ()
    assert check_create_image({"name": "web", "description": "0100"}).findings == ()


def test_c06_aliased_scalar_is_reported_once_where_written() -> None:
    text = "x-flag: &flag yes\nname: web\ndataDisks:\n  - {deviceName: vdc, noDevice: *flag}\n"
    c06 = [f for f in check_create_image(text, filename="r.yaml").findings if f.rule == "C06"]
    assert [(f.pointer, f.line) for f in c06] == [("/x-flag", 1)]


def test_c06_message_in_chinese() -> None:
    text = "name: web\ndataDisks:\n  - {deviceName: vdc, noDevice: yes}\n"
    (finding,) = check_create_image(text, filename="r.yaml", lang="zh").findings
    assert "YAML 1.1 加载器" in finding.message
    assert "布尔值请写 true" in finding.message


@pytest.mark.parametrize(("lang", "words"), [("en", "Rule C06"), ("zh", "规则 C06")])
def test_explain_c06_in_both_languages(lang: str, words: str, capsys: pytest.CaptureFixture[str]) -> None:
    from validator.cli.main import main

    assert main(["explain", "C06", "--lang", lang]) == 0
    out = capsys.readouterr().out
    origin = "由规则检查" if lang == "zh" else "checked by its rule"
    assert out.startswith(f"C06 yaml-version (warning, {origin})")
    assert words in out
