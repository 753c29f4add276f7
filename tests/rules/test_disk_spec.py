"""C40–C48: a data disk's cloudDiskSpec."""

from __future__ import annotations

import pytest

from tests.helpers import api_of, findings, of_rule, rules, with_disk, with_entries
from validator import Severity


def test_c40_c42_new_disk_without_device_is_an_error_with_the_api_answer() -> None:
    request = with_entries({"cloudDiskSpec": {"iops": 200}})
    (c40,) = of_rule(request, "C40")
    (c42,) = of_rule(request, "C42")
    assert c40.severity is Severity.ERROR
    assert c42.severity is Severity.ERROR
    assert c40.pointer == c42.pointer == "/dataDisks/0/cloudDiskSpec"
    assert c40.api is not None
    assert c42.api is not None
    assert (c40.api.status, c40.api.code, c40.api.message) == (
        400,
        "INVALID_ARGUMENT",
        "Parameter DataDisks.CloudDiskSpec.DiskType missing",
    )
    assert (c42.api.status, c42.api.code, c42.api.message) == (
        400,
        "OUT_OF_RANGE",
        "DataDisks.CloudDiskSpec.DiskSizeGB out of range",
    )


def test_c40_c42_with_device_name_is_a_warning_naming_both_readings() -> None:
    request = with_disk(iops=2000)
    (c40,) = of_rule(request, "C40")
    (c42,) = of_rule(request, "C42")
    for finding in (c40, c42):
        assert finding.severity is Severity.WARNING
        assert finding.api is None
        assert "already attached" in finding.message
        assert "new disk" in finding.message
    assert "Parameter DataDisks.CloudDiskSpec.DiskType missing" in c40.message


def test_c40_only_type_missing() -> None:
    request = with_entries({"cloudDiskSpec": {"diskSizeGB": 40}})
    assert [f.rule for f in errors_of(request)] == ["C40"]


def test_c42_only_size_missing() -> None:
    request = with_entries({"cloudDiskSpec": {"diskType": "ssd.gp1"}})
    assert [f.rule for f in errors_of(request)] == ["C42"]


def test_c40_c42_snapshot_needs_neither() -> None:
    request = with_entries({"cloudDiskSpec": {"snapshotId": "snapshot-ab12cd34ef"}})
    assert {"C40", "C42"}.isdisjoint(rules(request))


def test_c40_c42_excluded_entry_is_left_to_c34() -> None:
    request = with_entries({"deviceName": "vdb", "noDevice": True, "cloudDiskSpec": {"iops": 200}})
    assert rules(request) == {"C34"}


def errors_of(request: object) -> list:  # type: ignore[type-arg]
    return [f for f in findings(request) if f.severity is Severity.ERROR]


@pytest.mark.parametrize("kind", ["ssd.gp1", "ssd.io1", "hdd.std1"])
def test_c41_listed_types(kind: str) -> None:
    assert of_rule(with_disk(diskType=kind, diskSizeGB=40), "C41") == []


@pytest.mark.parametrize(
    ("kind", "replacement"), [("ssd", "ssd.gp1 or ssd.io1"), ("premium-hdd", "hdd.std1 or ssd.gp1")]
)
def test_c41_legacy_types_name_the_replacement(kind: str, replacement: str) -> None:
    (finding,) = of_rule(with_disk(diskType=kind, diskSizeGB=40), "C41")
    assert finding.severity is Severity.ERROR
    assert replacement in finding.message
    assert finding.api is not None
    assert (finding.api.status, finding.api.code) == (400, "INVALID_ARGUMENT")


@pytest.mark.parametrize("kind", ["ssd.gp2", "ssd.io2"])
def test_c41_disk_service_types_are_warnings(kind: str) -> None:
    (finding,) = of_rule(with_disk(diskType=kind, diskSizeGB=40), "C41")
    assert finding.severity is Severity.WARNING
    assert finding.api is None


@pytest.mark.parametrize("kind", ["SSD.GP1", "ssd.gp3", "hdd", " ", "cloud"])
def test_c41_anything_else_is_an_error(kind: str) -> None:
    (finding,) = of_rule(with_disk(diskType=kind, diskSizeGB=40), "C41")
    assert finding.severity is Severity.ERROR
    assert finding.pointer == "/dataDisks/0/cloudDiskSpec/diskType"


@pytest.mark.parametrize(
    ("size", "bad"),
    [(10, True), (19, True), (20, False), (30, False), (40, False), (45, True), (15990, False), (16000, False),
     (16001, True), (16010, True), (-20, True), (21, True), (1, True), (-1, True)],
)  # fmt: skip
def test_c43_size_range_and_step(size: int, bad: bool) -> None:
    found = of_rule(with_disk(diskType="ssd.gp1", diskSizeGB=size), "C43")
    assert bool(found) is bad
    for finding in found:
        assert finding.pointer == "/dataDisks/0/cloudDiskSpec/diskSizeGB"
        assert api_of(finding) == (
            400,
            "OUT_OF_RANGE",
            "DataDisks.CloudDiskSpec.DiskSizeGB out of range",
        )


def test_c43_messages_name_value_and_limit() -> None:
    assert [f.message for f in of_rule(with_disk(diskType="ssd.gp1", diskSizeGB=16010), "C43")] == [
        "diskSizeGB 16010 is above the maximum 16000"
    ]
    assert [f.message for f in of_rule(with_disk(diskType="ssd.gp1", diskSizeGB=45), "C43")] == [
        "diskSizeGB 45 is not a multiple of 10"
    ]


@pytest.mark.parametrize("kind", ["ssd.gp1", "hdd.std1"])
def test_c44_iops_ignored_for_other_types(kind: str) -> None:
    (finding,) = of_rule(with_disk(diskType=kind, diskSizeGB=40, iops=1000), "C44")
    assert finding.severity is Severity.WARNING
    assert finding.pointer == "/dataDisks/0/cloudDiskSpec/iops"
    assert "C45" not in rules(with_disk(diskType=kind, diskSizeGB=40, iops=5))


def test_c44_iops_without_type_is_info() -> None:
    (finding,) = of_rule(with_disk(snapshotId="snapshot-ab12cd34ef", iops=1000), "C44")
    assert finding.severity is Severity.INFO


def test_c44_iops_on_io1_is_fine() -> None:
    assert findings(with_disk(diskType="ssd.io1", diskSizeGB=40, iops=1000)) == ()


@pytest.mark.parametrize(
    ("size", "iops", "bad"),
    [
        (20, 1000, False),
        (20, 1010, True),
        (20, 200, False),
        (20, 190, True),
        (20, 205, True),
        (640, 32000, False),
        (640, 32010, True),
        (1000, 32000, False),
        (1000, 32010, True),
        (100, 5000, False),
        (100, 5010, True),
    ],
)
def test_c45_iops_bounds_depend_on_size(size: int, iops: int, bad: bool) -> None:
    found = of_rule(with_disk(diskType="ssd.io1", diskSizeGB=size, iops=iops), "C45")
    assert bool(found) is bad
    for finding in found:
        assert api_of(finding) == (
            400,
            "OUT_OF_RANGE",
            "DataDisks.CloudDiskSpec.Iops out of range.",
        )


def test_c45_message_names_value_and_limit() -> None:
    (finding,) = of_rule(with_disk(diskType="ssd.io1", diskSizeGB=20, iops=1010), "C45")
    assert finding.message == "iops 1010 is above the maximum 1000 (min(32000, diskSizeGB 20 × 50))"


@pytest.mark.parametrize(("iops", "bad"), [(32000, False), (32010, True), (200, False), (190, True), (215, True)])
def test_c45_without_size_only_absolute_bounds_and_step(iops: int, bad: bool) -> None:
    request = with_disk(diskType="ssd.io1", snapshotId="snapshot-ab12cd34ef", iops=iops)
    assert bool(of_rule(request, "C45")) is bad


def test_c45_missing_iops_is_info_with_the_default() -> None:
    (finding,) = of_rule(with_disk(diskType="ssd.io1", diskSizeGB=40), "C45")
    assert finding.severity is Severity.INFO
    assert "1200" in finding.message


@pytest.mark.parametrize("snapshot", ["snapshot-h8u1****36", "snapshot-****", "snapshot-*"])
def test_c46_masked_snapshot(snapshot: str) -> None:
    (finding,) = of_rule(with_disk(snapshotId=snapshot), "C46")
    assert finding.severity is Severity.ERROR
    assert "masked" in finding.message
    assert api_of(finding) == (
        404,
        "NOT_FOUND",
        f"Snapshot '{snapshot}' not found",
    )


@pytest.mark.parametrize("snapshot", ["snap-ab12cd34ef", "snapshot-AB12CD34EF", "snapshot-", "ab12cd34ef"])
def test_c46_malformed_snapshot(snapshot: str) -> None:
    (finding,) = of_rule(with_disk(snapshotId=snapshot), "C46")
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize(
    ("snapshot", "warned"),
    [("snapshot-ab12cd34e", True), ("snapshot-ab12cd34ef", False), ("snapshot-ab12cd34efg", True)],
)
def test_c46_length_other_than_ten_is_a_warning(snapshot: str, warned: bool) -> None:
    found = of_rule(with_disk(snapshotId=snapshot), "C46")
    assert [f.severity for f in found] == ([Severity.WARNING] if warned else [])


@pytest.mark.parametrize("value", [True, False])
def test_c47_encrypt_with_snapshot_is_ignored(value: bool) -> None:
    (finding,) = of_rule(with_disk(snapshotId="snapshot-ab12cd34ef", encrypt=value), "C47")
    assert finding.severity is Severity.WARNING
    assert finding.pointer == "/dataDisks/0/cloudDiskSpec/encrypt"


def test_c47_encrypt_on_a_new_empty_disk_is_fine() -> None:
    assert findings(with_disk(diskType="ssd.gp1", diskSizeGB=40, encrypt=True)) == ()


@pytest.mark.parametrize(
    ("field", "value"),
    [("az", "cn-north-1a"), ("name", "disk"), ("description", " "), ("policyId", "policy-1"),
     ("charge", {"chargeMode": "postpaid_by_duration"}), ("multiAttachable", False)],
)  # fmt: skip
def test_c48_ignored_fields(field: str, value: object) -> None:
    (finding,) = of_rule(with_disk(diskType="ssd.gp1", diskSizeGB=40, **{field: value}), "C48")
    assert finding.severity is Severity.WARNING
    assert finding.pointer == f"/dataDisks/0/cloudDiskSpec/{field}"


def test_c48_null_ignored_fields_are_fine() -> None:
    spec = dict.fromkeys(("az", "name", "description", "policyId", "charge", "multiAttachable"))
    assert findings(with_disk(diskType="ssd.gp1", diskSizeGB=40, **spec)) == ()
