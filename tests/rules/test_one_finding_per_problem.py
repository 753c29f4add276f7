"""One finding per problem (docs/decisions.md#one-finding-per-problem), and the C32 message for
an excluding and a specifying entry on the same device (docs/decisions.md#replacing-a-disk)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import api_of, with_disk, with_entries
from validator import check_create_image


def _rules(request: object, filename: str | None = None) -> list[tuple[str, str]]:
    return [(f.rule, f.pointer) for f in check_create_image(request, filename=filename).findings]


SIZE = "/dataDisks/0/cloudDiskSpec/diskSizeGB"


@pytest.mark.parametrize(
    ("text", "filename"),
    [
        ('{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 1e5}}]}', None),
        ('{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 1.5}}]}', None),
        ("name: web\ndataDisks:\n  - {deviceName: vdh, cloudDiskSpec: {diskType: ssd.gp1, diskSizeGB: .inf}}\n", "r.yaml"),
        ("name: web\ndataDisks:\n  - {deviceName: vdh, cloudDiskSpec: {diskType: ssd.gp1, diskSizeGB: -.inf}}\n", "r.yaml"),
        ('{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": "40"}}]}', None),
        ('{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": "45"}}]}', None),
    ],
)  # fmt: skip
def test_a_value_of_the_wrong_type_gets_c03_and_no_range_or_step(text: str, filename: str | None) -> None:
    assert _rules(text, filename) == [("C03", SIZE)]


@pytest.mark.parametrize(("size", "rules"), [(16000, []), (16010, ["C43"]), (10, ["C43"]), (45, ["C43"]), (20, [])])
def test_integer_sizes_still_get_range_and_step(size: int, rules: list[str]) -> None:
    assert [rule for rule, _ in _rules(with_disk(diskType="ssd.gp1", diskSizeGB=size))] == rules


def test_iops_of_the_wrong_type_is_c03_alone() -> None:
    assert _rules(with_disk(diskType="ssd.io1", diskSizeGB=20, iops=1e5)) == [
        ("C03", "/dataDisks/0/cloudDiskSpec/iops")
    ]


def test_excluded_entry_gets_c34_not_c37() -> None:
    excluded = with_entries({"deviceName": "vdb", "noDevice": True, "diskCategory": "local"})
    assert _rules(excluded) == [("C34", "/dataDisks/0/diskCategory")]


@pytest.mark.parametrize("no_device", [False, None])
def test_an_entry_that_is_not_excluded_still_gets_c37(no_device: bool | None) -> None:
    entry: dict[str, Any] = {"deviceName": "vdb", "noDevice": no_device, "autoDelete": True, "diskCategory": "local"}
    assert _rules(with_entries(entry)) == [("C37", "/dataDisks/0/diskCategory")]


@pytest.mark.parametrize("value", ["true", 1, "yes", [True]])
def test_wrong_typed_no_device_gets_c03_and_no_c35(value: object) -> None:
    assert _rules(with_entries({"deviceName": "vdb", "noDevice": value})) == [("C03", "/dataDisks/0/noDevice")]


def test_a_false_or_absent_no_device_still_does_nothing_c35() -> None:
    assert _rules(with_entries({"deviceName": "vdb", "noDevice": False})) == [("C35", "/dataDisks/0")]
    assert _rules(with_entries({"deviceName": "vdb"})) == [("C35", "/dataDisks/0")]


def test_case_variant_of_a_listed_type_gets_one_c41_naming_the_listed_spelling() -> None:
    report = check_create_image(with_disk(diskType="SSD.IO1", diskSizeGB=20, iops=5000))
    (finding,) = report.findings
    assert (finding.rule, finding.pointer) == ("C41", "/dataDisks/0/cloudDiskSpec/diskType")
    assert '"ssd.io1"' in finding.message
    assert api_of(finding) == (400, "INVALID_ARGUMENT", None)
    (gp1,) = check_create_image(with_disk(diskType="Ssd.Gp1", diskSizeGB=20, iops=5000)).findings
    assert (gp1.rule, '"ssd.gp1"' in gp1.message) == ("C41", True)


def test_the_listed_spelling_gets_its_iops_checks() -> None:
    assert [rule for rule, _ in _rules(with_disk(diskType="ssd.io1", diskSizeGB=20, iops=5000))] == ["C45"]
    assert [rule for rule, _ in _rules(with_disk(diskType="ssd.gp1", diskSizeGB=20, iops=5000))] == ["C44"]


def test_unknown_type_is_still_c41_and_its_iops_c44() -> None:
    # Not a case variant: the type is unknown, and iops is ignored whatever was meant.
    assert [rule for rule, _ in _rules(with_disk(diskType="nvme", diskSizeGB=20, iops=500))] == ["C41", "C44"]


EXCLUDE = {"deviceName": "vdb", "noDevice": True}
SPECIFY = {"deviceName": "vdb", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 100}}


@pytest.mark.parametrize(
    "pair", [(EXCLUDE, SPECIFY), (SPECIFY, EXCLUDE)], ids=["exclude-then-specify", "specify-then-exclude"]
)
def test_c32_for_exclude_and_specify_says_how_to_replace_a_disk(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    report = check_create_image(with_entries(*pair))
    c32 = [f for f in report.findings if f.rule == "C32"]
    assert [(f.pointer, api_of(f)) for f in c32] == [
        ("/dataDisks/1/deviceName", (400, "DUPLICATE", "Duplicate deviceName"))
    ]
    assert "to replace vdb, keep one entry with the new cloudDiskSpec" in c32[0].message
    assert "snapshotId" in c32[0].message
    assert "under a free device name" in c32[0].message
    (zh,) = [f for f in check_create_image(with_entries(*pair), lang="zh").findings if f.rule == "C32"]
    assert "如需替换 vdb" in zh.message


@pytest.mark.parametrize(
    "pair", [(EXCLUDE, EXCLUDE), (SPECIFY, SPECIFY), (EXCLUDE, {"deviceName": "vdb", "autoDelete": True})]
)
def test_other_c32_pairs_keep_the_plain_message(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    (c32,) = [f for f in check_create_image(with_entries(*pair)).findings if f.rule == "C32"]
    assert c32.message == 'deviceName "vdb" is already used by dataDisks entry 0'


@pytest.mark.parametrize(("lang", "words"), [("en", "C32 and replacing a disk"), ("zh", "C32 与替换磁盘")])
def test_explain_c32_cites_the_decision(lang: str, words: str, capsys: pytest.CaptureFixture[str]) -> None:
    from validator.cli.main import main

    assert main(["explain", "C32", "--lang", lang]) == 0
    assert words in capsys.readouterr().out


@pytest.mark.parametrize(
    ("size", "message"),
    [
        (15, "diskSizeGB 15 is below the minimum 20"),
        (16005, "diskSizeGB 16005 is above the maximum 16000"),
        (10**400, "is above the maximum 16000"),
        (45, "diskSizeGB 45 is not a multiple of 10"),
    ],
)
def test_a_size_out_of_range_gets_one_c43_finding_not_a_step_finding_too(size: int, message: str) -> None:
    findings = list(check_create_image(with_disk(diskType="ssd.gp1", diskSizeGB=size)).findings)
    assert [(f.rule, f.pointer) for f in findings] == [("C43", SIZE)]
    assert message in findings[0].message


IOPS = "/dataDisks/0/cloudDiskSpec/iops"


@pytest.mark.parametrize(
    ("size", "iops", "message"),
    [
        (100, 195, "iops 195 is below the minimum 200"),
        (20, 1005, "iops 1005 is above the maximum 1000"),
        (1000, 32005, "iops 32005 is above the maximum 32000"),
        (None, 32005, "iops 32005 is above the maximum 32000"),
        (100, 205, "iops 205 is not a multiple of 10"),
        (None, 205, "iops 205 is not a multiple of 10"),
    ],
)
def test_iops_out_of_range_gets_one_c45_finding_not_a_step_finding_too(
    size: int | None, iops: int, message: str
) -> None:
    spec: dict[str, Any] = {"diskType": "ssd.io1", "iops": iops}
    if size is not None:
        spec["diskSizeGB"] = size
    else:
        spec["snapshotId"] = "snapshot-h8u1ab3c36"
    findings = [f for f in check_create_image(with_disk(**spec)).findings if f.rule == "C45"]
    assert [(f.rule, f.pointer) for f in findings] == [("C45", IOPS)]
    assert message in findings[0].message
