"""Every official client's body gets the findings its author meant: the plain JSON text of a request, and
the bodies the Go, Java, Node and Python SDKs send for it, get the same findings (docs/clients.md)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.clients.serialisers import go_body, java_body, node_body, python_sdk_body
from tests.strategies import SLOTS
from validator import Finding, check_create_image

PATH_PARAMETERS = ("/regionId", "/instanceId")

texts = st.sampled_from(["", " ", "x", "web-1", "a<b>&c='d'", "镜像", "cn-north-1a", "\u2028"]) | st.text(max_size=40)
ints = st.sampled_from([0, -0, 10, 19, 20, 45, 16000, 16010, 32000, 32010, 200, 199, 500, 32001]) | st.integers(
    -(2**31), 2**31 - 1
)
disk_values: dict[str, st.SearchStrategy[Any]] = {
    "az": texts,
    "name": texts,
    "description": texts,
    "diskType": st.sampled_from(["", "ssd.gp1", "ssd.io1", "hdd.std1", "ssd.gp2", "ssd.io2", "ssd", "SSD.IO1", "x"]),
    "diskSizeGB": ints,
    "iops": ints,
    "snapshotId": st.sampled_from(["", "snapshot-h8u1****36", "snapshot-ab12cd34ef", "snapshot-ab", "snap-x"]),
    "policyId": texts,
    "charge": st.just({"chargeMode": "postpaid_by_duration"}),
    "multiAttachable": st.booleans(),
    "encrypt": st.booleans(),
}
entry_values: dict[str, st.SearchStrategy[Any]] = {
    "diskCategory": st.sampled_from(["cloud", "local", ""]),
    "autoDelete": st.booleans(),
    "deviceName": st.sampled_from([*SLOTS, "vda", "vdbn", "sdb", ""]),
    "noDevice": st.booleans(),
}


def _some(values: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """An object with any of the documented members, each with a well-typed (valid or invalid) value."""
    return st.fixed_dictionaries({}, optional=values)


disks = _some(disk_values)
entries = st.builds(
    lambda members, spec: {**members, **spec},
    _some(entry_values),
    st.just({}) | disks.map(lambda disk: {"cloudDiskSpec": disk}),
)
requests = st.fixed_dictionaries(
    {
        "regionId": st.sampled_from(["cn-north-1", "cn-east-2", "cn-north-9", "CN_NORTH_1"]),
        "instanceId": st.sampled_from(["i-eumm7k2qd6", "i-eumm****d6", "i-abc", "xxx"]),
        "name": texts,
    },
    optional={"description": texts, "dataDisks": st.lists(entries, max_size=64)},
)


def _seen(text: str, plain: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(rule, severity, pointer) of every finding. A Go zero value stands where the plain text has no
    member: the C40/C42 finding on it is placed on the member, the plain one on its object
    (docs/decisions.md#zero-values), so it is compared at the object."""
    return sorted(_where(finding, plain) for finding in check_create_image(text).findings)


def _where(finding: Finding, plain: dict[str, Any]) -> tuple[str, str, str]:
    pointer = finding.pointer
    if finding.rule in ("C40", "C42") and pointer.rsplit("/", 1)[-1] in ("diskType", "diskSizeGB"):
        pointer = pointer.rsplit("/", 1)[0]
    return (finding.rule, finding.severity.value, pointer)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(requests, st.sampled_from(["", None]))
def test_every_clients_body_gets_the_findings_of_the_plain_request(request: dict[str, Any], unset: str | None) -> None:
    plain = _seen(json.dumps(request, ensure_ascii=False), request)
    assert _seen(go_body(request), request) == plain
    assert _seen(java_body(request), request) == plain
    assert _seen(python_sdk_body(request, unset), request) == plain
    # Node sends the path parameters in the URL, not the body: their findings are the URL's.
    assert _seen(node_body(request), request) == [seen for seen in plain if seen[2] not in PATH_PARAMETERS]
