"""A baseline written from one working folder, with one spelling of the paths, is used from another
folder and another spelling; with per-file configurations, each file's own baseline applies."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_baseline import IOPS
from tests.config.test_per_file_config import findings, run


def _project(tmp_path: Path) -> Path:
    for team in ("teamA", "teamB"):
        (tmp_path / team).mkdir()
        (tmp_path / team / "web.json").write_text(IOPS)
    (tmp_path / "ci").mkdir()
    return tmp_path


def test_a_baseline_written_with_dot_slash_from_a_subfolder_matches_from_the_root(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert run(project / "teamB", "check", "--write-baseline", "../ci/b.json", "./web.json").returncode == 0
    assert findings(project, "--baseline", "ci/b.json", "teamB/web.json") == (0, [])
    assert findings(project, "--baseline", "./ci/b.json", str(project / "teamB" / "web.json")) == (0, [])
    assert findings(project / "ci", "--baseline", "b.json", "../teamB/./web.json") == (0, [])
    # The same finding in the file the baseline does not name is new, from any folder.
    assert findings(project / "ci", "--baseline", "b.json", "../teamA") == (
        1,
        [(str(project / "teamA/web.json"), "C44")],
    )


def test_each_files_configuration_names_its_own_baseline(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "teamA" / ".jdcloud-preflight.toml").write_text('baseline = "accepted.json"\n')
    assert run(project / "teamA", "check", "--write-baseline", "accepted.json", "web.json").returncode == 0
    assert findings(project, "teamA/web.json", "./teamB/web.json") == (1, [("teamB/web.json", "C44")])
    assert findings(project / "teamB", "../teamA", ".") == (1, [("web.json", "C44")])
