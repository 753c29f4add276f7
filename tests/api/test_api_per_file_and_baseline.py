"""The Python API's check_paths and check_file: each file with its nearest configuration, and baselines
(the `baseline=` parameter, or the configuration's)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.config.test_per_file_config import COMMAND, IOPS
from validator import check_file, check_paths, load_settings
from validator.core.baseline import BaselineError


@pytest.fixture
def teams(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for team in ("teamA", "teamB"):
        (tmp_path / team).mkdir()
        (tmp_path / team / "web.json").write_text(IOPS)
    (tmp_path / "teamA" / ".jdcloud-preflight.toml").write_text('ignore = ["C44"]\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def rules(reports: list[object]) -> list[tuple[str, list[str]]]:
    return [(str(r.source), [f.rule for f in r.findings]) for r in reports]  # type: ignore[attr-defined]


def test_check_paths_checks_each_file_with_its_own_configuration(teams: Path) -> None:
    assert rules(check_paths(["teamA/web.json", "teamB/web.json"])) == [
        ("teamA/web.json", []),
        ("teamB/web.json", ["C44"]),
    ]
    assert rules(check_paths(["."])) == [("./teamA/web.json", []), ("./teamB/web.json", ["C44"])]


def test_given_settings_apply_to_every_file(teams: Path) -> None:
    settings = load_settings(teams / "teamA" / ".jdcloud-preflight.toml")
    assert rules(check_paths(["teamA/web.json", "teamB/web.json"], settings=settings)) == [
        ("teamA/web.json", []),
        ("teamB/web.json", []),
    ]


def test_a_baseline_parameter_leaves_out_what_it_records(teams: Path) -> None:
    subprocess.run(
        [COMMAND, "check", "--write-baseline", "b.json", "teamB"], cwd=teams, check=True, capture_output=True
    )
    assert rules(check_paths(["teamB"], baseline="b.json")) == [("teamB/web.json", [])]
    assert [f.rule for f in check_file("teamB/web.json", baseline=teams / "b.json").findings] == []
    assert [f.rule for f in check_file("teamB/web.json").findings] == ["C44"]
    (teams / "teamB" / "other.json").write_text(IOPS)
    assert rules(check_paths(["teamB"], baseline="b.json")) == [("teamB/other.json", ["C44"]), ("teamB/web.json", [])]


def test_the_configurations_baseline_applies(teams: Path) -> None:
    subprocess.run(
        [COMMAND, "check", "--write-baseline", "teamB/b.json", "teamB"], cwd=teams, check=True, capture_output=True
    )
    (teams / "teamB" / ".jdcloud-preflight.toml").write_text('baseline = "b.json"\n')
    assert [f.rule for f in check_file("teamB/web.json").findings] == []


def test_a_broken_baseline_raises_a_value_error(teams: Path) -> None:
    (teams / "b.json").write_text("[]")
    with pytest.raises(BaselineError, match="not a baseline"):
        check_paths(["teamB"], baseline="b.json")
    with pytest.raises(ValueError, match="cannot read"):
        check_file("teamB/web.json", baseline="missing.json")


def test_check_file_on_a_folder_raises_os_error(teams: Path) -> None:
    with pytest.raises(OSError, match="a folder"):
        check_file("teamB")
