"""The pre-flight call: inputs it accepts and the report it returns."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.helpers import valid_request, with_disk
from validator import Finding, PreflightError, Report, Severity, check_create_image


class DiskSpec:  # shaped like the JD Cloud SDK's model: plain attributes, unset ones None
    def __init__(self, az: Any, name: Any, diskType: Any, diskSizeGB: Any, iops: Any = None) -> None:
        self.az = az
        self.name = name
        self.description = None
        self.diskType = diskType
        self.diskSizeGB = diskSizeGB
        self.iops = iops
        self.snapshotId = None
        self.policyId = None
        self.charge = None
        self.multiAttachable = None
        self.encrypt = None


class InstanceDiskAttachmentSpec:
    def __init__(self, cloudDiskSpec: Any = None, deviceName: Any = None, noDevice: Any = None) -> None:
        self.diskCategory = None
        self.autoDelete = None
        self.cloudDiskSpec = cloudDiskSpec
        self.deviceName = deviceName
        self.noDevice = noDevice


class CreateImageParameters:
    def __init__(self, regionId: str, instanceId: str, name: str) -> None:
        self.regionId = regionId
        self.instanceId = instanceId
        self.name = name
        self.description = None
        self.dataDisks: list[InstanceDiskAttachmentSpec] | None = None


class CreateImageRequest:
    def __init__(self, parameters: CreateImageParameters) -> None:
        self.url = "/regions/{regionId}/instances/{instanceId}:createImage"
        self.method = "POST"
        self.header = None
        self.version = "v1"
        self.parameters = parameters


def _sdk_parameters(iops: int) -> CreateImageParameters:
    parameters = CreateImageParameters("cn-north-1", "i-eumm7k2qd6", "web-2026.11")
    parameters.dataDisks = [
        InstanceDiskAttachmentSpec(deviceName="vdc", noDevice=True),
        InstanceDiskAttachmentSpec(DiskSpec(None, None, "ssd.io1", 20, iops), deviceName="vdd"),
    ]
    return parameters


def test_sdk_parameters_object() -> None:
    assert check_create_image(_sdk_parameters(1000)).findings == ()
    (finding,) = check_create_image(_sdk_parameters(1010)).findings
    assert (finding.rule, finding.pointer) == ("C45", "/dataDisks/1/cloudDiskSpec/iops")


def test_sdk_request_object_is_read_through_its_parameters() -> None:
    (finding,) = check_create_image(CreateImageRequest(_sdk_parameters(1010))).findings
    assert finding.rule == "C45"


def test_dict_json_text_and_bytes_agree() -> None:
    request = valid_request()
    request["dataDisks"][0]["deviceName"] = "vdca"
    text = json.dumps(request)
    by_dict = [(f.rule, f.pointer, f.message) for f in check_create_image(request).findings]
    assert by_dict == [(f.rule, f.pointer, f.message) for f in check_create_image(text).findings]
    assert by_dict == [(f.rule, f.pointer, f.message) for f in check_create_image(text.encode()).findings]
    assert [rule for rule, _, _ in by_dict] == ["C31"]


def test_yaml_text_is_sniffed() -> None:
    (finding,) = check_create_image("name: x\n").findings
    assert (finding.rule, finding.line, finding.column) == ("C21", 1, 7)


def test_dict_findings_have_no_position() -> None:
    (finding,) = check_create_image({"name": "x"}).findings
    assert (finding.line, finding.column) == (None, None)


def test_report_is_immutable_and_sorted() -> None:
    report = check_create_image('{"name": "a b",\n "dataDisks": [{"deviceName": "vda", "noDevice": true}]}')
    with pytest.raises(AttributeError):  # frozen records refuse assignment
        report.findings = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):  # frozen records refuse assignment
        report.findings[0].rule = "X"  # type: ignore[misc]
    positions = [(f.line, f.column) for f in report.findings]
    assert positions == sorted(positions)
    assert [f.rule for f in report.findings] == ["C22", "C31"]


def test_counts_ok_and_raise_for_errors() -> None:
    report = check_create_image(with_disk(diskType="ssd.gp1", diskSizeGB=45, iops=100))
    assert report.counts == {"error": 1, "warning": 1, "info": 0}
    assert not report.ok
    with pytest.raises(PreflightError) as raised:
        report.raise_for_errors()
    assert raised.value.findings == report.findings
    text = str(raised.value)
    assert "C43" in text
    assert "/dataDisks/0/cloudDiskSpec/diskSizeGB" in text
    assert "400 OUT_OF_RANGE: DataDisks.CloudDiskSpec.DiskSizeGB out of range" in text


def test_raise_for_errors_is_silent_when_ok() -> None:
    report = check_create_image(with_disk(diskType="ssd.gp1", diskSizeGB=40, iops=100))
    assert report.ok
    assert report.counts["warning"] == 1
    report.raise_for_errors()


def test_chinese_messages() -> None:
    (finding,) = check_create_image(with_disk(diskType="ssd.io1", diskSizeGB=20, iops=1010), lang="zh").findings
    assert finding.message == "iops 1010 超过最大值 1000（min(32000, diskSizeGB 20 × 50)）"
    assert finding.api is not None
    assert finding.api.message == "DataDisks.CloudDiskSpec.Iops out of range."


@pytest.mark.parametrize("odd", [None, 42, [1, 2], {"name": {1, 2}}, {3: "x"}, b"\xff\xfe\x00", b"\x00\x01"])
def test_odd_inputs_give_findings_not_exceptions(odd: object) -> None:
    report = check_create_image(odd)
    assert isinstance(report, Report)
    assert report.findings
    assert all(isinstance(f, Finding) for f in report.findings)
    assert any(f.severity is Severity.ERROR for f in report.findings)


def test_cyclic_object_is_cut_not_recursed_forever() -> None:
    node: dict[str, Any] = {"name": "web"}
    node["dataDisks"] = [node]
    report = check_create_image(node)
    assert not report.ok
