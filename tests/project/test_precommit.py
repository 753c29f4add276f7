"""The pre-commit hook, run for real: `pre-commit try-repo` against a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

GOOD = '{"name": "web-2026.11", "dataDisks": [{"deviceName": "vdc", "noDevice": true}]}\n'
BAD = "name: web\ndataDisks:\n  - deviceName: vdca\n    noDevice: true\n"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


# Session-wide: the fix hook's tests (test_fix_precommit.py) reuse the copy and its installed hook.
@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A committed copy of this project, so the test sees the working tree whatever its git state."""
    source = tmp_path_factory.mktemp("hook") / "jdcloud-preflight"
    shutil.copytree(
        ROOT, source, ignore=shutil.ignore_patterns(".venv", ".git", "*cache*", "dist", "build", ".hypothesis")
    )
    _git(source, "init", "-q")
    _git(source, "add", "-A")
    _git(source, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "snapshot")
    return source


def _try_repo(
    hook_repo: Path, work: Path, *files: str, hook: str = "jdcloud-preflight"
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(hook_repo.parent / "cache"), "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook, "--files", *files],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture
def work(tmp_path: Path) -> Path:
    _git(tmp_path, "init", "-q")
    (tmp_path / "good.json").write_text(GOOD)
    (tmp_path / "bad.yaml").write_text(BAD)
    (tmp_path / "notes.txt").write_text("not a request")
    _git(tmp_path, "add", "-A")
    return tmp_path


def test_hook_fails_on_the_bad_file(hook_repo: Path, work: Path) -> None:
    result = _try_repo(hook_repo, work, "bad.yaml", "notes.txt")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "bad.yaml:3:17: error C31" in result.stdout
    assert "notes.txt" not in result.stdout.split("Failed")[-1]


def test_hook_passes_on_the_good_file(hook_repo: Path, work: Path) -> None:
    result = _try_repo(hook_repo, work, "good.json", "notes.txt")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
