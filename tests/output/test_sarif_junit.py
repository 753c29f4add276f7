"""SARIF 2.1.0 (validated against the official schema) and JUnit XML (parsed by junitparser)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator
from junitparser import Failure, JUnitXml

from tests.helpers import EXAMPLES
from validator.cli.main import main
from validator.rules import registry

SARIF_SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json"


def _sarif(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    main(["check", "--format", "sarif", *argv])
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_sarif_of_the_examples_validates(capsys: pytest.CaptureFixture[str]) -> None:
    log = _sarif(capsys, "--fail-on", "info", str(EXAMPLES))
    Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    (run,) = log["runs"]  # type: ignore[index]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [rule.id for rule in registry.RULES]
    for rule in rules:
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"]
        assert rule["helpUri"].startswith("https://")
    results = run["results"]
    assert results
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1
        assert region["startColumn"] >= 1
    masked = [r for r in results if r["ruleId"] == "C46"]
    assert masked[0]["level"] == "error"
    assert "404 NOT_FOUND" in masked[0]["message"]["text"]


def test_sarif_fingerprints_are_stable_when_unrelated_lines_move(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("name: web\ndataDisks:\n  - deviceName: vdca\n    noDevice: true\n")
    before = _sarif(capsys, str(path))["runs"][0]["results"]  # type: ignore[index]
    path.write_text("# moved down\n\nname: web\ndescription: x\ndataDisks:\n  - deviceName: vdca\n    noDevice: true\n")
    after = _sarif(capsys, str(path))["runs"][0]["results"]  # type: ignore[index]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before + after] == [3, 6]


def test_sarif_in_chinese_keeps_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    log = _sarif(capsys, "--lang", "zh", str(EXAMPLES / "mistakes"))
    Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)


def test_junit_parses_with_a_suite_per_file_and_a_case_per_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--format", "junit", str(EXAMPLES / "mistakes"), str(EXAMPLES / "web-image.yaml")]) == 1
    report = tmp_path / "junit.xml"
    report.write_text(capsys.readouterr().out, encoding="utf-8")
    xml = JUnitXml.fromfile(str(report))
    suites = list(xml)
    assert [suite.name for suite in suites][-1].endswith("web-image.yaml")
    assert len(suites) == 6
    # Only the rules that ran: no context rule without --instance, no policy rule without a policy (issue 12),
    # no C39 without an instance description, no YAML rule (C06, S01, S02) on JSON, C01 alone where it failed.
    ran = [rule for rule in registry.RULES if rule.enforced_by not in ("context", "policy") and rule.id != "C39"]
    for suite in suites:
        cases = list(suite)
        if suite.name.endswith("not-json.json"):
            expected = [rule for rule in ran if rule.id == "C01"]
        elif suite.name.endswith(".json"):
            expected = [rule for rule in ran if rule.id not in ("C06", "S01", "S02")]
        else:
            expected = ran
        assert [case.name for case in cases] == [f"{rule.id} {rule.name}" for rule in expected]
        assert suite.tests == len(expected)
        assert suite.failures == sum(1 for case in cases if any(isinstance(r, Failure) for r in case.result))
    by_file = {suite.name.rsplit("/", 1)[-1]: suite for suite in suites}
    failed = {case.name.split()[0] for case in by_file["device-names.json"] if case.result}
    assert failed == {"C31", "C32", "C33"}  # no info here (C39 needs an instance description); only errors fail
    assert by_file["web-image.yaml"].failures == 0


def test_junit_follows_fail_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--format", "junit", "--fail-on", "info", str(EXAMPLES / "mistakes" / "device-names.json")])
    report = tmp_path / "junit.xml"
    report.write_text(capsys.readouterr().out, encoding="utf-8")
    (suite,) = list(JUnitXml.fromfile(str(report)))
    # The autoDelete on vdz is no C39 info without an instance description: only the errors fail.
    assert {case.name.split()[0] for case in suite if case.result} == {"C31", "C32", "C33"}


def test_sarif_columns_are_counted_in_code_points_and_say_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request = tmp_path / "r.json"
    request.write_text('{"description": "😀😀镜", "name": "a"}', encoding="utf-8")
    main(["check", "--format", "sarif", str(request)])
    run = json.loads(capsys.readouterr().out)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    (result,) = [r for r in run["results"] if r["ruleId"] == "C21"]
    # {"description": "😀😀镜", "name": "a"}: the value "a" starts at the 32nd code point.
    assert result["locations"][0]["physicalLocation"]["region"]["startColumn"] == 32
