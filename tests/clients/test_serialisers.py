"""The client serialisers of tests/clients/serialisers.py shape bodies as the SDKs do."""

from __future__ import annotations

import json
from typing import Any

from tests.clients.serialisers import go_body, java_body, node_body, python_sdk_body
from tests.helpers import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "real-requests"

REFERENCE: dict[str, Any] = {
    "regionId": "cn-north-1",
    "instanceId": "i-eumm****d6",
    "name": "test",
    "description": "test",
    "dataDisks": [
        {"deviceName": "vdc", "noDevice": True},
        {
            "deviceName": "vde",
            "autoDelete": True,
            "cloudDiskSpec": {
                "snapshotId": "snapshot-h8u1****36",
                "diskType": "ssd.io1",
                "diskSizeGB": 40,
                "iops": 500,
            },
        },
        {"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40}},
    ],
}


def test_go_body_of_the_reference_example_is_the_derived_go_fixture() -> None:
    expected = (FIXTURES / "10-go-sdk-body-of-reference-example.json").read_text(encoding="utf-8").strip()
    assert go_body(REFERENCE) == expected


def test_go_body_sorts_keys_sends_zero_values_and_escapes_html_characters() -> None:
    body = go_body(
        {"regionId": "cn-north-1", "instanceId": "i-abc", "name": "a<b>&c", "dataDisks": [{"cloudDiskSpec": {}}]}
    )
    for escape in ("\\u003c", "\\u003e", "\\u0026"):
        assert escape in body
    assert "<" not in body
    assert ": " not in body
    disk = json.loads(body)["dataDisks"][0]["cloudDiskSpec"]
    assert list(disk) == sorted(disk)
    assert (disk["az"], disk["name"], disk["diskType"], disk["diskSizeGB"]) == ("", "", "", 0)
    assert disk["iops"] is disk["snapshotId"] is disk["encrypt"] is None
    assert json.loads(body)["description"] is None


def test_java_body_of_the_reference_example_is_the_derived_gson_fixture() -> None:
    expected = (FIXTURES / "11-java-gson-body-of-reference-example.json").read_text(encoding="utf-8").strip()
    assert java_body(REFERENCE) == expected


def test_java_body_leaves_nulls_out_and_escapes_as_gson_does() -> None:
    body = java_body({"regionId": "cn-north-1", "instanceId": "i-abc", "name": "a='b'<&>", "description": None})
    assert body == (
        '{"name":"a\\u003d\\u0027b\\u0027\\u003c\\u0026\\u003e","regionId":"cn-north-1","instanceId":"i-abc"}'
    )


def test_node_body_is_the_body_form_without_nulls_or_escapes() -> None:
    body = node_body({"regionId": "cn-north-1", "instanceId": "i-abc", "name": "a<b", "description": None})
    assert body == '{"name":"a<b"}'


def test_python_sdk_body_is_the_real_sdks_with_every_member_and_ascii_escapes() -> None:
    body = python_sdk_body({"regionId": "cn-north-1", "instanceId": "i-abc", "name": "镜像", "dataDisks": [
        {"deviceName": "vdh", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 40}}
    ]}, unset="")  # fmt: skip
    assert "\\u955c\\u50cf" in body
    parsed = json.loads(body)
    assert parsed["description"] is None
    entry = parsed["dataDisks"][0]
    assert entry["noDevice"] is entry["autoDelete"] is None
    assert entry["cloudDiskSpec"]["az"] == ""
    assert entry["cloudDiskSpec"]["snapshotId"] is None
