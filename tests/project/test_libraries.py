"""The foundation the specification names: jsonschema validates every request and the configuration at run
time, attrs holds the records."""

from __future__ import annotations

import copy
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import ROOT, valid_request
from tests.strategies import accepted_requests, json_objects
from validator import ApiError, Finding, Report, Severity, check_create_image
from validator.config import config
from validator.core.messages import Message
from validator.core.model import Entry, KeyNote, Member, Obj, Request
from validator.core.policy import Policy
from validator.instance.context import Attachment, Context, Instance, Quota, Snapshot
from validator.output import FileResult
from validator.readers.records import Document, DuplicateKey, ParseFailure
from validator.rules.base import Given, Hit, Rule
from validator.schema import schema_check, schemas
from validator.settings import Settings


@pytest.fixture
def extra_keyword(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The dataDisks entry schema with a keyword that no code of ours knows: `dependentRequired`."""
    original = schemas.load

    def load(name: str) -> dict[str, Any]:
        schema = copy.deepcopy(original(name))
        if name == schemas.ENTRY:
            schema["dependentRequired"] = {"autoDelete": ["deviceName"]}
            schema["x-rule"] = "C36"
        return schema

    monkeypatch.setattr(schemas, "load", load)
    schema_check._validators.cache_clear()
    yield
    schema_check._validators.cache_clear()


@pytest.mark.usefixtures("extra_keyword")
def test_a_schema_keyword_no_code_of_ours_knows_is_enforced() -> None:
    request = {"name": "web-image", "dataDisks": [{"autoDelete": True}]}
    findings = [f for f in check_create_image(request).findings if "dependentRequired" in f.message]
    assert [(f.rule, f.pointer) for f in findings] == [("C36", "/dataDisks/0")]
    # Both sides: with the member the keyword asks for, the keyword is satisfied.
    request["dataDisks"][0]["deviceName"] = "vdb"  # type: ignore[index]
    assert not [f for f in check_create_image(request).findings if "dependentRequired" in f.message]


class _Spy:
    """A validator that records every instance it is asked about and lets jsonschema answer."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.seen: list[object] = []

    def iter_errors(self, instance: object) -> Iterator[jsonschema.ValidationError]:
        self.seen.append(instance)
        return self.inner.iter_errors(instance)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "request_",
    [
        valid_request(),
        {"name": "web-image"},
        {"name": 7, "dataDisks": [{"deviceName": "vdb", "cloudDiskSpec": {"diskSizeGB": 40.0}}]},
    ],
    ids=["valid", "valid-body", "invalid"],
)
def test_every_request_valid_or_not_is_validated_by_jsonschema(
    request_: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    spies = {form: _Spy(schema_check.validator_for(form)) for form in (True, False)}
    monkeypatch.setattr(schema_check, "validator_for", lambda form: spies[form])
    check_create_image(request_)
    assert [len(spy.seen) for spy in spies.values()].count(1) == 1
    assert isinstance(spies[True].inner, jsonschema.protocols.Validator)


def test_the_validator_is_jsonschema_draft_2020_12_with_the_api_integer() -> None:
    validator = schema_check.validator_for(True)
    assert validator.META_SCHEMA["$id"] == jsonschema.Draft202012Validator.META_SCHEMA["$id"]
    assert validator.is_type(40, "integer")
    assert not validator.is_type(40.0, "integer")  # C03: the API does not read 40.0 as an integer
    assert not validator.is_type(True, "integer")
    # Built once per process.
    assert schema_check.validator_for(True) is validator


def test_the_configuration_is_validated_by_jsonschema(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    original = schemas.load

    def load(name: str) -> dict[str, Any]:
        schema = copy.deepcopy(original(name))
        if name == schemas.CONFIG:
            schema["properties"]["exclude"]["uniqueItems"] = True
        return schema

    monkeypatch.setattr(schemas, "load", load)
    config._config_validator.cache_clear()
    try:
        path = tmp_path / ".jdcloud-preflight.toml"
        path.write_text('exclude = ["a", "a"]\n')
        with pytest.raises(config.ConfigError, match="exclude: fails uniqueItems"):
            config.load(path)
        path.write_text('exclude = ["a", "b"]\n')
        assert config.load(path).exclude == ("a", "b")
    finally:
        config._config_validator.cache_clear()


def test_rules_and_explain_do_not_import_jsonschema() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from validator.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['rules']); main(['explain', 'C31'])\n"
        "print('jsonschema' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"


RECORDS = [
    ApiError,
    Finding,
    Report,
    Rule,
    Hit,
    Given,
    Settings,
    Policy,
    Attachment,
    Instance,
    Snapshot,
    Quota,
    Context,
    FileResult,
    Document,
    DuplicateKey,
    ParseFailure,
    Message,
    Member,
    Obj,
    KeyNote,
    Entry,
    Request,
    schema_check.SchemaHit,
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda record: record.__name__)
def test_records_are_frozen_attrs_classes(record: type) -> None:
    assert attrs.has(record)
    assert "__slots__" in vars(record)
    # attrs' frozen classes refuse every assignment through this one function.
    assert record.__setattr__.__name__ == "_frozen_setattrs"


def test_findings_are_immutable_hashable_and_evolve() -> None:
    finding = Finding("C31", Severity.ERROR, "bad", "/dataDisks/0/deviceName", 3, 5, ApiError(400, "OUT_OF_RANGE"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        finding.rule = "C32"  # type: ignore[misc]
    assert hash(finding) == hash(attrs.evolve(finding))
    lowered = attrs.evolve(finding, severity=Severity.WARNING)
    assert (lowered.severity, finding.severity) == (Severity.WARNING, Severity.ERROR)
    assert finding.to_dict() == {
        "rule": "C31",
        "severity": "error",
        "message": "bad",
        "pointer": "/dataDisks/0/deviceName",
        "line": 3,
        "column": 5,
        "end_line": None,
        "end_column": None,
        "api": {"status": 400, "code": "OUT_OF_RANGE", "message": None},
        "fix": None,
    }
    assert list(finding.to_dict()) == [
        "rule", "severity", "message", "pointer", "line", "column", "end_line", "end_column", "api", "fix"
    ]  # fmt: skip


def test_every_member_of_a_finding_but_its_translations_is_in_the_json_report() -> None:
    """The JSON report names a finding's members one by one: a member added to the record and not to the
    report fails here."""
    fields = {field.name for field in attrs.fields(Finding)}
    assert set(Finding("C31", Severity.ERROR, "bad", "").to_dict()) == fields - {"text"}


def test_runtime_dependencies_are_declared() -> None:
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {entry.split(">")[0].split("=")[0].strip().lower() for entry in declared}
    assert {"jsonschema", "attrs", "pyyaml"} <= names


@given(st.one_of(accepted_requests(), json_objects))
def test_checking_never_changes_the_callers_request(request: dict[str, Any]) -> None:
    """The schema pass reuses the caller's objects where they are already clean: it must never write to them."""
    before = copy.deepcopy(request)
    first = check_create_image(request)
    assert request == before
    assert check_create_image(before).findings == first.findings
