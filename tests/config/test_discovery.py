"""Configuration that does not depend on where you stand (issue 12): found upwards from the checked paths,
globs relative to the configuration file's folder, the same result from any working folder and for any
spelling of the same path."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.helpers import EXAMPLES
from validator.cli.main import main
from validator.config.discovery import common_folder, find_config

REQUEST_WITH_C35 = '{"name": "web", "dataDisks": [{"deviceName": "vdc"}]}\n'


def _report(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, list[str]]]:
    code = main(["check", "--format", "json", *argv])
    report = json.loads(capsys.readouterr().out)
    findings = {
        os.path.realpath(entry["path"]): sorted(finding["rule"] for finding in entry["findings"])
        for entry in report["files"]
    }
    return code, findings


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project whose configuration excludes a folder and ignores C35 in legacy files, by globs relative
    to the project root."""
    root = tmp_path / "project"
    (root / "images" / "legacy").mkdir(parents=True)
    (root / "images" / "drafts").mkdir()
    (root / "pyproject.toml").write_text(
        "[tool.jdcloud-preflight]\n"
        'exclude = ["images/drafts"]\n'
        '[tool.jdcloud-preflight.per-file-ignores]\n"images/legacy/*.json" = ["C35"]\n'
    )
    (root / "images" / "new.json").write_text(REQUEST_WITH_C35)
    (root / "images" / "legacy" / "old.json").write_text(REQUEST_WITH_C35)
    (root / "images" / "drafts" / "draft.json").write_text(REQUEST_WITH_C35)
    return root


def _expected(root: Path) -> dict[str, list[str]]:
    return {
        os.path.realpath(root / "images" / "new.json"): ["C35"],
        os.path.realpath(root / "images" / "legacy" / "old.json"): [],
    }


@pytest.mark.parametrize(
    ("cwd", "path"),
    [
        (".", "images"),
        (".", "./images/"),
        (".", "images/../images"),
        ("images", "."),
        ("images", "../images"),
        ("images/legacy", ".."),
        ("/", "{root}/images"),
        ("{outside}", "{root}/images"),
    ],
)
def test_same_result_from_any_folder_and_any_spelling(
    project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    cwd: str,
    path: str,
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    folder = Path(cwd.format(outside=outside)) if cwd.startswith(("/", "{")) else project / cwd
    monkeypatch.chdir(folder)
    code, findings = _report(capsys, path.format(root=project))
    assert findings == _expected(project)
    assert code == 1  # the C35 warning of new.json fails at the default fail-on


def test_config_is_found_from_the_checked_paths_not_the_working_folder(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / ".jdcloud-preflight.toml").write_text('ignore = ["C"]\n')
    monkeypatch.chdir(other)
    assert find_config([str(project / "images")]) == project / "pyproject.toml"


def test_working_folder_config_is_used_when_the_paths_have_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loose = tmp_path / "loose"
    loose.mkdir()
    here = tmp_path / "here"
    here.mkdir()
    (here / ".jdcloud-preflight.toml").write_text('ignore = ["C35"]\n')
    monkeypatch.chdir(here)
    assert find_config([str(loose)]) == here / ".jdcloud-preflight.toml"


def test_working_folder_config_applies_to_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".jdcloud-preflight.toml").write_text('ignore = ["C35"]\n')
    monkeypatch.chdir(tmp_path)
    assert find_config(["-"]) == tmp_path / ".jdcloud-preflight.toml"


def test_common_folder_of_files_and_folders(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "x.json").write_text("{}")
    assert common_folder([str(tmp_path / "a" / "x.json"), str(tmp_path / "a" / "b")]) == tmp_path / "a"
    assert common_folder([str(tmp_path / "a" / "x.json")]) == tmp_path / "a"
    assert common_folder(["-"]) is None


def test_the_nearest_config_above_the_common_folder_wins(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "images" / ".jdcloud-preflight.toml").write_text('ignore = ["C35"]\n')
    code, findings = _report(capsys, str(project / "images"))
    assert all(rules == [] for rules in findings.values())
    assert code == 0


def test_per_file_ignores_from_an_explicit_config_are_relative_to_it(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ci = tmp_path / "ci"
    ci.mkdir()
    (ci / "preflight.toml").write_text('[per-file-ignores]\n"../project/images/new.json" = ["C35"]\n')
    monkeypatch.chdir(project / "images")
    _, findings = _report(capsys, "--config", str(ci / "preflight.toml"), "new.json")
    assert findings == {os.path.realpath(project / "images" / "new.json"): []}


def test_the_repository_examples_give_the_same_result_from_anywhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's case: `cd examples && check .` and `check /abs/examples` leave out what `exclude` in this
    repository's pyproject.toml leaves out when run from the root."""
    copy = tmp_path / "repo"
    copy.mkdir()
    (copy / "pyproject.toml").write_text('[tool.jdcloud-preflight]\nexclude = ["examples/context/describe-*"]\n')
    shutil.copytree(EXAMPLES, copy / "examples")
    for answer in (copy / "examples" / "context").glob("describe-*"):  # so that only exclude can leave them out
        answer.write_text('{"name": "web", "dataDisks": [{"deviceName": "vdc"}]}')
    monkeypatch.chdir(copy)
    from_root = _report(capsys, "examples")
    monkeypatch.chdir(copy / "examples")
    from_inside = _report(capsys, ".")
    monkeypatch.chdir(tmp_path)
    absolute = _report(capsys, str(copy / "examples"))
    assert from_root == from_inside == absolute
    assert not any("describe-" in path for path in from_root[1])
    assert any(path.endswith("request-for-web.json") for path in from_root[1])
