"""--baseline and --write-baseline with -o/--output-file: a baseline that cannot be used still leaves a
valid report of the failed run in the file; --write-baseline writes no report and says so."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[2]
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
BAD = '{"name": "web", "dataDisks": [{"deviceName": "vdca", "noDevice": true}]}\n'


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "validator", "check", *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )


def test_an_unreadable_baseline_leaves_a_failed_sarif_run_in_the_output_file(tmp_path: Path) -> None:
    (tmp_path / "web.json").write_text(BAD, encoding="utf-8")
    (tmp_path / "baseline.json").write_text('{"version": 1, "findings": [', encoding="utf-8")
    done = _run(tmp_path, "--baseline", "baseline.json", "--format", "sarif", "-o", "r.sarif", "web.json")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "baseline.json: not valid JSON" in done.stderr
    log = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "not valid JSON" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_a_baseline_of_another_version_leaves_a_json_error_document(tmp_path: Path) -> None:
    (tmp_path / "web.json").write_text(BAD, encoding="utf-8")
    (tmp_path / "baseline.json").write_text('{"version": 2, "findings": []}', encoding="utf-8")
    done = _run(tmp_path, "--baseline", "baseline.json", "--format", "json", "-o", "r.json", "web.json")
    assert done.returncode == 2
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert "not a baseline" in json.dumps(report["error"])


def test_a_usable_baseline_with_an_output_file_writes_the_report_there(tmp_path: Path) -> None:
    (tmp_path / "web.json").write_text(BAD, encoding="utf-8")
    assert _run(tmp_path, "--write-baseline", "baseline.json", "web.json").returncode == 0
    done = _run(tmp_path, "--baseline", "baseline.json", "--format", "json", "-o", "r.json", "web.json")
    assert done.returncode == 0
    assert done.stdout == ""
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["files"] == [{"path": "web.json", "findings": []}]


def test_write_baseline_with_an_output_file_is_refused_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "web.json").write_text(BAD, encoding="utf-8")
    done = _run(tmp_path, "--write-baseline", "baseline.json", "--format", "sarif", "-o", "r.sarif", "web.json")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "--write-baseline" in done.stderr
    assert "--output-file" in done.stderr
    assert not (tmp_path / "baseline.json").exists()
    log = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False
