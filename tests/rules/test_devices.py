"""C30–C39: the dataDisks entries."""

from __future__ import annotations

import pytest

from tests.helpers import api_of, findings, of_rule, rules, with_entries
from validator import Severity
from validator.rules.devices.facts import slot_number


def _excluding(device: str) -> dict[str, object]:
    return with_entries({"deviceName": device, "noDevice": True})


@pytest.mark.parametrize("value", [{"deviceName": "vdb"}, "vdb", 5, True])
def test_c30_data_disks_not_an_array(value: object) -> None:
    (finding,) = of_rule({"name": "web", "dataDisks": value}, "C30")
    assert finding.pointer == "/dataDisks"
    assert finding.api is not None
    assert finding.api.code == "INVALID_ARGUMENT"


@pytest.mark.parametrize("item", ["vdb", 1, None, ["vdb"], True])
def test_c30_entries_must_be_objects(item: object) -> None:
    (finding,) = of_rule(with_entries({"deviceName": "vdc", "noDevice": True}, item), "C30")
    assert finding.pointer == "/dataDisks/1"


def test_slot_numbers_follow_virtio_order() -> None:
    assert [slot_number(name) for name in ("vda", "vdb", "vdz", "vdaa", "vdaz", "vdba", "vdbm", "vdbn")] == [
        1, 2, 26, 27, 52, 53, 65, 66,
    ]  # fmt: skip
    assert slot_number("sdb") is None


@pytest.mark.parametrize("device", ["vdb", "vdc", "vdy", "vdz", "vdaa", "vdab", "vdaz", "vdba", "vdbl", "vdbm"])
def test_c31_devices_in_range(device: str) -> None:
    assert of_rule(_excluding(device), "C31") == []


@pytest.mark.parametrize("device", ["vda", "vdbn", "vdbz", "vdca", "vdzz", "vdaaa"])
def test_c31_well_formed_out_of_range(device: str) -> None:
    (finding,) = of_rule(_excluding(device), "C31")
    assert finding.pointer == "/dataDisks/0/deviceName"
    assert finding.api is not None
    assert (finding.api.status, finding.api.code) == (400, "OUT_OF_RANGE")


@pytest.mark.parametrize("device", ["sdb", "xvdb", "VDB", "vdb1", "vd", "", "vd b", "hdb"])
def test_c31_not_a_device_name(device: str) -> None:
    (finding,) = of_rule(_excluding(device), "C31")
    assert finding.api is not None
    assert (finding.api.status, finding.api.code) == (400, "INVALID_ARGUMENT")


def test_c32_duplicate_device_points_at_the_later_entry() -> None:
    request = with_entries(
        {"deviceName": "vdb", "noDevice": True},
        {"deviceName": "vdc", "noDevice": True},
        {"deviceName": "vdb", "autoDelete": True},
    )
    (finding,) = of_rule(request, "C32")
    assert finding.pointer == "/dataDisks/2/deviceName"
    assert api_of(finding) == (400, "DUPLICATE", "Duplicate deviceName")


def test_c32_distinct_devices_pass() -> None:
    request = with_entries({"deviceName": "vdb", "noDevice": True}, {"deviceName": "vdc", "noDevice": True})
    assert of_rule(request, "C32") == []


def test_c32_three_times_is_two_findings() -> None:
    request = with_entries(*[{"deviceName": "vdz", "noDevice": True}] * 3)
    assert [f.pointer for f in of_rule(request, "C32")] == ["/dataDisks/1/deviceName", "/dataDisks/2/deviceName"]


def test_c33_exclusion_without_device() -> None:
    (finding,) = of_rule(with_entries({"noDevice": True}), "C33")
    assert finding.pointer == "/dataDisks/0"
    assert finding.api is not None
    assert (finding.api.status, finding.api.code) == (400, "INVALID_ARGUMENT")


@pytest.mark.parametrize("entry", [{"deviceName": "vdb", "noDevice": True}, {"noDevice": False, "autoDelete": True}])
def test_c33_not_fired(entry: dict[str, object]) -> None:
    assert of_rule(with_entries(entry), "C33") == []


def test_c34_settings_on_an_excluded_entry_are_ignored() -> None:
    entry = {
        "deviceName": "vdb",
        "noDevice": True,
        "autoDelete": True,
        "diskCategory": "cloud",
        "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40},
    }
    found = of_rule(with_entries(entry), "C34")
    assert {f.pointer for f in found} == {
        "/dataDisks/0/autoDelete",
        "/dataDisks/0/diskCategory",
        "/dataDisks/0/cloudDiskSpec",
    }
    assert all(f.severity is Severity.WARNING for f in found)


def test_c34_plain_exclusion_is_silent() -> None:
    assert findings(_excluding("vdb")) == ()


@pytest.mark.parametrize(
    "entry",
    [
        {"deviceName": "vdb"},
        {"deviceName": "vdb", "noDevice": False},
        {},
        {"deviceName": "vdb", "diskCategory": "cloud"},
    ],
)
def test_c35_entry_that_does_nothing(entry: dict[str, object]) -> None:
    (finding,) = of_rule(with_entries(entry), "C35")
    assert finding.pointer == "/dataDisks/0"
    assert finding.severity is Severity.WARNING


@pytest.mark.parametrize(
    "entry",
    [
        {"deviceName": "vdb", "noDevice": True},
        {"deviceName": "vdb", "autoDelete": False},
        {"deviceName": "vdb", "cloudDiskSpec": {"diskSizeGB": 100}},
    ],
)
def test_c35_entries_that_do_something(entry: dict[str, object]) -> None:
    assert of_rule(with_entries(entry), "C35") == []


def test_c36_new_disk_without_device_name() -> None:
    (finding,) = of_rule(with_entries({"cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40}}), "C36")
    assert finding.pointer == "/dataDisks/0"
    assert finding.severity is Severity.WARNING


def test_c36_not_fired_with_device_name() -> None:
    request = with_entries({"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40}})
    assert findings(request) == ()


@pytest.mark.parametrize(("category", "bad"), [("cloud", False), ("local", True), ("Cloud", True), ("", True)])
def test_c37_disk_category(category: str, bad: bool) -> None:
    found = of_rule(with_entries({"deviceName": "vdb", "autoDelete": True, "diskCategory": category}), "C37")
    assert bool(found) is bad
    if bad:
        assert found[0].pointer == "/dataDisks/0/diskCategory"
        assert found[0].api is not None
        assert found[0].api.code == "INVALID_ARGUMENT"


def _slots(count: int) -> list[dict[str, object]]:
    names = [f"vd{c}" for c in "bcdefghijklmnopqrstuvwxyz"] + [f"vda{c}" for c in "abcdefghijklmnopqrstuvwxyz"]
    names += [f"vdb{c}" for c in "abcdefghijklm"]
    assert len(names) == 64
    return [{"deviceName": name, "noDevice": True} for name in names[:count]]


def test_c38_sixty_four_entries_pass() -> None:
    assert findings(with_entries(*_slots(64))) == ()


def test_c38_sixty_five_entries_fail() -> None:
    request = with_entries(*_slots(64), {"deviceName": "vdbn", "noDevice": True})
    (finding,) = of_rule(request, "C38")
    assert finding.pointer == "/dataDisks"
    assert finding.api is not None
    assert (finding.api.status, finding.api.code) == (400, "OUT_OF_RANGE")
    assert "65" in finding.message


@pytest.mark.parametrize("value", [True, False])
def test_c39_not_without_an_instance_description(value: bool) -> None:
    # docs/decisions.md#auto-delete-scope (see tests/context/test_context_fidelity.py).
    assert of_rule(with_entries({"deviceName": "vdb", "autoDelete": value}), "C39") == []


def test_c39_not_on_excluded_entries() -> None:
    assert "C39" not in rules(with_entries({"deviceName": "vdb", "noDevice": True, "autoDelete": True}))
