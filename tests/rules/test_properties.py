"""Properties over generated requests: valid ones yield no error; one targeted mutation yields exactly the
expected rule, API code and pointer; any input gives a report, the same one every time."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from tests.strategies import (
    SLOTS,
    accepted_requests,
    canonical_requests,
    json_objects,
    json_values,
    yaml_renderings,
)
from validator import Finding, Report, Severity, check_create_image
from validator.readers import Document, read


@given(accepted_requests())
def test_accepted_requests_yield_no_error(request: dict[str, Any]) -> None:
    report = check_create_image(request)
    assert report.ok, report.errors


@given(accepted_requests())
def test_accepted_requests_as_json_and_yaml_text_yield_no_error(request: dict[str, Any]) -> None:
    assert check_create_image(json.dumps(request, ensure_ascii=False)).ok
    assert check_create_image(yaml.safe_dump(request, allow_unicode=True), filename="r.yaml").ok


Mutation = Callable[[dict[str, Any]], tuple[str, str, str]]
DISK0 = "/dataDisks/0/cloudDiskSpec"


def _io1_first(request: dict[str, Any], size: int) -> dict[str, Any]:
    """Put a new ssd.io1 disk of `size` GiB at vdb as the first entry (other entries keep their slots)."""
    disks = [entry for entry in request.get("dataDisks", []) if entry["deviceName"] != "vdb"]
    iops = min(32000, size * 50)
    request["dataDisks"] = [
        {"deviceName": "vdb", "cloudDiskSpec": {"diskType": "ssd.io1", "diskSizeGB": size, "iops": iops}},
        *disks,
    ]
    return request


def size_off_step(r: dict[str, Any]) -> tuple[str, str, str]:
    r["dataDisks"][0]["cloudDiskSpec"]["diskSizeGB"] += 5
    return "C43", "OUT_OF_RANGE", f"{DISK0}/diskSizeGB"


def iops_one_step_over(r: dict[str, Any]) -> tuple[str, str, str]:
    r["dataDisks"][0]["cloudDiskSpec"]["iops"] += 10
    return "C45", "OUT_OF_RANGE", f"{DISK0}/iops"


def device_past_last(r: dict[str, Any]) -> tuple[str, str, str]:
    r["dataDisks"][0]["deviceName"] = "vdbn"
    return "C31", "OUT_OF_RANGE", "/dataDisks/0/deviceName"


def device_not_virtio(r: dict[str, Any]) -> tuple[str, str, str]:
    r["dataDisks"][0]["deviceName"] = "xvdb"
    return "C31", "INVALID_ARGUMENT", "/dataDisks/0/deviceName"


def duplicate_device(r: dict[str, Any]) -> tuple[str, str, str]:
    r["dataDisks"].append({"deviceName": "vdb", "noDevice": True})
    return "C32", "DUPLICATE", f"/dataDisks/{len(r['dataDisks']) - 1}/deviceName"


def size_as_string(r: dict[str, Any]) -> tuple[str, str, str]:
    spec = r["dataDisks"][0]["cloudDiskSpec"]
    spec["diskSizeGB"] = str(spec["diskSizeGB"])
    return "C03", "INVALID_ARGUMENT", f"{DISK0}/diskSizeGB"


def size_as_float(r: dict[str, Any]) -> tuple[str, str, str]:
    spec = r["dataDisks"][0]["cloudDiskSpec"]
    spec["diskSizeGB"] = float(spec["diskSizeGB"])
    return "C03", "INVALID_ARGUMENT", f"{DISK0}/diskSizeGB"


def masked_snapshot(r: dict[str, Any]) -> tuple[str, str, str]:
    r["dataDisks"][0]["cloudDiskSpec"]["snapshotId"] = "snapshot-h8u1****36"
    return "C46", "NOT_FOUND", f"{DISK0}/snapshotId"


def masked_instance(r: dict[str, Any]) -> tuple[str, str, str]:
    r["instanceId"] = "i-eumm****d6"
    r.setdefault("regionId", "cn-north-1")
    return "C12", "NOT_FOUND", "/instanceId"


def legacy_type(r: dict[str, Any]) -> tuple[str, str, str]:
    r["dataDisks"][0]["cloudDiskSpec"]["diskType"] = "premium-hdd"
    return "C41", "INVALID_ARGUMENT", f"{DISK0}/diskType"


def local_category(r: dict[str, Any]) -> tuple[str, str, str]:
    r["dataDisks"][0]["diskCategory"] = "local"
    return "C37", "INVALID_ARGUMENT", "/dataDisks/0/diskCategory"


def exclusion_without_device(r: dict[str, Any]) -> tuple[str, str, str]:
    r["dataDisks"].append({"noDevice": True})
    return "C33", "INVALID_ARGUMENT", f"/dataDisks/{len(r['dataDisks']) - 1}"


def new_disk_without_type(r: dict[str, Any]) -> tuple[str, str, str]:
    r["dataDisks"].append({"cloudDiskSpec": {"diskSizeGB": 40}})
    return "C40", "INVALID_ARGUMENT", f"/dataDisks/{len(r['dataDisks']) - 1}/cloudDiskSpec"


def name_too_long(r: dict[str, Any]) -> tuple[str, str, str]:
    r["name"] = (r["name"] * 17)[:33]
    return "C21", "INVALID_ARGUMENT", "/name"


def name_with_space(r: dict[str, Any]) -> tuple[str, str, str]:
    r["name"] = " " + r["name"][1:]
    return "C22", "INVALID_ARGUMENT", "/name"


def name_missing(r: dict[str, Any]) -> tuple[str, str, str]:
    r["name"] = None
    return "C20", "INVALID_ARGUMENT", ""


def description_too_long(r: dict[str, Any]) -> tuple[str, str, str]:
    r["description"] = "d" * 257
    return "C23", "INVALID_ARGUMENT", "/description"


def region_malformed(r: dict[str, Any]) -> tuple[str, str, str]:
    r["regionId"] = "cn_north_1"
    return "C10", "INVALID_ARGUMENT", "/regionId"


def too_many_entries(r: dict[str, Any]) -> tuple[str, str, str]:
    r["dataDisks"] = r["dataDisks"][:1] + [{"deviceName": d, "noDevice": True} for d in SLOTS[1:]]
    r["dataDisks"].append({"deviceName": "vdb", "autoDelete": True})
    r["dataDisks"][-1] = {"deviceName": "vdbm", "autoDelete": True}
    r["dataDisks"][-2] = {"deviceName": "vdbl", "noDevice": True}
    # 65 entries: vdbm now appears twice, so C32 fires too; keep only the entry count in view.
    return "C38", "OUT_OF_RANGE", "/dataDisks"


MUTATIONS: list[Mutation] = [
    size_off_step,
    iops_one_step_over,
    device_past_last,
    device_not_virtio,
    duplicate_device,
    size_as_string,
    size_as_float,
    masked_snapshot,
    masked_instance,
    legacy_type,
    local_category,
    exclusion_without_device,
    new_disk_without_type,
    name_too_long,
    name_with_space,
    name_missing,
    description_too_long,
    region_malformed,
]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.__name__ for m in MUTATIONS])
@given(base=canonical_requests(), size=st.integers(2, 1599).map(lambda n: n * 10))
def test_one_mutation_fires_exactly_its_rule(mutation: Mutation, base: dict[str, Any], size: int) -> None:
    request = _io1_first(base, size)
    assert check_create_image(request).ok
    rule, code, pointer = mutation(request)
    errors = [(f.rule, f.api.code if f.api else None, f.pointer) for f in check_create_image(request).errors]
    assert errors == [(rule, code, pointer)]


@given(base=canonical_requests(), size=st.integers(2, 1599).map(lambda n: n * 10))
def test_sixty_five_entries_fire_c38(base: dict[str, Any], size: int) -> None:
    request = _io1_first(base, size)
    rule, code, pointer = too_many_entries(request)
    errors = {(f.rule, f.api.code if f.api else None, f.pointer) for f in check_create_image(request).errors}
    assert (rule, code, pointer) in errors
    assert {e[0] for e in errors} == {"C38", "C32"}


def _stable(findings: tuple[Finding, ...]) -> list[tuple[str, Severity, str, str, object]]:
    return [(f.rule, f.severity, f.pointer, f.message, f.api) for f in findings]


def _reversed(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _reversed(value[key]) for key in reversed(value)}
    if isinstance(value, list):
        return [_reversed(item) for item in value]
    return value


def _no_case_collisions(value: Any) -> bool:
    if isinstance(value, dict):
        folded = [key.casefold() for key in value]
        return len(folded) == len(set(folded)) and all(_no_case_collisions(v) for v in value.values())
    if isinstance(value, list):
        return all(_no_case_collisions(v) for v in value)
    return True


@given(json_values)
def test_any_json_value_gives_a_sorted_deterministic_report(value: Any) -> None:
    first = check_create_image(value)
    assert isinstance(first, Report)
    assert list(first.findings) == sorted(first.findings, key=Finding.sort_key)
    assert check_create_image(value) == first


@given(json_objects)
def test_findings_do_not_depend_on_key_order(value: dict[str, Any]) -> None:
    assume(_no_case_collisions(value))
    assert _stable(check_create_image(value).findings) == _stable(check_create_image(_reversed(value)).findings)


@given(json_objects)
def test_json_and_equivalent_yaml_give_the_same_findings(value: dict[str, Any]) -> None:
    from_json = check_create_image(json.dumps(value), filename="r.json").findings
    from_yaml = check_create_image(yaml.safe_dump(value, sort_keys=False), filename="r.yaml").findings
    # PyYAML dumps y, n and 0-led texts such as "08" unquoted: YAML 1.1 and 1.2 loaders read them differently,
    # which only YAML text can say (C06).
    from_yaml = tuple(f for f in from_yaml if f.rule != "C06")
    # A YAML number where text is expected also says how to quote it, as written (JSON needs no such advice).
    from_yaml = tuple(
        attrs.evolve(f, message=re.sub(r"not the number (.*): YAML reads .*", r"not \1", f.message)) for f in from_yaml
    )
    # Apart from positions: the two texts lay the same members out on different lines.
    assert sorted(_stable(from_json), key=repr) == sorted(_stable(from_yaml), key=repr)
    assert all(f.line is not None for f in from_json + from_yaml)


@given(st.binary(max_size=2000))
def test_any_bytes_give_a_report(data: bytes) -> None:
    for filename in ("r.json", "r.yaml", None):
        report = check_create_image(data, filename=filename)
        assert isinstance(report, Report)
        assert check_create_image(data, filename=filename) == report


@given(st.text(max_size=500))
def test_any_text_gives_a_report(text: str) -> None:
    assert isinstance(check_create_image(text), Report)


def _pyyaml_value(value: Any) -> Any:
    """yaml.safe_load's value with dates as the text they were written as (the checker keeps timestamps as text)."""
    if isinstance(value, dict):
        return {key: _pyyaml_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_pyyaml_value(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@given(yaml_renderings())
def test_yaml_with_merges_aliases_and_c06_scalars_reads_as_pyyaml(
    rendered: tuple[str, dict[str, Any], set[str]],
) -> None:
    text, request, _ = rendered
    document = read(text, "r.yaml")
    assert isinstance(document, Document), document
    assert document.root == request
    assert _pyyaml_value(yaml.safe_load(text)) == request


@given(yaml_renderings())
def test_yaml_with_merges_aliases_and_c06_scalars_gives_the_dicts_findings_and_c06(
    rendered: tuple[str, dict[str, Any], set[str]],
) -> None:
    text, request, ambiguous = rendered
    report = check_create_image(text, filename="r.yaml")
    assert report.ok, report.errors
    assert {f.pointer for f in report.findings if f.rule == "C06"} == ambiguous
    assert all(f.line is not None for f in report.findings)
    others = sorted(_stable(tuple(f for f in report.findings if f.rule != "C06")), key=repr)
    assert others == sorted(_stable(check_create_image(request).findings), key=repr)
