"""-o/--output-file: the report in the file (a valid one of its format even when the run exits 2), the
summary on standard error; --exit-zero."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jsonschema
import pytest
from junitparser import JUnitXml

from validator.cli.arguments import FORMATS

ROOT = Path(__file__).resolve().parents[2]
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
BAD = '{"name": "web", "dataDisks": [{"deviceName": "vdca", "noDevice": true}]}\n'
GOOD = '{"name": "web"}\n'


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "validator", "check", *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )


def _valid(fmt: str, text: str) -> Any:
    """The report parsed as its format, checked against the format's own schema where there is one."""
    if fmt == "sarif":
        log = json.loads(text)
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
        return log
    if fmt in ("json", "gitlab"):
        return json.loads(text)
    if fmt == "junit":
        ElementTree.fromstring(text)
        return text
    return text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_report_goes_to_the_file_and_the_summary_to_stderr(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "r.json").write_text(BAD)
    result = _run(tmp_path, "--format", fmt, "-o", "out.txt", "r.json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "1 file checked: 1 error(s), 0 warning(s), 0 info; report written to out.txt" in result.stderr
    plain = _run(tmp_path, "--format", fmt, "r.json").stdout
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == plain
    _valid(fmt, plain)


def test_quiet_leaves_out_the_summary_line(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text(BAD)
    result = _run(tmp_path, "--quiet", "--output-file", "out.txt", "r.json")
    assert result.stderr == ""
    assert "C31" in (tmp_path / "out.txt").read_text()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_run_that_exits_2_still_leaves_a_valid_report(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "out").write_text("an older report")
    result = _run(tmp_path, "--format", fmt, "-o", "out", "empty")
    assert result.returncode == 2
    assert "nothing to check" in result.stderr
    text = (tmp_path / "out").read_text(encoding="utf-8")
    report = _valid(fmt, text)
    if fmt == "sarif":
        (run,) = report["runs"]
        assert run["results"] == []
        invocation = run["invocations"][0]
        assert invocation["executionSuccessful"] is False
        assert "nothing to check" in invocation["toolExecutionNotifications"][0]["message"]["text"]
    elif fmt == "json":
        assert report["files"] == []
        assert report["error"].startswith("nothing to check")
        assert report["version"] == 1
    elif fmt == "gitlab":
        assert report == []
    elif fmt == "junit":
        suites = JUnitXml.fromfile(str(tmp_path / "out"))
        assert suites.errors == 1
    elif fmt == "github":
        assert text.startswith("::error title=jdcloud-preflight::nothing to check")
    else:
        assert text.startswith("jdcloud-preflight: nothing to check")


def test_a_bad_configuration_is_reported_in_the_file_too(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text(GOOD)
    (tmp_path / "bad.toml").write_text("select = 3\n")
    result = _run(tmp_path, "--format", "json", "-o", "out.json", "--config", "bad.toml", "r.json")
    assert result.returncode == 2
    assert "bad configuration" in json.loads((tmp_path / "out.json").read_text())["error"]


def test_an_unreadable_file_beside_checked_ones_marks_the_sarif_run_unsuccessful(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text(BAD)
    result = _run(tmp_path, "--format", "sarif", "-o", "out.sarif", "r.json", "missing.json")
    assert result.returncode == 2
    log = _valid("sarif", (tmp_path / "out.sarif").read_text())
    (run,) = log["runs"]
    assert [r["ruleId"] for r in run["results"]] == ["C31"]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert "missing.json" in run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
    report = json.loads(_run(tmp_path, "--format", "json", "r.json", "missing.json").stdout)
    assert "cannot read missing.json" in report["error"]


def test_a_successful_run_has_no_error_member(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text(BAD)
    assert "error" not in json.loads(_run(tmp_path, "--format", "json", "r.json").stdout)
    assert "invocations" not in json.loads(_run(tmp_path, "--format", "sarif", "r.json").stdout)["runs"][0]


def test_an_output_file_that_cannot_be_written_is_exit_2_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text(BAD)
    result = _run(tmp_path, "-o", str(tmp_path / "no" / "such" / "out.txt"), "r.json")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("jdcloud-preflight: cannot write the report:")
    assert "Traceback" not in result.stderr


def test_exit_zero_passes_a_run_with_findings(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text(BAD)
    assert _run(tmp_path, "r.json").returncode == 1
    result = _run(tmp_path, "--exit-zero", "r.json")
    assert result.returncode == 0
    assert "warning" in result.stdout


def test_exit_zero_passes_a_diff_with_changes(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text("name: web\nDataDisks: []\n")
    assert _run(tmp_path, "--diff", "r.yaml").returncode == 1
    assert _run(tmp_path, "--diff", "--exit-zero", "r.yaml").returncode == 0


def test_exit_zero_does_not_hide_a_failed_run(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert _run(tmp_path, "--exit-zero", "empty").returncode == 2
    (tmp_path / "r.json").write_text(BAD)
    assert _run(tmp_path, "--exit-zero", "r.json", "missing.json").returncode == 2
