"""Checks against an instance description (docs/decisions.md): C44/C45 take type and size from the
description, C39 only where it can matter, snapshot status under C68, and context values of the wrong type
make the context invalid."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import api_of
from validator import Context, ContextError, Finding, Severity, check_create_image
from validator.cli.main import main

IOPS_ERROR = (400, "OUT_OF_RANGE", "DataDisks.CloudDiskSpec.Iops out of range.")


def _attached(device: str, **disk: Any) -> dict[str, Any]:
    return {
        "deviceName": device,
        "diskCategory": "cloud",
        "status": "attached",
        "cloudDisk": {"status": "in-use", **disk},
    }


def _instance(*disks: dict[str, Any]) -> dict[str, Any]:
    return {
        "instanceId": "i-eumm7k2qd6",
        "status": "running",
        "systemDisk": _attached("vda", diskType="ssd.gp1", diskSizeGB=40),
        "dataDisks": list(disks),
    }


def _context(*disks: dict[str, Any]) -> Context:
    return Context.from_describe_instance({"result": {"instance": _instance(*disks)}})


def _found(entries: list[dict[str, Any]], context: Context | None, rule: str, lang: str = "en") -> list[Finding]:
    report = check_create_image({"name": "web", "dataDisks": entries}, context=context, lang=lang)
    return [f for f in report.findings if f.rule == rule]


IO1_200 = _context(_attached("vdb", diskType="ssd.io1", diskSizeGB=200))


# C44/C45 with an instance description: an adjusting entry takes diskType and diskSizeGB from it.
def test_issue_case_iops_above_size_bound_of_the_described_disk_is_c45() -> None:
    entries = [{"deviceName": "vdb", "cloudDiskSpec": {"iops": 12000}}]
    (finding,) = _found(entries, IO1_200, "C45")
    assert (finding.severity, api_of(finding), finding.pointer) == (
        Severity.ERROR,
        IOPS_ERROR,
        "/dataDisks/0/cloudDiskSpec/iops",
    )
    assert "above the maximum 10000" in finding.message
    assert "the size of vdb in the instance description" in finding.message
    assert _found(entries, IO1_200, "C44") == []  # no "cannot be verified without diskType"


@pytest.mark.parametrize(("iops", "bad"), [(10000, False), (10010, True), (200, False), (190, True), (205, True)])
def test_c45_bounds_from_the_described_size(iops: int, bad: bool) -> None:
    entries = [{"deviceName": "vdb", "cloudDiskSpec": {"iops": iops}}]
    assert bool(_found(entries, IO1_200, "C45")) is bad


def test_c45_uses_the_size_the_entry_gives_the_disk() -> None:
    grown = [{"deviceName": "vdb", "cloudDiskSpec": {"diskSizeGB": 300, "iops": 15000}}]  # 300 × 50
    assert _found(grown, IO1_200, "C45") == []
    grown[0]["cloudDiskSpec"]["iops"] = 15010
    assert [api_of(f) for f in _found(grown, IO1_200, "C45")] == [IOPS_ERROR]


def test_c44_when_the_described_disk_is_not_io1() -> None:
    context = _context(_attached("vdc", diskType="ssd.gp1", diskSizeGB=200))
    (finding,) = _found([{"deviceName": "vdc", "cloudDiskSpec": {"iops": 1000}}], context, "C44")
    assert finding.severity is Severity.WARNING
    assert 'vdc is a "ssd.gp1" disk' in finding.message
    (zh,) = _found([{"deviceName": "vdc", "cloudDiskSpec": {"iops": 1000}}], context, "C44", "zh")
    assert "实例描述显示 vdc" in zh.message


def test_without_a_description_iops_on_an_adjusting_entry_stays_unverifiable() -> None:
    (finding,) = _found([{"deviceName": "vdb", "cloudDiskSpec": {"iops": 12000}}], None, "C44")
    assert finding.severity is Severity.INFO
    assert _found([{"deviceName": "vdb", "cloudDiskSpec": {"iops": 12000}}], None, "C45") == []


def test_a_new_device_or_a_snapshot_disk_takes_nothing_from_the_description() -> None:
    new_device = [{"deviceName": "vdq", "cloudDiskSpec": {"iops": 12000}}]
    assert [f.severity for f in _found(new_device, IO1_200, "C44")] == [Severity.INFO]
    from_snapshot = [{"deviceName": "vdb", "cloudDiskSpec": {"snapshotId": "snapshot-ab12cd34ef", "iops": 12000}}]
    assert _found(from_snapshot, IO1_200, "C45") == []


# C39 only where it can matter.
@pytest.mark.parametrize("value", [True, False])
def test_c39_not_without_a_description(value: bool) -> None:
    assert _found([{"deviceName": "vdb", "autoDelete": value}], None, "C39") == []


@pytest.mark.parametrize(
    ("disk", "reported"),
    [
        ({"charge": {"chargeMode": "prepaid_by_duration"}}, True),
        ({"charge": {"chargeMode": "postpaid_by_usage"}}, True),
        ({"charge": {"chargeMode": "postpaid_by_duration"}}, False),
        ({"charge": {"chargeMode": "postpaid_by_duration"}, "multiAttachable": True}, True),
        ({"charge": {"chargeMode": "postpaid_by_duration"}, "multiAttachable": False}, False),
        ({"charge": None}, False),  # the description does not show the charge mode: nothing is claimed
        ({}, False),
    ],
)
def test_c39_with_a_description(disk: dict[str, Any], reported: bool) -> None:
    context = _context(_attached("vdb", diskType="ssd.gp1", diskSizeGB=100, **disk))
    found = _found([{"deviceName": "vdb", "autoDelete": True}], context, "C39")
    assert [(f.severity, f.pointer) for f in found] == (
        [(Severity.INFO, "/dataDisks/0/autoDelete")] if reported else []
    )


def test_c39_not_for_unattached_devices_or_excluded_entries() -> None:
    context = _context(_attached("vdb", charge={"chargeMode": "prepaid_by_duration"}))
    assert _found([{"deviceName": "vdc", "autoDelete": True}], context, "C39") == []
    assert _found([{"deviceName": "vdb", "noDevice": True, "autoDelete": True}], context, "C39") == []
    (zh,) = _found([{"deviceName": "vdb", "autoDelete": True}], context, "C39", "zh")
    assert "不起作用" in zh.message


# C68 and snapshot status.
def _snapshots(status: str | None) -> Context:
    return Context.from_describe_snapshots(
        [{"snapshotId": "snapshot-ab12cd34ef", "snapshotSizeGB": 40, "status": status}]
    )


@pytest.mark.parametrize(
    ("status", "warned"), [("available", False), (None, False), ("creating", True), ("error", True)]
)
def test_c68_snapshot_status(status: str | None, warned: bool) -> None:
    entries = [{"deviceName": "vde", "cloudDiskSpec": {"snapshotId": "snapshot-ab12cd34ef"}}]
    found = _found(entries, _snapshots(status), "C68")
    assert [(f.severity, f.api) for f in found] == ([(Severity.WARNING, None)] if warned else [])
    if warned:
        assert f"is {status}, not available" in found[0].message


def test_c68_missing_snapshot_counts_the_list_in_words() -> None:
    entries = [{"deviceName": "vde", "cloudDiskSpec": {"snapshotId": "snapshot-zz12cd34ef"}}]
    (finding,) = _found(entries, _snapshots("available"), "C68")
    assert finding.message == "snapshot snapshot-zz12cd34ef is not among the snapshot given"
    assert finding.severity is Severity.ERROR


# Context values of the wrong type make the context invalid.
@pytest.mark.parametrize(
    ("build", "data", "words"),
    [
        (Context.from_describe_quotas, [{"resourceType": "image", "limit": "10", "used": 9}], 'quotas[0].limit to be an integer, not "10"'),
        (Context.from_describe_quotas, [{"resourceType": "image", "limit": 10, "used": True}], "quotas[0].used to be an integer, not true"),
        (Context.from_describe_instance, _instance(_attached("vdb", diskSizeGB="200")), 'dataDisks[0].cloudDisk.diskSizeGB to be an integer, not "200"'),
        (Context.from_describe_instance, {**_instance(), "instanceId": ["i-eumm7k2qd6"]}, "instance.instanceId to be a string, not an array"),
        (Context.from_describe_instance, {**_instance(), "status": 1}, "instance.status to be a string, not 1"),
        (Context.from_describe_instance, _instance(_attached("vdb", multiAttachable="no")), 'dataDisks[0].cloudDisk.multiAttachable to be true or false, not "no"'),
        (Context.from_describe_instance, _instance(_attached("vdb", charge="prepaid")), 'dataDisks[0].cloudDisk.charge to be an object or null, not "prepaid"'),
        (Context.from_describe_instance, _instance(_attached("vdb", charge={"chargeMode": 3})), "dataDisks[0].cloudDisk.charge.chargeMode to be a string, not 3"),
        (Context.from_describe_snapshots, [{"snapshotId": "snapshot-ab12cd34ef", "snapshotSizeGB": 40.0}], "snapshots[0].snapshotSizeGB to be an integer, not 40.0"),
        (Context.from_describe_snapshots, [{"snapshotId": "snapshot-ab12cd34ef", "encrypted": "false"}], 'snapshots[0].encrypted to be true or false, not "false"'),
    ],
)  # fmt: skip
def test_wrong_typed_context_values_are_errors_naming_the_member(build: Any, data: Any, words: str) -> None:
    with pytest.raises(ContextError) as raised:
        build(data)
    assert words in str(raised.value)


def test_right_typed_and_null_context_values_are_read() -> None:
    quotas = Context.from_describe_quotas([{"resourceType": "image", "limit": 10, "used": None}]).quotas
    assert quotas is not None
    assert (quotas[0].limit, quotas[0].used) == (10, None)
    context = _context(_attached("vdb", diskType="ssd.io1", diskSizeGB=200, multiAttachable=False, charge=None))
    assert context.instance is not None
    (disk,) = context.instance.data_disks
    assert (disk.disk_type, disk.size_gb, disk.multi_attachable, disk.charge_mode) == ("ssd.io1", 200, False, None)


@pytest.mark.parametrize(
    ("option", "content", "words"),
    [
        ("--quotas", {"result": {"quotas": [{"resourceType": "image", "limit": "10", "used": 9}]}}, "quotas[0].limit"),
        ("--instance", {"result": {"instance": _instance(_attached("vdb", diskSizeGB="200"))}}, "diskSizeGB"),
        ("--instance", {"result": {"instance": {**_instance(), "instanceId": ["i-1"]}}}, "instance.instanceId"),
    ],
)
def test_cli_wrong_typed_context_value_is_exit_2_naming_the_member(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, option: str, content: object, words: str
) -> None:
    context = tmp_path / "context.json"
    context.write_text(json.dumps(content))
    request = tmp_path / "r.json"
    request.write_text('{"name": "web"}')
    assert main(["check", option, str(context), str(request)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert words in captured.err
    assert "expected" in captured.err
    assert str(context) in captured.err


@pytest.mark.parametrize(("rule", "lang", "words"), [
    ("C39", "en", "C39 only where it can matter"),
    ("C39", "zh", "C39 只在可能起作用时报告"),
    ("C44", "en", "C44/C45 with an instance description"),
    ("C44", "zh", "C44/C45 与实例描述"),
    ("C45", "en", "C44/C45 with an instance description"),
    ("C45", "zh", "C44/C45 与实例描述"),
    ("C68", "en", "C68 and snapshot status"),
    ("C68", "zh", "C68 与快照状态"),
])  # fmt: skip
def test_explain_cites_the_decision(rule: str, lang: str, words: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", rule, "--lang", lang]) == 0
    assert words in capsys.readouterr().out
