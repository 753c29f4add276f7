"""The jdcloud-preflight-fix hook, run for real through pre-commit (issue 13): it fixes the file, and
pre-commit fails the commit because the hook changed it, as with its other fixer hooks."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.project.test_precommit import _git, _try_repo, hook_repo  # noqa: F401 (the module-scoped fixture is shared)

FIXABLE = "name: web  # image\nDataDisks:\n  - deviceName: vdc\n    noDevice: true\n    autoDelete: true\n"
FIXED = "name: web  # image\ndataDisks:\n  - deviceName: vdc\n    noDevice: true\n"


def _try_fix_hook(hook_repo: Path, work: Path, *files: str) -> subprocess.CompletedProcess[str]:  # noqa: F811
    return _try_repo(hook_repo, work, *files, hook="jdcloud-preflight-fix")


@pytest.fixture
def work(tmp_path: Path) -> Path:
    _git(tmp_path, "init", "-q")
    (tmp_path / "fixable.yaml").write_text(FIXABLE)
    (tmp_path / "good.json").write_text(
        '{"name": "web-2026.11", "dataDisks": [{"deviceName": "vdc", "noDevice": true}]}\n'
    )
    _git(tmp_path, "add", "-A")
    return tmp_path


def test_fix_hook_fixes_the_file_and_fails_the_commit(hook_repo: Path, work: Path) -> None:  # noqa: F811
    result = _try_fix_hook(hook_repo, work, "fixable.yaml", "good.json")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "files were modified by this hook" in result.stdout
    assert (work / "fixable.yaml").read_text() == FIXED
    # The next run finds nothing to fix (the fixed file and the clean one) and passes.
    again = _try_fix_hook(hook_repo, work, "fixable.yaml", "good.json")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Passed" in again.stdout
