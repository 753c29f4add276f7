"""The compiled schema validator gives exactly jsonschema's Draft 2020-12 errors (with the API's strict
integers) on generated documents, for every shipped schema."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, validators
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.strategies import accepted_requests, json_scalars
from validator import schemas
from validator.compiled_schema import compile_schema
from validator.model import normalise


def _is_integer(_checker: object, value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


STRICT = validators.extend(  # type: ignore[no-untyped-call]
    Draft202012Validator, type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer)
)
REGISTRY: Registry[Any] = Registry().with_resources(
    (schemas.load(name)["$id"], Resource.from_contents(schemas.load(name), DRAFT202012)) for name in schemas.SCHEMA_FILES
)
OTHERS = [schemas.load(name) for name in schemas.SCHEMA_FILES]


def _reference(name: str, instance: Any) -> list[tuple[object, ...]]:
    errors = STRICT(schemas.load(name), registry=REGISTRY).iter_errors(instance)
    return sorted((tuple(e.absolute_path), e.validator, repr(e.validator_value), repr(e.instance)) for e in errors)


def _compiled(name: str, instance: Any) -> list[tuple[object, ...]]:
    errors = compile_schema(schemas.load(name), OTHERS)(instance)
    return sorted((e.path, e.keyword, repr(e.value), repr(e.instance)) for e in errors)


values = st.recursive(json_scalars | st.sampled_from(["cloud", "ssd.gp1", "vdb", "a" * 40]), lambda c: st.lists(c, max_size=3), max_leaves=6)
disk = st.dictionaries(st.sampled_from(["diskType", "diskSizeGB", "iops", "snapshotId", "encrypt", "charge", "az"]), values | st.integers(-10, 20000) | st.floats(0, 20000) | st.dictionaries(st.text(max_size=3), values, max_size=2))
entry = st.dictionaries(st.sampled_from(["deviceName", "noDevice", "autoDelete", "diskCategory"]), values) | st.builds(lambda e, d: {**e, "cloudDiskSpec": d}, st.dictionaries(st.sampled_from(["deviceName", "noDevice"]), values), disk)
requests = st.fixed_dictionaries(
    {},
    optional={
        "name": values | st.text(max_size=40),
        "description": values | st.text(min_size=250, max_size=260),
        "regionId": values | st.sampled_from(["cn-north-1", "CN-1", ""]),
        "instanceId": values,
        "dataDisks": values | st.lists(entry | values, max_size=66),
        "extra": values,
    },
)


@pytest.mark.parametrize("name", [schemas.PARAMETERS, schemas.BODY])
@given(instance=requests | values)
def test_request_schemas_match_jsonschema(name: str, instance: Any) -> None:
    assert _compiled(name, instance) == _reference(name, instance)


@given(accepted_requests())
def test_normalised_valid_requests_match_jsonschema(request: dict[str, Any]) -> None:
    clean = normalise(request).clean
    assert _compiled(schemas.PARAMETERS, clean) == _reference(schemas.PARAMETERS, clean) == []


config_values = st.recursive(json_scalars | st.sampled_from(["C3", "C3!", "warning", "zh", "ssd.gp1"]), lambda c: st.lists(c, max_size=3), max_leaves=5)
configs = st.fixed_dictionaries(
    {},
    optional={
        "select": config_values,
        "ignore": st.lists(st.sampled_from(["C", "P0", "bad id", ""]), max_size=3),
        "fail-on": config_values,
        "lang": config_values,
        "max-bytes": config_values | st.integers(-1, 3),
        "severity": st.dictionaries(st.sampled_from(["C39", "c39", "X", "P01"]), config_values, max_size=3),
        "per-file-ignores": st.dictionaries(st.text(max_size=5), config_values, max_size=2),
        "policy": st.dictionaries(st.sampled_from(["max-data-disks", "name-pattern", "require-encryption", "allowed-disk-types", "nope"]), config_values | st.integers(-2, 3), max_size=3),
        "unknown": config_values,
    },
)


@given(instance=configs | config_values)
def test_config_schema_matches_jsonschema(instance: Any) -> None:
    assert _compiled(schemas.CONFIG, instance) == _reference(schemas.CONFIG, instance)


def test_unsupported_keyword_is_refused() -> None:
    with pytest.raises(ValueError, match="does not support"):
        compile_schema({"anyOf": []}, [])
    with pytest.raises(ValueError, match="cannot resolve"):
        compile_schema({"$ref": "urn:nowhere"}, [])
