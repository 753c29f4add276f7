"""Patterns match the whole value (docs/decisions.md#whole-value-patterns): Python's
`$` accepts a final newline, so every pattern-checked field is tested with and without one."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.helpers import valid_request
from validator import check_create_image
from validator.schema import schemas


def _set(request: dict[str, Any], field: str, value: str) -> dict[str, Any]:
    if field in ("regionId", "instanceId", "name"):
        request[field] = value
    elif field == "deviceName":
        request["dataDisks"][1]["deviceName"] = value
    else:
        request["dataDisks"][1]["cloudDiskSpec"] = {field: value}
    return request


CASES = [
    ("regionId", "cn-north-1", "C10", "/regionId"),
    ("instanceId", "i-eumm7k2qd6", "C12", "/instanceId"),
    ("name", "web-2026.11", "C22", "/name"),
    ("deviceName", "vdd", "C31", "/dataDisks/1/deviceName"),
    ("snapshotId", "snapshot-h8u1ab3c36", "C46", "/dataDisks/1/cloudDiskSpec/snapshotId"),
]


@pytest.mark.parametrize(("field", "good", "rule", "pointer"), CASES, ids=[case[0] for case in CASES])
def test_a_trailing_newline_fails_and_the_bare_value_passes(field: str, good: str, rule: str, pointer: str) -> None:
    assert check_create_image(_set(valid_request(), field, good)).errors == ()
    for bad in (good + "\n", good + "\r\n", "\n" + good, good + "\n\n"):
        errors = check_create_image(_set(valid_request(), field, bad)).errors
        assert [(f.rule, f.pointer) for f in errors] == [(rule, pointer)], (bad, errors)


def test_a_yaml_block_scalar_carries_the_newline_and_fails_c10() -> None:
    text = "regionId: |\n  cn-north-1\ninstanceId: i-eumm7k2qd6\nname: web\n"
    assert [f.rule for f in check_create_image(text, filename="r.yaml").errors] == ["C10"]
    folded = "regionId: >-\n  cn-north-1\ninstanceId: i-eumm7k2qd6\nname: web\n"  # >- strips the newline
    assert check_create_image(folded, filename="r.yaml").findings == ()


def test_c10_message_shows_the_plain_form() -> None:
    (finding,) = check_create_image({"regionId": "cn-north-1\n", "name": "web"}).errors
    assert finding.message == 'regionId "cn-north-1\\n" does not have the expected form ^[a-z]+-[a-z]+-[0-9]+$'


@pytest.mark.parametrize(("value", "valid"), [("cn-north-1", True), ("cn-north-1\n", False), ("cn-north-1x", False)])
def test_the_shipped_schema_refuses_a_final_newline_under_jsonschema_too(value: str, valid: bool) -> None:
    # jsonschema searches patterns with Python's re.search, where a bare $ would accept "cn-north-1\n".
    region = schemas.load(schemas.PARAMETERS)["properties"]["regionId"]
    assert Draft202012Validator(region).is_valid(value) is valid
