"""Reading the instance context: describe answers, bare objects, SDK model objects; CLI context files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import EXAMPLES
from validator import Context, ContextError
from validator.cli.main import main

CONTEXT = EXAMPLES / "context"


def test_describe_instance_with_and_without_envelope() -> None:
    answer = json.loads((CONTEXT / "describe-instance-stopped-with-data-disks.json").read_text())
    enveloped = Context.from_describe_instance(answer)
    bare = Context.from_describe_instance(answer["result"]["instance"])
    assert enveloped == bare
    instance = enveloped.instance
    assert instance is not None
    assert (instance.instance_id, instance.status) == ("i-st0pped001", "stopped")
    assert instance.system_disk is not None
    assert instance.system_disk.category == "cloud"
    assert [(d.device_name, d.category, d.disk_status, d.size_gb) for d in instance.data_disks] == [
        ("vdb", "cloud", "in-use", 200),
        ("vdc", "cloud", "extending", 500),
        ("vdd", "local", None, 440),
    ]


def test_snapshots_and_quotas() -> None:
    snapshots = Context.from_describe_snapshots(json.loads((CONTEXT / "describe-snapshots.json").read_text())).snapshots
    assert snapshots is not None
    assert [(s.snapshot_id, s.size_gb) for s in snapshots] == [
        ("snapshot-h8u1ab9c36", 40),
        ("snapshot-k2m9x0p4qa", 100),
    ]
    quotas = Context.from_describe_quotas(json.loads((CONTEXT / "describe-quotas.json").read_text())).quotas
    assert quotas is not None
    assert ("image", 10, 9) in [(q.resource_type, q.limit, q.used) for q in quotas]


@pytest.mark.parametrize(
    ("build", "data", "words"),
    [
        (Context.from_describe_instance, [], "describeInstance"),
        (Context.from_describe_instance, {"result": {"instances": []}}, "no 'instance'"),
        (Context.from_describe_instance, {"result": {"instance": {"name": "x"}}}, "instanceId and status"),
        (Context.from_describe_instance, {"instanceId": "i-1", "status": "running", "dataDisks": 5}, "dataDisks"),
        (Context.from_describe_instance, {"instanceId": "i-1", "status": "running", "systemDisk": "vda"}, "systemDisk"),
        (Context.from_describe_snapshots, {"result": {"snapshots": {"a": 1}}}, "describeSnapshots"),
        (Context.from_describe_snapshots, [{"snapshotSizeGB": 1}], "snapshotId"),
        (Context.from_describe_quotas, {"result": {"quotas": [{"limit": 1}]}}, "resourceType"),
        (Context.from_describe_quotas, "quotas", "describeQuotas"),
    ],
)
def test_wrong_shapes_say_what_was_expected(build: object, data: object, words: str) -> None:
    with pytest.raises(ContextError, match=words):
        build(data)  # type: ignore[operator]


def test_from_sdk_model_objects() -> None:
    from jdcloud_sdk.services.disk.models.Disk import Disk
    from jdcloud_sdk.services.disk.models.Snapshot import Snapshot
    from jdcloud_sdk.services.vm.models.Instance import Instance
    from jdcloud_sdk.services.vm.models.InstanceDiskAttachment import InstanceDiskAttachment
    from jdcloud_sdk.services.vm.models.Quota import Quota

    system = InstanceDiskAttachment(
        diskCategory="cloud",
        cloudDisk=Disk(diskId="vol-sys", diskSizeGB=40, status="in-use"),
        deviceName="vda",
        status="attached",
    )
    data = InstanceDiskAttachment(
        diskCategory="cloud",
        cloudDisk=Disk(diskId="vol-vdb", diskSizeGB=200, status="in-use"),
        deviceName="vdb",
        status="attached",
    )
    context = Context.from_sdk(
        instance=Instance(instanceId="i-eumm7k2qd6", status="running", systemDisk=system, dataDisks=[data]),
        snapshots=[Snapshot(snapshotId="snapshot-ab12cd34ef", snapshotSizeGB=100)],
        quotas=[Quota(resourceType="image", limit=10, used=10)],
    )
    assert context.instance is not None
    assert context.instance.attached("vdb") is not None
    assert context.snapshots is not None
    assert context.snapshots[0].size_gb == 100
    assert context.quotas is not None
    assert context.quotas[0].used == 10


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object], str]:
    code = main(["check", "--format", "json", *argv])
    captured = capsys.readouterr()
    return code, (json.loads(captured.out) if captured.out else {}), captured.err


def test_cli_with_all_three_context_files(capsys: pytest.CaptureFixture[str]) -> None:
    code, report, err = _json(
        capsys,
        "--instance", str(CONTEXT / "describe-instance-running-cloud-system-disk.json"),
        "--snapshots", str(CONTEXT / "describe-snapshots.json"),
        "--quotas", str(CONTEXT / "describe-quotas.json"),
        str(CONTEXT / "request-for-web.json"),
    )  # fmt: skip
    assert (code, err) == (0, "")
    # vdb is attached and given a cloudDiskSpec: C72's info only (docs/decisions.md#attached-disk-spec).
    findings = report["files"][0]["findings"]  # type: ignore[index]
    assert [(f["rule"], f["severity"], f["pointer"]) for f in findings] == [
        ("C72", "info", "/dataDisks/0/cloudDiskSpec")
    ]


def test_cli_context_for_another_instance_is_c60(capsys: pytest.CaptureFixture[str]) -> None:
    code, report, _ = _json(
        capsys,
        "--instance",
        str(CONTEXT / "describe-instance-running-local-system-disk.json"),
        str(EXAMPLES / "web-image.yaml"),
    )
    findings = report["files"][0]["findings"]  # type: ignore[index]
    assert code == 1
    assert [(f["rule"], f["pointer"]) for f in findings] == [("C60", "/instanceId")]


def test_cli_stopped_instance_with_a_busy_disk(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    request = tmp_path / "r.json"
    request.write_text(
        '{"instanceId": "i-st0pped001", "name": "web", "dataDisks": [{"deviceName": "vdd", "noDevice": true}]}'
    )
    code, report, _ = _json(
        capsys, "--instance", str(CONTEXT / "describe-instance-stopped-with-data-disks.json"), str(request)
    )
    findings = report["files"][0]["findings"]  # type: ignore[index]
    assert code == 1
    assert [(f["rule"], f["severity"], f["api"]) for f in findings] == [
        (
            "C66",
            "error",
            {"status": 400, "code": "FAILED_PRECONDITION", "message": "Disk 'vol-data0vdc02' busy in 'extending'"},
        ),
        ("C67", "info", None),
    ]


@pytest.mark.parametrize(
    ("option", "content", "words"),
    [
        ("--instance", "[]", "describeInstance file"),
        ("--instance", "{bad", "cannot read describeInstance file"),
        ("--snapshots", '{"result": {"snapshots": 3}}', "describeSnapshots file"),
        ("--quotas", "", "cannot read describeQuotas file"),
    ],
)
def test_cli_bad_context_file_is_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, option: str, content: str, words: str
) -> None:
    context = tmp_path / "context.json"
    context.write_text(content)
    code, report, err = _json(capsys, option, str(context), str(EXAMPLES / "web-image.yaml"))
    assert (code, report) == (2, {})
    assert err.count("\n") == 1
    assert words in err
    assert str(context) in err


def test_cli_missing_context_file_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _json(capsys, "--instance", str(tmp_path / "nope.json"), str(EXAMPLES / "web-image.yaml"))
    assert code == 2
    assert "nope.json" in err


def test_yaml_context_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    context = tmp_path / "instance.yaml"
    context.write_text(
        "result:\n  instance:\n    instanceId: i-eumm7k2qd6\n    status: stopping\n    systemDisk:\n      diskCategory: cloud\n      deviceName: vda\n      status: attached\n"
    )
    code, report, _ = _json(capsys, "--instance", str(context), str(CONTEXT / "request-for-web.json"))
    assert code == 1
    rules = [f["rule"] for f in report["files"][0]["findings"]]  # type: ignore[index]
    assert "C61" in rules


def test_cli_snapshot_quota_file_is_c71(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    quota = tmp_path / "quota.json"
    quota.write_text('{"requestId": "r", "result": {"quota": {"limit": 5, "used": 5}}}')
    code, report, err = _json(capsys, "--snapshot-quota", str(quota), str(CONTEXT / "request-for-web.json"))
    assert err == ""
    assert ("C71", "warning") in [(f["rule"], f["severity"]) for f in report["files"][0]["findings"]]  # type: ignore[index]
    assert code == 1


def test_cli_snapshot_quota_of_the_wrong_shape_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    quota = tmp_path / "quota.json"
    quota.write_text('{"result": {"quota": {"limit": "5", "used": 1}}}')
    assert main(["check", "--snapshot-quota", str(quota), str(CONTEXT / "request-for-web.json")]) == 2
    assert "quota.limit" in capsys.readouterr().err


def test_snapshot_quota_from_the_sdks_model_object() -> None:
    class Quota:  # the disk service SDK's model: attributes set by its constructor
        def __init__(self, limit: int, used: int) -> None:
            self.limit = limit
            self.used = used

    context = Context.from_sdk(snapshot_quota=Quota(10, 10))
    assert context.snapshot_quota is not None
    assert (context.snapshot_quota.limit, context.snapshot_quota.used) == (10, 10)
    assert Context.from_describe_instance({"instanceId": "i-1", "status": "running"}).merged(context).snapshot_quota
