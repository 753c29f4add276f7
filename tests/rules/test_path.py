"""C10–C12: regionId and instanceId."""

from __future__ import annotations

import pytest

from tests.helpers import api_of, of_rule, valid_request
from validator import Severity


def _with(key: str, value: str) -> dict[str, object]:
    request = valid_request()
    request[key] = value
    return request


@pytest.mark.parametrize("region", ["cn-north-1", "cn-east-1", "cn-east-2", "cn-south-1", "cn-southwest-1"])
def test_c10_c11_known_regions_pass(region: str) -> None:
    request = _with("regionId", region)
    assert of_rule(request, "C10") == []
    assert of_rule(request, "C11") == []


@pytest.mark.parametrize("region", ["CN-NORTH-1", "cn_north_1", "cn-north", "north-1", "cn-north-1a", ""])
def test_c10_malformed_region_is_an_error(region: str) -> None:
    (finding,) = of_rule(_with("regionId", region), "C10")
    assert finding.severity is Severity.ERROR
    assert finding.pointer == "/regionId"
    assert finding.api is not None
    assert (finding.api.status, finding.api.code) == (400, "INVALID_ARGUMENT")


@pytest.mark.parametrize("region", ["cn-north-2", "ap-southeast-1"])
def test_c11_unknown_well_formed_region_is_a_warning(region: str) -> None:
    request = _with("regionId", region)
    assert of_rule(request, "C10") == []
    (finding,) = of_rule(request, "C11")
    assert finding.severity is Severity.WARNING
    assert finding.api is None


def test_c12_masked_instance_id() -> None:
    (finding,) = of_rule(_with("instanceId", "i-eumm****d6"), "C12")
    assert finding.severity is Severity.ERROR
    assert "masked" in finding.message
    assert api_of(finding) == (
        404,
        "NOT_FOUND",
        "Instance 'i-eumm****d6' not found.",
    )


@pytest.mark.parametrize("instance", ["I-EUMM7K2QD6", "ins-eumm7k2q", "i-", "i-eumm_7k2qd", "eumm7k2qd6"])
def test_c12_malformed_instance_id_is_an_error(instance: str) -> None:
    (finding,) = of_rule(_with("instanceId", instance), "C12")
    assert finding.severity is Severity.ERROR
    assert finding.api is not None
    assert finding.api.message == f"Instance '{instance}' not found."


@pytest.mark.parametrize(
    ("instance", "warned"), [("i-abcdefghi", True), ("i-abcdefghij", False), ("i-abcdefghijk", True)]
)
def test_c12_length_other_than_ten_is_a_warning(instance: str, warned: bool) -> None:
    found = of_rule(_with("instanceId", instance), "C12")
    assert [f.severity for f in found] == ([Severity.WARNING] if warned else [])
