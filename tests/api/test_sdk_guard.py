"""The SDK guard, with the real JD Cloud SDK and its HTTP layer replaced by a recorder."""

from __future__ import annotations

import json
from typing import Any, ClassVar

import pytest
from jdcloud_sdk.core import jdcloudclient
from jdcloud_sdk.core.credential import Credential
from jdcloud_sdk.services.disk.models.DiskSpec import DiskSpec
from jdcloud_sdk.services.vm.apis.CreateImageRequest import CreateImageParameters, CreateImageRequest
from jdcloud_sdk.services.vm.apis.DescribeInstanceRequest import DescribeInstanceParameters, DescribeInstanceRequest
from jdcloud_sdk.services.vm.client.VmClient import VmClient
from jdcloud_sdk.services.vm.models.InstanceDiskAttachmentSpec import InstanceDiskAttachmentSpec

from tests.helpers import EXAMPLES
from validator import Context, PreflightError
from validator.sdk_guard import guard, is_create_image


class Response:
    status_code = 200
    headers: ClassVar[dict[str, str]] = {"Content-Type": "application/json"}
    content = b'{"requestId": "r-1", "result": {"imageId": "img-m5s0t4nt29"}}'


class Recorder:
    """Stands in for `requests.request` inside the SDK: records each call, sends nothing."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def __call__(
        self, method: str, url: str, data: str | None = None, headers: Any = None, timeout: Any = None
    ) -> Response:
        self.calls.append({"method": method, "url": url, "body": data})
        return Response()


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    recorder = Recorder()
    monkeypatch.setattr(jdcloudclient.requests, "request", recorder)
    return recorder


def _client() -> VmClient:
    return VmClient(Credential("test-access-key", "test-secret-key"))


def _request(iops: int, instance: str = "i-eumm7k2qd6") -> CreateImageRequest:
    parameters = CreateImageParameters("cn-north-1", instance, "web-2026.11")
    parameters.setDataDisks([
        InstanceDiskAttachmentSpec(deviceName="vdc", noDevice=True),
        InstanceDiskAttachmentSpec(deviceName="vdd", cloudDiskSpec=DiskSpec(None, None, "ssd.io1", 20, iops=iops)),
    ])  # fmt: skip
    return CreateImageRequest(parameters)


def test_invalid_request_makes_no_http_call(recorder: Recorder) -> None:
    client = guard(_client())
    with pytest.raises(PreflightError) as raised:
        client.send(_request(iops=1010))
    assert recorder.calls == []
    assert [f.rule for f in raised.value.findings if f.severity.label == "error"] == ["C45"]
    assert "DataDisks.CloudDiskSpec.Iops out of range." in str(raised.value)


def test_valid_request_makes_exactly_one_call_with_the_sdk_body(recorder: Recorder) -> None:
    request = _request(iops=1000)
    response = guard(_client()).send(request)
    (call,) = recorder.calls
    assert call["method"] == "POST"
    assert call["url"].endswith("/v1/regions/cn-north-1/instances/i-eumm7k2qd6:createImage")
    assert json.loads(call["body"]) == json.loads(json.dumps(request.parameters, default=lambda o: o.__dict__))
    assert response.result["imageId"] == "img-m5s0t4nt29"


def test_other_requests_pass_through_untouched(recorder: Recorder) -> None:
    request = DescribeInstanceRequest(DescribeInstanceParameters("cn-north-1", "i-eumm****d6"))
    assert not is_create_image(request)
    guard(_client()).send(request)
    assert len(recorder.calls) == 1


def test_context_provider_is_consulted(recorder: Recorder) -> None:
    described = json.loads((EXAMPLES / "context" / "describe-instance-running-local-system-disk.json").read_text())
    described["result"]["instance"]["instanceId"] = "i-eumm7k2qd6"
    seen: list[object] = []

    def provider(request: object) -> Context:
        seen.append(request)
        return Context.from_describe_instance(described)

    request = _request(iops=1000)
    with pytest.raises(PreflightError) as raised:
        guard(_client(), context_provider=provider).send(request)
    assert seen == [request]
    assert recorder.calls == []
    assert "Please stop the instance first" in str(raised.value)


def test_other_attributes_are_the_wrapped_clients(recorder: Recorder) -> None:
    client = _client()
    client.region_hint = "cn-north-1"  # type: ignore[attr-defined]
    assert guard(client).region_hint == "cn-north-1"
