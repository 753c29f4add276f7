"""Which configuration a file is checked with, through the installed command: each file its nearest one
whatever else the run checks, `--config` one for all; `--force-exclude`; configuration files that are
there but cannot be read, and the table spelt as Python normalises it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from tests.cli.test_exit_codes import _without_root_powers

COMMAND = str(Path(sys.executable).parent / "jdcloud-preflight")
IOPS = '{"name": "web", "dataDisks": [{"deviceName": "vdc", "cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 100, "iops": 3000}}]}\n'
GOOD = '{"name": "web", "dataDisks": [{"deviceName": "vdc", "noDevice": true}]}\n'


def run(cwd: Path, *argv: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "NO_COLOR": "1"}
    return subprocess.run(
        [*prefix, COMMAND, *argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def findings(cwd: Path, *argv: str) -> tuple[int, list[tuple[str, str]]]:
    """The exit code and (path, rule) of every finding of a JSON report."""
    result = run(cwd, "check", "--format", "json", *argv)
    report = json.loads(result.stdout)
    return result.returncode, [(entry["path"], f["rule"]) for entry in report["files"] for f in entry["findings"]]


@pytest.fixture
def teams(tmp_path: Path) -> Path:
    """teamA ignores C44 in its own configuration; teamB has none. Both hold the same C44 warning."""
    for team in ("teamA", "teamB"):
        (tmp_path / team).mkdir()
        (tmp_path / team / "web.json").write_text(IOPS)
    (tmp_path / "teamA" / ".jdcloud-preflight.toml").write_text('ignore = ["C44"]\n')
    return tmp_path


def test_a_file_is_checked_with_its_own_configuration_alone(teams: Path) -> None:
    assert findings(teams, "teamA/web.json") == (0, [])


def test_a_file_keeps_its_own_configuration_whatever_else_is_checked(teams: Path) -> None:
    assert findings(teams, "teamA/web.json", "teamB/web.json") == (1, [("teamB/web.json", "C44")])
    assert findings(teams, ".") == (1, [("teamB/web.json", "C44")])
    assert findings(teams / "teamB", "../teamA/web.json", "web.json") == (1, [("web.json", "C44")])


def test_each_files_fail_on_decides_for_its_findings(teams: Path) -> None:
    (teams / "teamA" / ".jdcloud-preflight.toml").write_text('fail-on = "error"\n')
    code, found = findings(teams, "teamA/web.json", "teamB/web.json")
    assert found == [("teamA/web.json", "C44"), ("teamB/web.json", "C44")]
    assert code == 1  # teamB's warning fails under the default fail-on
    assert findings(teams, "teamA/web.json")[0] == 0


def test_each_files_exclude_applies_in_a_walk(teams: Path) -> None:
    (teams / "teamB" / ".jdcloud-preflight.toml").write_text('exclude = ["web.json"]\n')
    (teams / "teamA" / "other.json").write_text(IOPS)
    (teams / "teamA" / ".jdcloud-preflight.toml").write_text('exclude = ["nothing"]\n')
    assert findings(teams, ".") == (1, [("teamA/other.json", "C44"), ("teamA/web.json", "C44")])


def test_the_named_configuration_applies_to_every_file(teams: Path) -> None:
    (teams / "all.toml").write_text('select = ["C43"]\n')
    assert findings(teams, "--config", "all.toml", "teamA/web.json", "teamB/web.json") == (0, [])
    (teams / "all.toml").write_text("\n")
    assert findings(teams, "--config", "all.toml", "teamA/web.json", "teamB/web.json") == (
        1,
        [("teamA/web.json", "C44"), ("teamB/web.json", "C44")],
    )


def test_a_bad_configuration_below_the_common_folder_is_exit_2(teams: Path) -> None:
    (teams / "teamB" / ".jdcloud-preflight.toml").write_text("selec = []\n")
    result = run(teams, "check", "teamA/web.json", "teamB/web.json")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "teamB" in result.stderr
    assert "unknown key selec" in result.stderr


def test_without_a_configuration_above_a_file_the_working_folders_applies(teams: Path) -> None:
    (teams / ".jdcloud-preflight.toml").write_text('ignore = ["C4"]\n')
    assert findings(teams, "teamB/web.json") == (0, [])
    (teams / ".jdcloud-preflight.toml").unlink()
    elsewhere = teams / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "web.json").write_text(IOPS)
    assert findings(teams / "teamA", "../elsewhere/web.json") == (0, [])  # teamA's, found from the working folder
    assert findings(teams, "elsewhere/web.json") == (1, [("elsewhere/web.json", "C44")])
    assert findings(teams / "teamA", "web.json", "../elsewhere/web.json", "../teamB/web.json") == (0, [])


class TestForceExclude:
    @pytest.fixture
    def project(self, tmp_path: Path) -> Path:
        (tmp_path / "drafts" / "deep").mkdir(parents=True)
        (tmp_path / "drafts" / "deep" / "web.json").write_text(IOPS)
        (tmp_path / "old.json").write_text(IOPS)
        (tmp_path / "web.json").write_text(IOPS)
        (tmp_path / ".jdcloud-preflight.toml").write_text('exclude = ["drafts", "old.json"]\n')
        return tmp_path

    def test_a_named_file_is_checked_without_it(self, project: Path) -> None:
        assert findings(project, "drafts/deep/web.json", "old.json") == (
            1,
            [("drafts/deep/web.json", "C44"), ("old.json", "C44")],
        )

    def test_it_leaves_out_named_files_and_files_in_excluded_folders(self, project: Path) -> None:
        argv = ("--force-exclude", "drafts/deep/web.json", "old.json", "web.json")
        assert findings(project, *argv) == (1, [("web.json", "C44")])

    def test_a_run_whose_every_file_is_excluded_passes_saying_so(self, project: Path) -> None:
        result = run(project, "check", "--force-exclude", "drafts/deep/web.json", "old.json")
        assert result.returncode == 0, result.stderr
        assert "every named file is excluded" in result.stderr

    def test_it_matches_from_the_configurations_folder(self, project: Path) -> None:
        result = run(project / "drafts", "check", "--force-exclude", "deep/web.json")
        assert result.returncode == 0, result.stdout + result.stderr
        assert "excluded" in result.stderr

    def test_it_appears_in_the_help(self, tmp_path: Path) -> None:
        assert "--force-exclude" in run(tmp_path, "check", "--help").stdout


class TestUnreadableConfiguration:
    def test_a_dangling_symbolic_link_is_exit_2(self, tmp_path: Path) -> None:
        (tmp_path / "web.json").write_text(GOOD)
        (tmp_path / ".jdcloud-preflight.toml").symlink_to(tmp_path / "missing" / "config.toml")
        result = run(tmp_path, "check", "web.json")
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1
        assert "symbolic link to a missing file" in result.stderr

    def test_a_folder_is_exit_2(self, tmp_path: Path) -> None:
        (tmp_path / "web.json").write_text(GOOD)
        (tmp_path / ".jdcloud-preflight.toml").mkdir()
        result = run(tmp_path, "check", "web.json")
        assert (result.returncode, result.stderr.count("\n")) == (2, 1)
        assert ".jdcloud-preflight.toml: cannot read" in result.stderr

    def test_a_dangling_pyproject_is_exit_2(self, tmp_path: Path) -> None:
        (tmp_path / "web.json").write_text(GOOD)
        (tmp_path / "pyproject.toml").symlink_to(tmp_path / "gone.toml")
        result = run(tmp_path, "check", "web.json")
        assert (result.returncode, result.stderr.count("\n")) == (2, 1)

    def test_a_file_without_permission_is_exit_2(self, tmp_path: Path) -> None:
        (tmp_path / "web.json").write_text(GOOD)
        config = tmp_path / ".jdcloud-preflight.toml"
        config.write_text('ignore = ["C44"]\n')
        config.chmod(0)
        try:
            result = run(tmp_path, "check", "web.json", prefix=tuple(_without_root_powers()))
        finally:
            config.chmod(0o644)
        assert (result.returncode, result.stderr.count("\n")) == (2, 1)
        assert "cannot read" in result.stderr

    def test_a_readable_one_still_applies(self, tmp_path: Path) -> None:
        (tmp_path / "web.json").write_text(IOPS)
        (tmp_path / ".jdcloud-preflight.toml").write_text('ignore = ["C44"]\n')
        assert findings(tmp_path, "web.json") == (0, [])

    def test_the_table_spelt_with_an_underscore_is_refused_naming_the_right_one(self, tmp_path: Path) -> None:
        (tmp_path / "web.json").write_text(IOPS)
        (tmp_path / "pyproject.toml").write_text('[tool.jdcloud_preflight]\nignore = ["C44"]\n')
        result = run(tmp_path, "check", "web.json")
        assert (result.returncode, result.stderr.count("\n")) == (2, 1)
        assert "[tool.jdcloud-preflight]" in result.stderr
        assert "[tool.jdcloud_preflight]" in result.stderr

    def test_the_table_spelt_with_a_hyphen_is_read(self, tmp_path: Path) -> None:
        (tmp_path / "web.json").write_text(IOPS)
        (tmp_path / "pyproject.toml").write_text('[tool.jdcloud-preflight]\nignore = ["C44"]\n')
        assert findings(tmp_path, "web.json") == (0, [])


def test_each_files_language_and_severities_are_its_own(teams: Path) -> None:
    (teams / "teamA" / ".jdcloud-preflight.toml").write_text('lang = "zh"\n[severity]\nC44 = "error"\n')
    result = run(teams, "check", "--format", "json", "teamA/web.json", "teamB/web.json")
    report = json.loads(result.stdout)
    (a,), (b,) = (entry["findings"] for entry in report["files"])
    assert (a["severity"], b["severity"]) == ("error", "warning")
    assert "忽略" in a["message"]
    assert b["message"].startswith("iops is ignored")
    english = json.loads(run(teams, "check", "--format", "json", "--lang", "en", "teamA/web.json").stdout)
    assert english["files"][0]["findings"][0]["message"].startswith("iops is ignored")


def test_each_files_policy_is_its_own(teams: Path) -> None:
    (teams / "teamB" / ".jdcloud-preflight.toml").write_text('[policy]\nname-pattern = "^team-"\n')
    _code, found = findings(teams, "teamA/web.json", "teamB/web.json")
    assert ("teamB/web.json", "P06") in found
    assert [rule for path, rule in found if path == "teamA/web.json"] == []


def test_standard_input_takes_the_configuration_of_its_stdin_filename(teams: Path) -> None:
    argv = ("check", "--format", "json", "-", "--stdin-filename")
    env = {**os.environ, "NO_COLOR": "1"}
    for name, expected in (("teamA/web.json", []), ("teamB/web.json", ["C44"])):
        result = subprocess.run(
            [COMMAND, *argv, name], cwd=teams, input=IOPS, env=env, capture_output=True, text=True, timeout=120
        )
        report = json.loads(result.stdout)
        assert [f["rule"] for f in report["files"][0]["findings"]] == expected, name


def test_the_junit_report_lists_the_rules_each_files_configuration_ran(teams: Path) -> None:
    (teams / "teamA" / ".jdcloud-preflight.toml").write_text('select = ["C44"]\n')
    result = run(teams, "check", "--format", "junit", "teamA/web.json", "teamB/web.json")
    suites = {suite.get("name"): suite for suite in ElementTree.fromstring(result.stdout)}
    # C01 runs whatever is selected: a file that cannot be read is always reported.
    assert [case.get("name") for case in suites["teamA/web.json"]] == ["C01 parse", "C44 iops-ignored"]
    assert len(list(suites["teamB/web.json"])) > 1
