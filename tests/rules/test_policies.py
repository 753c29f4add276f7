"""Organisation policies P01–P08: each fires only when configured, on both sides of its limit."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import with_disk, with_entries
from validator import Severity, check_create_image
from validator.core.policy import Policy
from validator.settings import Settings


def _policy_findings(request: object, **policy: Any) -> list[tuple[str, str]]:
    report = check_create_image(request, settings=Settings(policy=Policy(**policy)))
    found = [f for f in report.findings if f.rule.startswith("P")]
    assert all(f.severity is Severity.ERROR and f.api is None for f in found)
    return [(f.rule, f.pointer) for f in found]


DISK = "/dataDisks/0/cloudDiskSpec"


def test_no_policy_no_policy_findings() -> None:
    request = with_entries({"deviceName": "vdh", "cloudDiskSpec": {"diskType": "hdd.std1", "diskSizeGB": 9000}})
    assert _policy_findings(request) == []


@pytest.mark.parametrize(("kind", "fires"), [("ssd.gp1", False), ("hdd.std1", True)])
def test_p01_allowed_disk_types(kind: str, fires: bool) -> None:
    found = _policy_findings(with_disk(diskType=kind, diskSizeGB=40), allowed_disk_types=("ssd.gp1", "ssd.io1"))
    assert found == ([("P01", f"{DISK}/diskType")] if fires else [])


@pytest.mark.parametrize(("size", "fires"), [(2000, False), (2010, True)])
def test_p02_max_disk_size(size: int, fires: bool) -> None:
    assert _policy_findings(with_disk(diskType="ssd.gp1", diskSizeGB=size), max_disk_size_gb=2000) == (
        [("P02", f"{DISK}/diskSizeGB")] if fires else []
    )


@pytest.mark.parametrize(("second", "fires"), [(500, False), (510, True)])
def test_p03_max_total_size_counts_kept_disks_only(second: int, fires: bool) -> None:
    request = with_entries(
        {"deviceName": "vdb", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 500}},
        {"deviceName": "vdc", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": second}},
        {"deviceName": "vdd", "noDevice": True, "cloudDiskSpec": {"diskSizeGB": 5000}},
    )
    assert _policy_findings(request, max_total_disk_size_gb=1000) == ([("P03", "/dataDisks")] if fires else [])


@pytest.mark.parametrize(("count", "fires"), [(2, False), (3, True)])
def test_p04_max_data_disks(count: int, fires: bool) -> None:
    entries = [{"deviceName": f"vd{c}", "autoDelete": True} for c in "bcd"[:count]]
    entries.append({"deviceName": "vdz", "noDevice": True})
    assert _policy_findings(with_entries(*entries), max_data_disks=2) == ([("P04", "/dataDisks")] if fires else [])


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ({"diskType": "ssd.gp1", "diskSizeGB": 40, "encrypt": True}, []),
        ({"diskType": "ssd.gp1", "diskSizeGB": 40}, [("P05", DISK)]),
        ({"diskType": "ssd.gp1", "diskSizeGB": 40, "encrypt": False}, [("P05", f"{DISK}/encrypt")]),
        ({"snapshotId": "snapshot-ab12cd34ef"}, []),
        ({"diskSizeGB": 100}, []),  # an adjusted attached disk is not a new empty one
    ],
)
def test_p05_new_empty_disks_encrypted(spec: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    assert (
        _policy_findings(with_entries({"deviceName": "vdh", "cloudDiskSpec": spec}), require_encryption=True)
        == expected
    )


@pytest.mark.parametrize(("name", "fires"), [("web-2026.11", False), ("test", True), ("my-web-1", True)])
def test_p06_name_pattern(name: str, fires: bool) -> None:
    assert _policy_findings({"name": name}, name_pattern=r"^web-") == ([("P06", "/name")] if fires else [])


@pytest.mark.parametrize(
    ("request_", "expected"),
    [({"name": "web", "description": "weekly"}, []), ({"name": "web"}, [("P07", "")]),
     ({"name": "web", "description": "  "}, [("P07", "/description")])],
)  # fmt: skip
def test_p07_description_required(request_: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    assert _policy_findings(request_, require_description=True) == expected


def test_p08_auto_delete_explicit() -> None:
    request = with_entries(
        {"deviceName": "vdb", "autoDelete": False},
        {"deviceName": "vdc", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40}},
        {"deviceName": "vdd", "noDevice": True},
    )
    assert _policy_findings(request, require_auto_delete=True) == [("P08", "/dataDisks/1")]


def test_policies_from_the_configuration_file(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from validator.cli.main import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.json").write_text('{"name": "test", "dataDisks": [{"deviceName": "vdh", "cloudDiskSpec": '
                                     '{"diskType": "hdd.std1", "diskSizeGB": 40}}]}')  # fmt: skip
    assert main(["check", "r.json"]) == 0
    (tmp_path / "pyproject.toml").write_text(
        '[tool.jdcloud-preflight.policy]\nallowed-disk-types = ["ssd.gp1"]\nname-pattern = "^web-"\n'
    )
    assert main(["check", "r.json"]) == 1
