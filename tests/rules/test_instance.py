"""C60–C70, and C40/C42 told apart by the instance description: both sides of each condition."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.helpers import api_of
from validator import Context, Finding, check_create_image


def attachment(
    device: str, size: int = 200, status: str = "in-use", category: str = "cloud", attach: str = "attached"
) -> dict[str, Any]:
    if category == "local":
        return {
            "diskCategory": "local",
            "localDisk": {"diskType": "local-ssd", "diskSizeGB": size},
            "deviceName": device,
            "status": attach,
        }
    disk = {"diskId": f"vol-{device}0000001", "diskType": "ssd.gp1", "diskSizeGB": size, "status": status}
    return {"diskCategory": "cloud", "cloudDisk": disk, "deviceName": device, "status": attach}


def describe(
    status: str = "running",
    system: dict[str, Any] | None = None,
    data: list[dict[str, Any]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    instance = {
        "instanceId": "i-eumm7k2qd6",
        "status": status,
        "systemDisk": attachment("vda", 40) if system is None else system,
        "dataDisks": [attachment("vdb", 200)] if data is None else data,
        **extra,
    }
    return {"requestId": "r", "result": {"instance": instance}}


REQUEST = {"regionId": "cn-north-1", "instanceId": "i-eumm7k2qd6", "name": "web"}


def _check(request: dict[str, Any], context: Context) -> tuple[Finding, ...]:
    return check_create_image(request, context=context).findings


def _rule(request: dict[str, Any], context: Context, rule: str) -> list[Finding]:
    return [f for f in _check(request, context) if f.rule == rule]


def _with_disks(*entries: dict[str, Any]) -> dict[str, Any]:
    return {**copy.deepcopy(REQUEST), "dataDisks": list(entries)}


def test_matching_healthy_instance_adds_no_finding() -> None:
    assert _check(REQUEST, Context.from_describe_instance(describe())) == ()


def test_c60_description_of_another_instance_is_an_error_and_is_not_used() -> None:
    other = describe(status="error")
    other["result"]["instance"]["instanceId"] = "i-other00001"
    found = _check(REQUEST, Context.from_describe_instance(other))
    assert [(f.rule, f.pointer, f.api) for f in found] == [("C60", "/instanceId", None)]
    assert "i-other00001" in found[0].message


def test_c60_request_without_instance_id_uses_the_description() -> None:
    request = {"name": "web"}
    assert [f.rule for f in _check(request, Context.from_describe_instance(describe(status="starting")))] == ["C61"]


@pytest.mark.parametrize(
    ("status", "bad"), [("running", False), ("stopped", False), ("stopping", True), ("starting", True), ("error", True)]
)
def test_c61_instance_status(status: str, bad: bool) -> None:
    found = _rule(REQUEST, Context.from_describe_instance(describe(status=status)), "C61")
    assert bool(found) is bad
    if bad:
        assert found[0].pointer == ""
        assert api_of(found[0]) == (400, "FAILED_PRECONDITION", f"Invalid instance status {status}")


@pytest.mark.parametrize(
    ("status", "category", "bad"),
    [("running", "local", True), ("stopped", "local", False), ("running", "cloud", False), ("stopped", "cloud", False)],
)
def test_c62_local_system_disk_needs_a_stopped_instance(status: str, category: str, bad: bool) -> None:
    context = Context.from_describe_instance(describe(status=status, system=attachment("vda", 40, category=category)))
    found = _rule(REQUEST, context, "C62")
    assert bool(found) is bad
    if bad:
        assert api_of(found[0]) == (400, "FAILED_PRECONDITION", "Please stop the instance first")
        assert "i-eumm7k2qd6 is running and its system disk is local: stop it first" in found[0].message


def test_c63_system_disk_missing() -> None:
    described = describe()
    described["result"]["instance"]["systemDisk"] = None
    (found,) = _rule(REQUEST, Context.from_describe_instance(described), "C63")
    assert api_of(found) == (400, "FAILED_PRECONDITION", "System disk not found")
    assert _rule(REQUEST, Context.from_describe_instance(describe()), "C63") == []


@pytest.mark.parametrize(
    ("state", "bad"), [("attached", False), ("detaching", True), ("attaching", True), ("error_attach", True)]
)
def test_c64_system_disk_mount_state(state: str, bad: bool) -> None:
    context = Context.from_describe_instance(describe(system=attachment("vda", 40, attach=state)))
    found = _rule(REQUEST, context, "C64")
    assert bool(found) is bad
    if bad:
        assert api_of(found[0]) == (400, "FAILED_PRECONDITION", "Invalid system disk mount state")


@pytest.mark.parametrize(("size", "bad"), [(100, True), (190, True), (200, False), (300, False)])
def test_c65_an_attached_disk_may_grow_but_not_shrink(size: int, bad: bool) -> None:
    request = _with_disks({"deviceName": "vdb", "cloudDiskSpec": {"diskSizeGB": size}})
    found = _rule(request, Context.from_describe_instance(describe()), "C65")
    assert bool(found) is bad
    if bad:
        assert found[0].pointer == "/dataDisks/0/cloudDiskSpec/diskSizeGB"
        assert api_of(found[0]) == (400, "OUT_OF_RANGE", "Device 'vdb' size can only be larger than the original size")


def test_c65_not_for_excluded_or_new_devices() -> None:
    context = Context.from_describe_instance(describe())
    assert (
        _rule(_with_disks({"deviceName": "vdb", "noDevice": True, "cloudDiskSpec": {"diskSizeGB": 20}}), context, "C65")
        == []
    )
    new = _with_disks({"deviceName": "vdq", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 20}})
    assert _rule(new, context, "C65") == []


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("in-use", None),
        ("extending", (400, "FAILED_PRECONDITION", "Disk 'vol-vdb0000001' busy in 'extending'")),
        ("restoring", (400, "FAILED_PRECONDITION", "Disk 'vol-vdb0000001' busy in 'restoring'")),
        ("error_extend", (400, "FAILED_PRECONDITION", "Invalid Disk 'vol-vdb0000001' status 'error_extend'")),
        ("available", (400, "FAILED_PRECONDITION", "Invalid Disk 'vol-vdb0000001' status 'available'")),
    ],
)
def test_c66_snapshotted_disks_must_be_steady(status: str, expected: tuple[int, str, str] | None) -> None:
    context = Context.from_describe_instance(describe(data=[attachment("vdb", status=status)]))
    found = _rule(REQUEST, context, "C66")
    assert [api_of(f) for f in found] == ([] if expected is None else [expected])
    if expected is not None:
        assert found[0].pointer == ""
        named = _rule(_with_disks({"deviceName": "vdb", "autoDelete": True}), context, "C66")
        assert [f.pointer for f in named] == ["/dataDisks/0/deviceName"]
        assert _rule(_with_disks({"deviceName": "vdb", "noDevice": True}), context, "C66") == []


def test_c66_local_data_disks_are_not_snapshotted() -> None:
    context = Context.from_describe_instance(describe(data=[attachment("vdb", category="local")]))
    assert _rule(REQUEST, context, "C66") == []


def test_c67_excluding_what_is_not_there() -> None:
    context = Context.from_describe_instance(describe(data=[attachment("vdb"), attachment("vdc", category="local")]))
    request = _with_disks(
        {"deviceName": "vdb", "noDevice": True},
        {"deviceName": "vdc", "noDevice": True},
        {"deviceName": "vdq", "noDevice": True},
    )
    found = _rule(request, context, "C67")
    assert [(f.pointer, f.severity.label) for f in found] == [
        ("/dataDisks/1/deviceName", "info"),
        ("/dataDisks/2/deviceName", "warning"),
    ]


SNAPSHOTS = Context.from_describe_snapshots(
    {"result": {"snapshots": [{"snapshotId": "snapshot-ab12cd34ef", "snapshotSizeGB": 100}]}}
)


@pytest.mark.parametrize(("snapshot", "bad"), [("snapshot-ab12cd34ef", False), ("snapshot-zz12cd34ef", True)])
def test_c68_snapshot_must_exist(snapshot: str, bad: bool) -> None:
    found = _rule(_with_disks({"deviceName": "vde", "cloudDiskSpec": {"snapshotId": snapshot}}), SNAPSHOTS, "C68")
    assert [api_of(f) for f in found] == ([(404, "NOT_FOUND", f"Snapshot '{snapshot}' not found")] if bad else [])


def test_c68_masked_ids_are_left_to_c46() -> None:
    found = _check(
        _with_disks({"deviceName": "vde", "cloudDiskSpec": {"snapshotId": "snapshot-h8u1****36"}}), SNAPSHOTS
    )
    assert [f.rule for f in found] == ["C46"]


@pytest.mark.parametrize(("size", "bad"), [(90, True), (100, False), (110, False)])
def test_c69_disk_from_snapshot_not_smaller_than_it(size: int, bad: bool) -> None:
    request = _with_disks(
        {
            "deviceName": "vde",
            "cloudDiskSpec": {"snapshotId": "snapshot-ab12cd34ef", "diskType": "ssd.gp1", "diskSizeGB": size},
        }
    )
    found = _rule(request, SNAPSHOTS, "C69")
    assert [api_of(f) for f in found] == (
        [(400, "OUT_OF_RANGE", "DataDisks.CloudDiskSpec.DiskSizeGB out of range")] if bad else []
    )


@pytest.mark.parametrize(("used", "bad"), [(9, False), (10, True), (11, True)])
def test_c70_image_quota(used: int, bad: bool) -> None:
    quotas = Context.from_describe_quotas(
        {
            "result": {
                "quotas": [
                    {"resourceType": "instance", "limit": 1, "used": 5},
                    {"resourceType": "image", "limit": 10, "used": used},
                ]
            }
        }
    )
    found = _rule(REQUEST, quotas, "C70")
    assert [api_of(f) for f in found] == ([(429, "QUOTA_EXCEEDED", "Image quota limit exceeded")] if bad else [])


def test_c40_c42_attached_device_is_an_adjustment() -> None:
    request = _with_disks(
        {"deviceName": "vdb", "cloudDiskSpec": {"diskSizeGB": 300}}, {"deviceName": "vdb", "autoDelete": True}
    )
    request["dataDisks"].pop()
    # Only C72's info naming the SDKs' other reading (docs/decisions.md#attached-disk-spec), no C40/C42.
    assert [f.rule for f in _check(request, Context.from_describe_instance(describe()))] == ["C72"]


def test_c40_c42_unattached_device_is_a_new_disk_and_an_error() -> None:
    request = _with_disks({"deviceName": "vdq", "cloudDiskSpec": {"iops": 200}})
    found = [f for f in _check(request, Context.from_describe_instance(describe())) if f.rule in ("C40", "C42")]
    assert [(f.rule, f.severity.label, api_of(f)) for f in found] == [
        ("C40", "error", (400, "INVALID_ARGUMENT", "Parameter DataDisks.CloudDiskSpec.DiskType missing")),
        ("C42", "error", (400, "OUT_OF_RANGE", "DataDisks.CloudDiskSpec.DiskSizeGB out of range")),
    ]
    assert "vdq is not attached to instance i-eumm7k2qd6" in found[0].message


def test_c40_c42_without_context_stay_warnings() -> None:
    request = _with_disks({"deviceName": "vdq", "cloudDiskSpec": {"iops": 200}})
    found = [f for f in check_create_image(request).findings if f.rule in ("C40", "C42")]
    assert [f.severity.label for f in found] == ["warning", "warning"]
