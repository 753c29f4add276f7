"""Configuration: discovery, validation (bad configuration is exit 2 naming the key), select/ignore,
severity overrides, per-file ignores, and the command line winning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from validator import Severity
from validator.cli.main import main
from validator.config.config import ConfigError, find, load
from validator.settings import Settings

# A C35 warning (an entry that does nothing) and a C05 info (AutoDelete is spelt autoDelete).
WARN_AND_INFO = '{"name": "web", "dataDisks": [{"deviceName": "vdc"}, {"deviceName": "vdd", "AutoDelete": true}]}'
BAD = '{"name": "web", "dataDisks": [{"deviceName": "vdca", "noDevice": true}]}'


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LANG", raising=False)
    (tmp_path / "r.json").write_text(WARN_AND_INFO)
    (tmp_path / "bad.json").write_text(BAD)
    return tmp_path


def _rules(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(["check", "--format", "json", *argv])
    out = capsys.readouterr().out
    report = json.loads(out) if out else {"files": []}
    return code, [f["rule"] for entry in report["files"] for f in entry["findings"]]


def test_no_configuration_means_defaults(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert find(project) is None
    # fail-on defaults to warning: the C35 warning fails the run (issue 12).
    assert _rules(capsys, "r.json") == (1, ["C35", "C05"])


def test_pyproject_table_is_found_walking_up(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "pyproject.toml").write_text('[tool.jdcloud-preflight]\nfail-on = "warning"\nignore = ["C05"]\n')
    (project / "sub").mkdir()
    monkeypatch.chdir(project / "sub")
    assert find(project / "sub") == project / "pyproject.toml"
    assert _rules(capsys, "../r.json") == (1, ["C35"])


def test_own_file_is_preferred_over_pyproject(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text('[tool.jdcloud-preflight]\nignore = ["C35"]\n')
    (project / ".jdcloud-preflight.toml").write_text('ignore = ["C05"]\nfail-on = "error"\n')
    assert _rules(capsys, "r.json") == (0, ["C35"])


def test_pyproject_without_our_table_is_passed_over(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.other]\nx = 1\n")
    assert find(project) != project / "pyproject.toml"


def test_explicit_config_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "ci.toml").write_text('select = ["C05"]\nfail-on = "info"\n')
    assert _rules(capsys, "--config", "ci.toml", "r.json") == (1, ["C05"])


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        (["C"], [], ["C35", "C05"]),
        (["C"], ["C0"], ["C35"]),
        (["C05"], ["C0"], ["C05"]),  # the longer prefix wins
        (["C35"], ["C35"], []),  # ignore wins a tie
        (["P"], [], []),
    ],
)
def test_select_and_ignore_by_longest_prefix(
    project: Path, capsys: pytest.CaptureFixture[str], select: list[str], ignore: list[str], expected: list[str]
) -> None:
    (project / ".jdcloud-preflight.toml").write_text(f"select = {json.dumps(select)}\nignore = {json.dumps(ignore)}\n")
    assert _rules(capsys, "r.json")[1] == expected


def test_severity_override_changes_the_exit_code(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".jdcloud-preflight.toml").write_text('fail-on = "error"\n')
    assert _rules(capsys, "r.json")[0] == 0
    (project / ".jdcloud-preflight.toml").write_text('fail-on = "error"\n[severity]\nC35 = "error"\n')
    assert _rules(capsys, "r.json")[0] == 1
    (project / ".jdcloud-preflight.toml").write_text('fail-on = "error"\n[severity]\nC31 = "warning"\n')
    assert _rules(capsys, "bad.json") == (0, ["C31"])


def test_ignoring_the_only_error_changes_the_exit_code(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _rules(capsys, "bad.json") == (1, ["C31"])
    (project / ".jdcloud-preflight.toml").write_text('ignore = ["C31"]\n')
    assert _rules(capsys, "bad.json") == (0, [])


def test_per_file_ignores_by_glob(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "legacy").mkdir()
    (project / "legacy" / "old.json").write_text(BAD)
    (project / ".jdcloud-preflight.toml").write_text('[per-file-ignores]\n"legacy/*.json" = ["C31"]\n')
    code, rules = _rules(capsys, "legacy/old.json", "bad.json")
    assert (code, rules) == (1, ["C31"])
    (project / ".jdcloud-preflight.toml").write_text('[per-file-ignores]\n"bad.json" = ["C3"]\n')
    assert _rules(capsys, "bad.json") == (0, [])


def test_command_line_wins_and_its_ignore_adds_to_the_files(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".jdcloud-preflight.toml").write_text('fail-on = "info"\nignore = ["C35"]\nlang = "zh"\n')
    assert _rules(capsys, "r.json") == (1, ["C05"])
    assert _rules(capsys, "--fail-on", "error", "--ignore", "C05", "r.json") == (0, [])
    assert _rules(capsys, "--fail-on", "error", "--select", "C", "r.json") == (0, ["C05"])
    main(["check", "--lang", "en", "r.json"])
    assert "does nothing" not in capsys.readouterr().out  # C35 ignored by the file, C05 in English
    main(["check", "r.json"])
    assert "的文档写法是" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('selec = ["C3"]\n', "unknown key selec"),
        ('fail-on = "fatal"\n', "fail-on: expected one of error, warning, info, got 'fatal'"),
        ("fail-on = 3\n", "fail-on: expected one of error, warning, info, got 3"),
        ('select = "C3"\n', "select: expected array, got 'C3'"),
        ('select = ["C3!"]\n', "select.0: expected a rule id, id prefix or name"),
        ('[severity]\nC99 = "info"\n', "no rule has the id C99"),
        ('[severity]\nC05 = "loud"\n', "severity.C05: expected one of error, warning, info"),
        ('[policy]\nmax-disk-size-gb = "big"\n', "policy.max-disk-size-gb: expected integer"),
        ('[policy]\nname-pattern = "("\n', "not a regular expression"),
        ("[policy]\nmax-disks = 3\n", "unknown key max-disks in policy"),
        ("lang = \n", "not valid TOML"),
    ],
)
def test_bad_configuration_is_exit_2_naming_the_key(
    project: Path, capsys: pytest.CaptureFixture[str], content: str, words: str
) -> None:
    (project / ".jdcloud-preflight.toml").write_text(content)
    assert main(["check", "r.json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("jdcloud-preflight: bad configuration: ")
    assert captured.err.count("\n") == 1
    assert words in captured.err


def test_bad_pyproject_table_names_the_table(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text('[tool.jdcloud-preflight]\nfail_on = "warning"\n')
    assert main(["check", "r.json"]) == 2
    assert "unknown key fail_on in tool.jdcloud-preflight" in capsys.readouterr().err


def test_missing_config_file_is_exit_2(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--config", "nope.toml", "r.json"]) == 2
    assert "nope.toml" in capsys.readouterr().err


def test_load_builds_settings(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('select = ["C"]\n[severity]\nC05 = "warning"\n[policy]\nallowed-disk-types = ["ssd.gp1"]\n')
    settings = load(path)
    assert settings.select == ("C",)
    assert settings.severity == {"C05": Severity.WARNING}
    assert settings.policy.allowed_disk_types == ("ssd.gp1",)
    with pytest.raises(ConfigError):
        load(tmp_path / "missing.toml")


def test_settings_matching_is_case_insensitive_for_prefixes() -> None:
    settings = Settings(ignore=("c3",))
    assert not settings.enabled("C31")
    assert settings.enabled("C41")


def test_exclude_leaves_walked_files_out_but_not_named_ones(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "answers").mkdir()
    (project / "answers" / "describe-instance.json").write_text('{"result": {"instance": {}}}')
    (project / "drafts").mkdir()
    (project / "drafts" / "old.json").write_text(BAD)
    (project / ".jdcloud-preflight.toml").write_text('exclude = ["answers/describe-*", "drafts"]\n')
    code, report = main(["check", "--format", "json", "."]), json.loads(capsys.readouterr().out)
    assert code == 1
    assert sorted(Path(f["path"]).name for f in report["files"]) == ["bad.json", "r.json"]
    assert main(["check", "drafts/old.json"]) == 1  # named explicitly: checked anyway
    capsys.readouterr()


def test_the_project_needs_no_configuration_to_leave_the_context_examples_out(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The describe answers under examples/context were left out by an exclude in pyproject.toml; folder
    walks now recognise them as describe answers (issue 12), so the project configures nothing."""
    from tests.helpers import ROOT

    assert find(ROOT) is None
    assert main(["check", "--format", "json", str(ROOT / "examples" / "context")]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [Path(entry["path"]).name for entry in report["files"]] == ["request-for-web.json"]
