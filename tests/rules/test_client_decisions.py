"""The decisions taken for the real clients' bodies, each on both sides of its boundary: zero values,
ssd.gp2/ssd.io2 sizes, YAML .nan, merged maps that disagree, excluded entries, createImageFromSnapshots keys."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

from tests.clients.serialisers import go_body
from tests.helpers import api_of, findings, of_rule, rules, with_disk, with_entries
from tests.rules.test_instance import attachment, describe
from validator import Context, Severity, check_create_image


def _seen(request: object, **kwargs: Any) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity.value, f.pointer) for f in findings(request, **kwargs)]


@pytest.mark.parametrize("field", ["az", "name", "description", "policyId"])
def test_an_empty_ignored_member_is_not_given_and_a_blank_one_is_c48(field: str) -> None:
    assert rules(with_disk(diskType="ssd.gp1", diskSizeGB=40, **{field: ""})) == set()
    (c48,) = of_rule(with_disk(diskType="ssd.gp1", diskSizeGB=40, **{field: " "}), "C48")
    assert c48.pointer == f"/dataDisks/0/cloudDiskSpec/{field}"


def test_an_empty_disk_type_is_not_given_and_a_blank_one_is_c41() -> None:
    assert "C41" not in rules(with_disk(diskType="", diskSizeGB=40))
    assert "C41" in rules(with_disk(diskType=" ", diskSizeGB=40))


def test_size_zero_is_not_given_and_ten_is_out_of_range() -> None:
    assert "C43" not in rules(with_disk(diskType="ssd.gp1", diskSizeGB=0))
    assert "C43" not in rules('{"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": '
                              '{"diskType": "ssd.gp1", "diskSizeGB": -0}}]}')  # fmt: skip
    (c43,) = of_rule(with_disk(diskType="ssd.gp1", diskSizeGB=10), "C43")
    assert api_of(c43) == (400, "OUT_OF_RANGE", "DataDisks.CloudDiskSpec.DiskSizeGB out of range")


def test_zero_size_is_c42_at_the_member_saying_it_is_read_as_not_given() -> None:
    (c42,) = of_rule(with_disk(diskType="ssd.gp1", diskSizeGB=0), "C42")
    assert c42.severity is Severity.WARNING
    assert c42.pointer == "/dataDisks/0/cloudDiskSpec/diskSizeGB"
    assert c42.message.startswith("diskSizeGB 0 is read as not given")
    assert "not snapshotted" in c42.message  # the SDKs' other reading, without an instance description
    (zh,) = [f for f in findings(with_disk(diskType="ssd.gp1", diskSizeGB=0), lang="zh") if f.rule == "C42"]
    assert "视为未设置" in zh.message


def test_zero_type_of_a_disk_without_device_is_the_c40_error_with_the_api_message() -> None:
    (c40,) = of_rule(with_entries({"cloudDiskSpec": {"diskType": "", "diskSizeGB": 40}}), "C40")
    assert c40.severity is Severity.ERROR
    assert c40.pointer == "/dataDisks/0/cloudDiskSpec/diskType"
    assert api_of(c40) == (400, "INVALID_ARGUMENT", "Parameter DataDisks.CloudDiskSpec.DiskType missing")


def test_zero_type_of_a_disk_the_instance_shows_new_is_the_c40_error() -> None:
    context = Context.from_describe_instance(describe())
    request = {"name": "web", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "", "diskSizeGB": 40}}]}
    (c40,) = [f for f in findings(request, context=context) if f.rule == "C40"]
    assert (c40.severity, c40.pointer) == (Severity.ERROR, "/dataDisks/0/cloudDiskSpec/diskType")


def test_an_empty_snapshot_id_is_not_given() -> None:
    found = rules(with_disk(snapshotId="", diskType="ssd.gp1", diskSizeGB=40))
    assert found == set()
    assert {"C40", "C42"} <= rules(with_disk(snapshotId=""))
    assert "C46" in rules(with_disk(snapshotId=" "))


def test_the_issues_snapshot_disk_sent_by_go_is_clean() -> None:
    request = {"regionId": "cn-north-1", "instanceId": "i-eumm7k2qd6", "name": "web", "dataDisks": [
        {"deviceName": "vdb", "cloudDiskSpec": {"snapshotId": "snapshot-abcdefgh12"}}
    ]}  # fmt: skip
    assert findings(go_body(request)) == ()


@pytest.mark.parametrize("kind", ["ssd.gp2", "ssd.io2"])
@pytest.mark.parametrize(("size", "bad"), [(10, True), (20, False), (16010, False), (31990, False), (32000, False),
                                           (32010, True), (31995, True)])  # fmt: skip
def test_gp2_and_io2_sizes_are_within_20_and_32000_in_steps_of_10(kind: str, size: int, bad: bool) -> None:
    assert bool(of_rule(with_disk(diskType=kind, diskSizeGB=size), "C43")) is bad


def test_the_listed_types_keep_their_16000_maximum() -> None:
    assert of_rule(with_disk(diskType="ssd.gp1", diskSizeGB=16010), "C43")
    assert not of_rule(with_disk(diskType="ssd.gp1", diskSizeGB=16000), "C43")


@pytest.mark.parametrize("nan", [".nan", ".NaN", ".NAN"])
def test_yaml_nan_is_c03_at_its_pointer_with_the_files_other_findings(nan: str) -> None:
    text = f"name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.gp1\n" \
           f"      diskSizeGB: {nan}\n      az: x\n"  # fmt: skip
    found = findings(text, filename="r.yaml")
    assert [(f.rule, f.pointer, f.line) for f in found] == [
        ("C03", "/dataDisks/0/cloudDiskSpec/diskSizeGB", 6),
        ("C48", "/dataDisks/0/cloudDiskSpec/az", 7),
    ]
    assert ".nan" in found[0].message


def test_yaml_nan_spelt_in_mixed_case_is_text_as_pyyaml_reads_it() -> None:
    text = "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec: {diskType: ssd.gp1, diskSizeGB: .Nan}\n"
    (c03,) = findings(text, filename="r.yaml")
    assert (c03.rule, c03.pointer) == ("C03", "/dataDisks/0/cloudDiskSpec/diskSizeGB")
    assert '".Nan"' in c03.message


MERGED = """\
    small: &small {diskType: ssd.gp1, diskSizeGB: 40}
    big: &big {diskType: premium-hdd, diskSizeGB: 40}
    name: web
    dataDisks:
      - deviceName: vdh
        cloudDiskSpec:
          <<: [*small, *big]
"""


def test_merged_maps_that_disagree_are_c06_at_the_merge_key_checked_with_the_first() -> None:
    found = [f for f in findings(textwrap.dedent(MERGED), filename="r.yaml") if f.rule != "C04"]
    assert [(f.rule, f.severity, f.pointer, f.line, f.column) for f in found] == [
        ("C06", Severity.WARNING, "/dataDisks/0/cloudDiskSpec/diskType", 7, 7)
    ]
    assert '"ssd.gp1"' in found[0].message
    assert '"premium-hdd"' in found[0].message


def test_merged_maps_that_agree_or_are_overridden_are_no_c06() -> None:
    agree = textwrap.dedent(MERGED).replace("premium-hdd", "ssd.gp1")
    assert "C06" not in {f.rule for f in findings(agree, filename="r.yaml")}
    overridden = textwrap.dedent(MERGED) + "      diskType: ssd.io1\n"
    assert "C06" not in {f.rule for f in findings(overridden, filename="r.yaml")}


def test_excluded_entries_are_decoded_not_read() -> None:
    spec = {"diskType": "xx", "diskSizeGB": 5, "iops": 3, "az": "a", "snapshotId": "snap*", "encrypt": True}
    request = with_entries({"deviceName": "vdc", "noDevice": True, "diskCategory": "local", "cloudDiskSpec": spec})
    assert {rule for rule, _, _ in _seen(request)} == {"C34"}
    typed = with_entries({"deviceName": "vdc", "noDevice": True, "cloudDiskSpec": {"diskSizeGB": "40"}})
    assert ("C03", "error", "/dataDisks/0/cloudDiskSpec/diskSizeGB") in _seen(typed)
    named = with_entries({"deviceName": "sdb", "noDevice": True, "cloudDiskSpec": {"diskSizeGB": 5}})
    assert {rule for rule, _, _ in _seen(named)} == {"C31", "C34"}


@pytest.mark.parametrize("key", ["snapshotId", "snapshotIds", "cloudDisks", "platform", "architecture", "bootMode",
                                 "osVersion"])  # fmt: skip
def test_create_image_from_snapshots_keys_name_that_api(key: str) -> None:
    (c04,) = of_rule({"name": "web", key: "x"}, "C04")
    assert "createImageFromSnapshots" in c04.message


def test_the_same_key_inside_an_entry_is_a_plain_unknown_key() -> None:
    (c04,) = of_rule(with_entries({"deviceName": "vdb", "noDevice": True, "platform": "x"}), "C04")
    assert "createImageFromSnapshots" not in c04.message


def _quota(limit: int, used: int) -> Context:
    return Context.from_describe_snapshot_quota({"requestId": "r", "result": {"quota": {"limit": limit, "used": used}}})


REQUEST = {"regionId": "cn-north-1", "instanceId": "i-eumm7k2qd6", "name": "web"}


@pytest.mark.parametrize(("used", "bad"), [(18, False), (19, True), (20, True)])
def test_c71_counts_the_system_disk_and_each_attached_cloud_data_disk(used: int, bad: bool) -> None:
    context = Context.from_describe_instance(describe()).merged(_quota(20, used))  # vda and vdb: two snapshots
    found = [f for f in check_create_image(REQUEST, context=context).findings if f.rule == "C71"]
    assert [(f.severity, api_of(f)) for f in found] == (
        [(Severity.ERROR, (429, "QUOTA_EXCEEDED", "Snapshot quota limit exceeded"))] if bad else []
    )


def test_c71_leaves_out_excluded_disks_and_local_system_disks() -> None:
    local = {"diskCategory": "local", "localDisk": {"diskSizeGB": 40}, "deviceName": "vda", "status": "attached"}
    context = Context.from_describe_instance(
        describe(status="stopped", system=local, data=[attachment("vdb"), attachment("vdc")])
    ).merged(_quota(20, 19))
    excluding = {**REQUEST, "dataDisks": [{"deviceName": "vdc", "noDevice": True}]}
    assert "C71" not in {f.rule for f in check_create_image(excluding, context=context).findings}
    assert "C71" in {f.rule for f in check_create_image(REQUEST, context=context).findings}


@pytest.mark.parametrize(("used", "warned"), [(19, False), (20, True), (21, True)])
def test_c71_without_the_instance_warns_only_when_the_quota_is_full(used: int, warned: bool) -> None:
    found = [f for f in check_create_image(REQUEST, context=_quota(20, used)).findings if f.rule == "C71"]
    assert [(f.severity, f.api) for f in found] == ([(Severity.WARNING, None)] if warned else [])


def test_c72_names_the_other_reading_for_an_attached_disk_only() -> None:
    context = Context.from_describe_instance(describe())
    attached = {**REQUEST, "dataDisks": [{"deviceName": "vdb", "cloudDiskSpec": {"diskSizeGB": 300}}]}
    (c72,) = [f for f in check_create_image(attached, context=context).findings if f.rule == "C72"]
    assert (c72.severity, c72.pointer) == (Severity.INFO, "/dataDisks/0/cloudDiskSpec")
    assert "not snapshotted" in c72.message
    new = {**REQUEST, "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40}}]}
    assert "C72" not in {f.rule for f in check_create_image(new, context=context).findings}
    excluded = {**REQUEST, "dataDisks": [{"deviceName": "vdb", "noDevice": True}]}
    assert "C72" not in {f.rule for f in check_create_image(excluded, context=context).findings}
    assert "C72" not in rules(attached)
