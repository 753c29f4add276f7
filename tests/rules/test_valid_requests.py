"""Requests the API accepts yield no error, in every shape the tool reads (and the base yields nothing)."""

from __future__ import annotations

import json

from tests.helpers import EXAMPLES, findings, valid_request
from validator import check_create_image


def test_valid_request_has_no_finding_at_all() -> None:
    assert findings(valid_request()) == ()


def test_body_form_is_accepted() -> None:
    request = valid_request()
    del request["regionId"], request["instanceId"]
    assert findings(request) == ()


def test_json_and_yaml_text_give_the_same_findings() -> None:
    import yaml

    request = valid_request()
    request["dataDisks"][1]["cloudDiskSpec"]["iops"] = 9000  # above 100 × 50: one error
    from_json = check_create_image(json.dumps(request, indent=2)).findings
    from_yaml = check_create_image(yaml.safe_dump(request)).findings
    strip = [(f.rule, f.severity, f.pointer, f.message, f.api) for f in from_json]
    assert strip == [(f.rule, f.severity, f.pointer, f.message, f.api) for f in from_yaml]
    assert [f.rule for f in from_json] == ["C45"]


def test_sdk_serialised_example_has_no_error() -> None:
    report = check_create_image((EXAMPLES / "sdk-serialised.json").read_bytes(), filename="sdk-serialised.json")
    assert report.ok
    # autoDelete is set on one disk: no finding without an instance description (docs/decisions.md#auto-delete-scope;
    # it was an info here before).
    assert report.findings == ()


def test_yaml_example_has_no_finding() -> None:
    text = (EXAMPLES / "web-image.yaml").read_text(encoding="utf-8")
    assert check_create_image(text, filename="web-image.yaml").findings == ()


def test_nulls_everywhere_count_as_absent() -> None:
    request = {
        "regionId": None,
        "instanceId": None,
        "name": "web",
        "description": None,
        "dataDisks": [
            {
                "diskCategory": None,
                "autoDelete": None,
                "deviceName": "vdb",
                "noDevice": True,
                "cloudDiskSpec": None,
                "unknownButNull": None,
            }
        ],
    }
    assert findings(request) == ()


def test_empty_data_disks_is_fine() -> None:
    assert findings({"name": "web", "dataDisks": []}) == ()
