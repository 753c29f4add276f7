"""`jdcloud-preflight schema` (issue 12): one self-contained JSON Schema for editors. Validating with that
file alone (jsonschema, no registry of the other schemas) gives the tool's own schema verdicts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.rules.test_properties import MUTATIONS, _io1_first
from tests.strategies import canonical_requests, json_scalars
from validator.cli.main import main
from validator.core.model import normalise
from validator.schema.schema_check import schema_hits


@pytest.fixture(scope="module")
def schema_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    capture = tmp_path_factory.mktemp("schema") / "create-image.schema.json"
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["schema"]) == 0
    capture.write_text(out.getvalue(), encoding="utf-8")
    return capture


@pytest.fixture(scope="module")
def validator(schema_file: Path) -> jsonschema.Draft202012Validator:
    # The file alone: no registry, no retrieval; an unresolved $ref would raise here.
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if "$ref" in node else []
        return own + [ref for value in node.values() for ref in _refs(value)]
    if isinstance(node, list):
        return [ref for item in node for ref in _refs(item)]
    return []


def test_every_ref_points_inside_the_file(schema_file: Path) -> None:
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    refs = _refs(schema)
    assert refs  # the entry and disk schemas are referenced ...
    assert all(ref.startswith("#/$defs/") for ref in refs)  # ... and every reference is local
    assert all(ref.removeprefix("#/$defs/") in schema["$defs"] for ref in refs)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def _tool_rejects(document: dict[str, Any]) -> bool:
    return any(True for _ in schema_hits(normalise(document, ())))


# Integral floats (40.0) are left out: JSON Schema cannot tell 40.0 from 40, the tool (like the API) can.
_scalars = json_scalars.filter(lambda value: not (isinstance(value, float) and value.is_integer()))
_DISK = ("az", "name", "description", "diskType", "diskSizeGB", "iops", "snapshotId", "policyId", "charge",
         "multiAttachable", "encrypt")  # fmt: skip
_disks = st.dictionaries(st.sampled_from(_DISK), _scalars, max_size=5)
_entries = st.dictionaries(
    st.sampled_from(("diskCategory", "autoDelete", "cloudDiskSpec", "deviceName", "noDevice")), _scalars | _disks
)
_documents = st.dictionaries(
    st.sampled_from(("regionId", "instanceId", "name", "description", "dataDisks")),
    _scalars | st.lists(_entries | _scalars, max_size=4),
    max_size=5,
)


@given(_documents | canonical_requests())
def test_the_file_alone_gives_the_tools_schema_verdicts(
    validator: jsonschema.Draft202012Validator, document: dict[str, Any]
) -> None:
    assert validator.is_valid(document) is not _tool_rejects(document)


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.__name__ for m in MUTATIONS])
@settings(max_examples=25)
@given(base=canonical_requests(), size=st.integers(2, 1599).map(lambda n: n * 10))
def test_schema_mutations_are_rejected_by_the_file_as_by_the_tool(
    validator: jsonschema.Draft202012Validator, mutation: Any, base: dict[str, Any], size: int
) -> None:
    request = _io1_first(base, size)
    assert validator.is_valid(request)
    mutation(request)
    if mutation.__name__ != "size_as_float":  # 40.0: see above
        assert validator.is_valid(request) is not _tool_rejects(request)


def test_the_shipped_examples_get_the_same_verdict(validator: jsonschema.Draft202012Validator) -> None:
    from tests.helpers import EXAMPLES

    for path in [EXAMPLES / "sdk-serialised.json", EXAMPLES / "mistakes" / "masked-ids.json"]:
        document = json.loads(path.read_text(encoding="utf-8"))
        assert validator.is_valid(document) is not _tool_rejects(document)
