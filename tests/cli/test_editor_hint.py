"""The editor hint: a top-level `$schema` member is an info (not a warning that fails the default gate),
the editor schema allows it, and its descriptions speak to users; `explain` and the docs speak of rules and
decisions."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.helpers import DOCUMENTATION, ROOT
from validator import check_create_image
from validator.cli.main import main
from validator.rules import registry


def _schema() -> dict[str, Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["schema"]) == 0
    return json.loads(out.getvalue())  # type: ignore[no-any-return]


def test_a_top_level_schema_member_is_an_info_and_passes_the_default_gate(tmp_path: Path) -> None:
    path = tmp_path / "web.json"
    path.write_text('{"$schema": "../.vscode/createimage.schema.json", "name": "web"}')
    (finding,) = check_create_image(path.read_text(), filename="web.json").findings
    assert (finding.rule, finding.severity.label, finding.pointer) == ("C04", "info", "/$schema")
    assert main(["check", str(path)]) == 0
    assert main(["check", "--fail-on", "info", str(path)]) == 1


@pytest.mark.parametrize(
    "text",
    [
        '{"name": "web", "dataDisks": [{"deviceName": "vdb", "noDevice": true, "$schema": "x"}]}',
        '{"name": "web", "$Schema": "x"}',
        '{"name": "web", "schema": "x"}',
    ],
)
def test_schema_elsewhere_or_spelt_otherwise_is_still_a_warning(text: str) -> None:
    findings = [f for f in check_create_image(text).findings if f.rule == "C04"]
    assert [f.severity.label for f in findings] == ["warning"]


def test_the_editor_schema_allows_a_top_level_schema_member() -> None:
    validator = jsonschema.Draft202012Validator(_schema())
    assert not list(validator.iter_errors({"$schema": "./createimage.schema.json", "name": "web"}))
    assert list(validator.iter_errors({"$schema": 3, "name": "web"}))
    disk = {"deviceName": "vdb", "noDevice": True, "$schema": "x"}
    assert list(validator.iter_errors({"name": "web", "dataDisks": [disk]}))


def _texts(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [v for k, v in node.items() if k in ("description", "title", "$comment") and isinstance(v, str)]
        return found + [t for v in node.values() for t in _texts(v)]
    if isinstance(node, list):
        return [t for item in node for t in _texts(item)]
    return []


def test_the_editor_schema_speaks_to_users() -> None:
    schema = _schema()
    texts = _texts(schema)
    assert texts
    implementation = re.compile(r"lookahead|re\.search|validator/|catalogue|jsonschema|\$ref|Python", re.IGNORECASE)
    for text in texts:
        assert not implementation.search(text), text
    assert "$comment" not in json.dumps(schema)
    properties = schema["properties"]
    assert "cn-north-1" in properties["regionId"]["description"]
    assert "256" in properties["description"]["description"]
    disk = schema["$defs"]["disk-spec"]["properties"]
    assert "GiB" in disk["diskSizeGB"]["description"]


def test_explain_and_the_docs_speak_of_rules_and_decisions_not_a_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    for rule in registry.RULES:
        for lang in ("en", "zh"):
            assert main(["explain", rule.id, "--lang", lang]) == 0
            out = capsys.readouterr().out
            assert "catalogue" not in out.lower(), rule.id
            assert "目录" not in out, rule.id
    for path in (*DOCUMENTATION, *sorted((ROOT / "schemas").glob("*.json"))):
        assert "catalogue" not in path.read_text(encoding="utf-8").lower(), path


@pytest.mark.parametrize(
    ("rule_id", "origin"),
    [
        ("C01", "checked as the file is read"),
        ("C44", "checked by its rule"),
        ("S01", "checked from the suppression comments"),
    ],
)
def test_explain_says_how_the_rule_is_checked(rule_id: str, origin: str, capsys: pytest.CaptureFixture[str]) -> None:
    main(["explain", rule_id])
    rule = registry.BY_ID[rule_id]
    assert capsys.readouterr().out.startswith(f"{rule.id} {rule.name} ({rule.severity.label}, {origin})")
