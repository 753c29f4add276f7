"""Each rule's documentation URL (an anchor of docs/rules.md, on the repository the package metadata
names) in SARIF and JUnit, SARIF's rule properties, and where findings end in every format."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from email.message import Message
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from junitparser import JUnitXml

from validator.rules import docs_url, registry
from validator.rules.docs_url import REPOSITORY, repository_url, rule_url

ROOT = Path(__file__).resolve().parents[2]
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
YAML = "name: sizes and iops\ndataDisks:\n  - deviceName: vdb\n    cloudDiskSpec:\n      diskType: ssd.io1\n      diskSizeGB: 20\n      iops: 1010\n"


def _cli(cwd: Path, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "validator", "check", *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


def test_every_rule_url_is_an_anchor_that_docs_rules_md_has() -> None:
    reference = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in registry.RULES:
        url = rule_url(rule.id)
        page, _, anchor = url.partition("#")
        assert page == f"{repository_url()}/blob/main/docs/rules.md"
        assert f'<a id="{anchor}"></a>' in reference


def test_the_fallback_repository_is_the_one_pyproject_names() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["urls"]["Repository"] == REPOSITORY
    assert project["urls"]["Documentation"].startswith(REPOSITORY)


def test_the_repository_is_read_from_the_package_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    metadata = Message()
    metadata["Project-URL"] = "Documentation, https://example.org/docs"
    metadata["Project-URL"] = "Repository, https://git.example.org/fork/jdcloud-preflight/"
    monkeypatch.setattr("importlib.metadata.metadata", lambda name: metadata)
    repository_url.cache_clear()
    try:
        assert rule_url("C43") == "https://git.example.org/fork/jdcloud-preflight/blob/main/docs/rules.md#c43"
    finally:
        repository_url.cache_clear()


def test_without_package_metadata_the_repository_is_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    def missing(name: str) -> None:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr("importlib.metadata.metadata", missing)
    repository_url.cache_clear()
    try:
        assert docs_url.repository_url() == REPOSITORY
    finally:
        repository_url.cache_clear()


def _sarif(cwd: Path, *args: str) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(_cli(cwd, "--format", "sarif", *args))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    return log


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sarif_rules_carry_their_own_help(tmp_path: Path, lang: str) -> None:
    (tmp_path / "r.yaml").write_text(YAML)
    rules = _sarif(tmp_path, "--lang", lang, "r.yaml")["runs"][0]["tool"]["driver"]["rules"]
    assert len({rule["helpUri"] for rule in rules}) == len(registry.RULES)
    for rule, meta in zip(rules, registry.RULES, strict=True):
        assert rule["helpUri"] == rule_url(meta.id)
        assert meta.good in rule["help"]["markdown"]
        assert f"]({rule_url(meta.id)})" in rule["help"]["markdown"]
        expected = {
            "error": ("very-high", "error"),
            "warning": ("high", "warning"),
            "info": ("medium", "recommendation"),
        }
        precision, problem = expected[meta.severity.label]
        assert rule["properties"]["precision"] == precision
        assert rule["properties"]["problem.severity"] == problem


def test_junit_testcases_carry_their_rule_url(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(YAML)
    (tmp_path / "out.xml").write_text(_cli(tmp_path, "--format", "junit", "r.yaml"))
    cases = [case for suite in JUnitXml.fromfile(str(tmp_path / "out.xml")) for case in suite]
    assert cases
    for case in cases:
        urls = [p.get("value") for p in case._elem.iter("property") if p.get("name") == "url"]
        assert urls == [rule_url(case.name.split()[0])]


def test_findings_end_where_their_value_ends_in_every_format(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(YAML)
    findings = json.loads(_cli(tmp_path, "--format", "json", "r.yaml"))["files"][0]["findings"]
    name = next(f for f in findings if f["pointer"] == "/name")
    assert (name["line"], name["column"], name["end_line"], name["end_column"]) == (1, 7, 1, 21)
    assert list(name)[4:8] == ["line", "column", "end_line", "end_column"]
    iops = next(f for f in findings if f["pointer"].endswith("/iops"))
    assert (iops["line"], iops["column"], iops["end_line"], iops["end_column"]) == (7, 13, 7, 17)
    region = _sarif(tmp_path, "r.yaml")["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 7, "endLine": 1, "endColumn": 21}
    github = _cli(tmp_path, "--format", "github", "r.yaml")
    assert "line=1,col=7,endLine=1,endColumn=21," in github
    gitlab = json.loads(_cli(tmp_path, "--format", "gitlab", "r.yaml"))
    assert {issue["location"]["lines"]["end"] for issue in gitlab} == {1, 7}


def test_a_finding_at_a_key_ends_where_the_key_ends(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text('{\n  "name": "web",\n  "Name2": 1\n}\n')
    findings = json.loads(_cli(tmp_path, "--format", "json", "r.json"))["files"][0]["findings"]
    unknown = next(f for f in findings if f["rule"] == "C04")
    assert (unknown["line"], unknown["column"], unknown["end_line"], unknown["end_column"]) == (3, 3, 3, 10)


def test_a_multi_line_value_ends_on_its_last_line(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text('{"name": "web",\n "dataDisks": {\n  "deviceName": "vdb"\n }\n}\n')
    findings = json.loads(_cli(tmp_path, "--format", "json", "r.json"))["files"][0]["findings"]
    disks = next(f for f in findings if f["pointer"] == "/dataDisks")
    assert (disks["line"], disks["end_line"], disks["end_column"]) == (2, 4, 3)


def test_a_finding_without_a_place_has_no_end(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text('{"name": ')
    (finding,) = json.loads(_cli(tmp_path, "--format", "json", "r.json"))["files"][0]["findings"]
    assert finding["rule"] == "C01"
    assert finding["end_line"] is None
    assert finding["end_column"] is None
    region = _sarif(tmp_path, "r.json")["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert "endLine" not in region


def test_columns_after_a_byte_order_mark_end_where_they_start(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text('\ufeff{"name": "", "dataDisks": []}', encoding="utf-8")
    findings = json.loads(_cli(tmp_path, "--format", "json", "r.json"))["files"][0]["findings"]
    name = next(f for f in findings if f["pointer"] == "/name")
    assert (name["line"], name["column"], name["end_line"], name["end_column"]) == (1, 10, 1, 12)
