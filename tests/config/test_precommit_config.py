"""The hooks, run for real through pre-commit in a real git repository: each staged file is checked with
its own folder's configuration whatever else is staged, and the configuration's exclude protects a commit
(both hooks run with --force-exclude)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.project.test_precommit import _git, _try_repo, hook_repo  # noqa: F401 (the session fixture is shared)

IOPS = (
    "name: web\ndataDisks:\n  - deviceName: vdc\n    cloudDiskSpec: {diskType: ssd.gp1, diskSizeGB: 100, iops: 3000}\n"
)
GOOD = "name: web\ndataDisks:\n  - deviceName: vdc\n    noDevice: true\n"
FIXABLE = "name: web\nDataDisks:\n  - deviceName: vdc\n    noDevice: true\n"


def _hook(repo: Path, work: Path, *files: str, hook: str = "jdcloud-preflight") -> subprocess.CompletedProcess[str]:
    _git(work, "add", "-A")
    return _try_repo(repo, work, *files, hook=hook)


@pytest.fixture
def teams(tmp_path: Path) -> Path:
    _git(tmp_path, "init", "-q")
    for team in ("teamA", "teamB"):
        (tmp_path / team).mkdir()
    (tmp_path / "teamA" / "web.yaml").write_text(IOPS)
    (tmp_path / "teamA" / ".jdcloud-preflight.toml").write_text('ignore = ["C44"]\n')
    (tmp_path / "teamB" / "web.yaml").write_text(GOOD)
    return tmp_path


def test_a_staged_file_keeps_its_configuration_when_a_neighbour_is_staged(hook_repo: Path, teams: Path) -> None:  # noqa: F811
    alone = _hook(hook_repo, teams, "teamA/web.yaml")
    assert alone.returncode == 0, alone.stdout + alone.stderr
    both = _hook(hook_repo, teams, "teamA/web.yaml", "teamB/web.yaml")
    assert both.returncode == 0, both.stdout + both.stderr
    assert "Passed" in both.stdout


def test_the_neighbour_without_the_ignore_still_fails(hook_repo: Path, teams: Path) -> None:  # noqa: F811
    (teams / "teamB" / "web.yaml").write_text(IOPS)
    result = _hook(hook_repo, teams, "teamA/web.yaml", "teamB/web.yaml")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "teamB/web.yaml:4:" in result.stdout
    assert "teamA/web.yaml" not in result.stdout


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    _git(tmp_path, "init", "-q")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "web.yaml").write_text(IOPS)
    (tmp_path / "drafts" / "fixable.yaml").write_text(FIXABLE)
    (tmp_path / "web.yaml").write_text(GOOD)
    (tmp_path / ".jdcloud-preflight.toml").write_text('exclude = ["drafts"]\n')
    return tmp_path


def test_the_check_hook_leaves_excluded_files_out(hook_repo: Path, drafts: Path) -> None:  # noqa: F811
    result = _hook(hook_repo, drafts, "drafts/web.yaml", "web.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    only_excluded = _hook(hook_repo, drafts, "drafts/web.yaml")
    assert only_excluded.returncode == 0, only_excluded.stdout + only_excluded.stderr


def test_without_the_exclude_the_same_commit_fails(hook_repo: Path, drafts: Path) -> None:  # noqa: F811
    (drafts / ".jdcloud-preflight.toml").write_text("")
    result = _hook(hook_repo, drafts, "drafts/web.yaml", "web.yaml")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "drafts/web.yaml:4:" in result.stdout


def test_the_fix_hook_leaves_excluded_files_alone(hook_repo: Path, drafts: Path) -> None:  # noqa: F811
    result = _hook(hook_repo, drafts, "drafts/fixable.yaml", "web.yaml", hook="jdcloud-preflight-fix")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (drafts / "drafts" / "fixable.yaml").read_text() == FIXABLE
