"""The report options run in the command's own process (as the Python API's callers and coverage see them):
--statistics, -o/--output-file with a run that exits 2 in every format, and the baseline round trip. The
installed command is driven over the same cases in test_habits.py, test_baseline.py and the -o tests."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest

from validator.cli.main import main

IOPS = (
    '{"name": "web", "dataDisks": [{"deviceName": "vdc", '
    '"cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 100, "iops": 3000}}]}\n'
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "web.json").write_text(IOPS)
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_statistics_counts_each_rule_in_text_and_json(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--statistics", "images"]) == 1
    text = capsys.readouterr().out
    assert any(line.split()[:2] == ["1", "C44"] and line.endswith("iops-ignored") for line in text.splitlines())
    assert main(["check", "--statistics", "--format", "json", "images"]) == 1
    rows = json.loads(capsys.readouterr().out)
    assert [(row["code"], row["name"], row["count"]) for row in rows] == [("C44", "iops-ignored", 1)]


def test_statistics_in_another_format_is_a_usage_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--statistics", "--format", "sarif", "images"]) == 2
    assert "--statistics is written as text or json" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github", "gitlab", "text"])
def test_a_run_that_exits_2_leaves_a_valid_report_in_the_output_file(
    fmt: str, project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--format", fmt, "-o", "report.out", "empty"]) == 2
    assert "nothing to check" in capsys.readouterr().err
    written = (project / "report.out").read_text(encoding="utf-8")
    if fmt == "json":
        assert "nothing to check" in json.loads(written)["error"]
    elif fmt == "sarif":
        invocation = json.loads(written)["runs"][0]["invocations"][0]
        assert invocation["executionSuccessful"] is False
    elif fmt == "junit":
        assert ElementTree.fromstring(written).tag == "testsuites"
    elif fmt == "gitlab":
        assert json.loads(written) == []
    elif fmt == "github":
        assert written.startswith("::error")
    else:
        assert "nothing to check" in written


def test_the_output_file_holds_the_report_and_stdout_stays_empty(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--format", "json", "-o", "report.json", "images"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "1 file checked" in captured.err
    assert json.loads((project / "report.json").read_text())["files"][0]["path"] == "images/web.json"


def test_a_baseline_round_trip_in_process(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--write-baseline", "baseline.json", "images"]) == 0
    assert "recorded 1 finding(s) of 1 file(s)" in capsys.readouterr().err
    recorded = json.loads((project / "baseline.json").read_text())
    assert [entry["rule"] for entry in recorded["findings"]] == ["C44"]
    assert main(["check", "--baseline", "baseline.json", "images"]) == 0
    capsys.readouterr()
    (project / "images" / "web.json").write_text('{"name": "web-image"}\n')
    assert main(["check", "--verbose", "--baseline", "baseline.json", "images"]) == 0
    assert "unused" in capsys.readouterr().err


def test_an_unreadable_file_is_never_recorded_and_fails_the_write(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "images" / "broken.yaml").write_text("name: [web\n")
    assert main(["check", "--write-baseline", "baseline.json", "images"]) == 2
    assert "images/broken.yaml: cannot be read (C01)" in capsys.readouterr().err
    recorded = json.loads((project / "baseline.json").read_text())
    assert [entry["rule"] for entry in recorded["findings"]] == ["C44"]


@pytest.mark.parametrize("text", ["{not json", '{"version": 99, "findings": []}'])
def test_a_baseline_that_cannot_be_used_is_exit_2(text: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "baseline.json").write_text(text)
    assert main(["check", "--baseline", "baseline.json", "images"]) == 2
    assert "baseline" in capsys.readouterr().err


def test_write_baseline_with_fix_is_a_usage_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--write-baseline", "baseline.json", "--fix", "images"]) == 2
    assert "--write-baseline" in capsys.readouterr().err
