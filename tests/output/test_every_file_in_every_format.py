"""Every checked file is in every report format: a clean one where the format lists files (text counts
it, JSON and JUnit list it), and one that --fix could not write back in all six, with the findings it still
holds, whether the run is serial or parallel."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.helpers import MIXED
from validator.cli.main import main
from validator.cli.parallel import PARALLEL_MIN_FILES
from validator.output.formats import FORMATS

CLEAN = "name: web\n"


def _folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "requests"
    folder.mkdir()
    for index in range(count):
        (folder / f"fixable{index:03}.yaml").write_text(MIXED)
    (folder / "clean.yaml").write_text(CLEAN)
    locked = folder / "locked.yaml"
    locked.write_text(MIXED)
    locked.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # read-only: --fix leaves it
    return folder


def _report(
    fmt: str, folder: Path, jobs: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> str:
    monkeypatch.chdir(folder)
    assert main(["check", "--fix", "--jobs", jobs, "--format", fmt, "."]) == 2
    captured = capsys.readouterr()
    assert "cannot write the fixed ./locked.yaml: it is read-only; it is left as it was" in captured.err
    return captured.out


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_that_could_not_be_written_is_in_every_format(
    fmt: str, jobs: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if jobs == "2" and (os.cpu_count() or 1) < 2:
        pytest.skip("needs two cores")
    count = PARALLEL_MIN_FILES + 16 if jobs == "2" else 2  # enough files for the pool
    out = _report(fmt, _folder(tmp_path, count), jobs, monkeypatch, capsys)
    assert "locked.yaml" in out
    if fmt == "json":
        files = {entry["path"]: entry["findings"] for entry in json.loads(out)["files"]}
        assert files["locked.yaml"]  # report paths are normalised (docs/reports.md#paths)
        assert len(files) == count + 2
    if fmt == "sarif":
        uris = {
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for result in json.loads(out)["runs"][0]["results"]
        }
        assert any(uri.endswith("locked.yaml") for uri in uris)
    if fmt == "gitlab":
        assert any(issue["location"]["path"].endswith("locked.yaml") for issue in json.loads(out))


@pytest.mark.parametrize("fmt", ["text", "json", "junit"])
def test_a_clean_file_is_in_the_formats_that_list_files(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _report(fmt, _folder(tmp_path, 1), "1", monkeypatch, capsys)
    if fmt == "text":
        assert "3 files checked" in out
    else:
        assert "clean.yaml" in out
