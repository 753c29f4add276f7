"""Rule selection as ruff has it, through the installed command: repeated options accumulate, `--select`
replaces the configuration's select and `--ignore` adds to its ignore, the `extend-*` lists, rule names
wherever ids are taken, and empty prefixes refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.config.test_per_file_config import findings, run

# C05 (info: DeviceName), C43 (error: diskSizeGB 5 below ssd.gp1's minimum) and C44 (warning: iops ignored).
REQUEST = (
    '{"name": "web", "dataDisks": [{"DeviceName": "vdc", '
    '"cloudDiskSpec": {"diskType": "ssd.gp1", "diskSizeGB": 5, "iops": 3000}}]}\n'
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "web.json").write_text(REQUEST)
    return tmp_path


def rules(project: Path, *argv: str) -> list[str]:
    return [rule for _path, rule in findings(project, *argv, "web.json")[1]]


def test_all_three_rules_report_by_default(project: Path) -> None:
    assert rules(project) == ["C05", "C43", "C44"]


def test_repeated_select_accumulates(project: Path) -> None:
    assert rules(project, "--select", "C44", "--select", "C43") == ["C43", "C44"]
    assert rules(project, "--select", "C44,C05") == ["C05", "C44"]


def test_repeated_ignore_accumulates(project: Path) -> None:
    assert rules(project, "--ignore", "C44", "--ignore", "C43") == ["C05"]


def test_select_on_the_command_line_replaces_the_configurations(project: Path) -> None:
    (project / ".jdcloud-preflight.toml").write_text('select = ["C43"]\n')
    assert rules(project) == ["C43"]
    assert rules(project, "--select", "C44") == ["C44"]


def test_ignore_on_the_command_line_adds_to_the_configurations(project: Path) -> None:
    (project / ".jdcloud-preflight.toml").write_text('ignore = ["C43"]\n')
    assert rules(project) == ["C05", "C44"]
    assert rules(project, "--ignore", "C44") == ["C05"]
    assert rules(project, "--extend-ignore", "C05") == ["C44"]


def test_extend_select_adds_to_the_select_in_force(project: Path) -> None:
    (project / ".jdcloud-preflight.toml").write_text('select = ["C43"]\n')
    assert rules(project, "--extend-select", "C44") == ["C43", "C44"]
    assert rules(project, "--select", "C05", "--extend-select", "C44") == ["C05", "C44"]


def test_extend_select_beats_a_shorter_ignore(project: Path) -> None:
    assert rules(project, "--ignore", "C4", "--extend-select", "C44") == ["C05", "C44"]


def test_extend_keys_in_the_configuration(project: Path) -> None:
    (project / ".jdcloud-preflight.toml").write_text('select = ["C43"]\nextend-select = ["C05"]\n')
    assert rules(project) == ["C05", "C43"]
    (project / ".jdcloud-preflight.toml").write_text('ignore = ["C43"]\nextend-ignore = ["C05"]\n')
    assert rules(project) == ["C44"]


@pytest.mark.parametrize(
    "argv",
    [
        ("--select", "iops-ignored"),
        ("--select", "IOPS-Ignored"),
        ("--ignore", "disk-size,key-spelling"),
        ("--extend-ignore", "disk-size", "--ignore", "key-spelling"),
        ("--select", "C05", "--extend-select", "iops-ignored", "--ignore", "key-spelling"),
    ],
)
def test_rule_names_select_and_ignore_like_ids(project: Path, argv: tuple[str, ...]) -> None:
    assert rules(project, *argv) == ["C44"]


def test_rule_names_in_the_configuration(project: Path) -> None:
    (project / ".jdcloud-preflight.toml").write_text(
        'select = ["iops-ignored", "disk-size"]\nignore = ["disk-size"]\n[per-file-ignores]\n"web.json" = ["C44"]\n'
    )
    assert rules(project) == []
    (project / ".jdcloud-preflight.toml").write_text('[per-file-ignores]\n"web.json" = ["iops-ignored"]\n')
    assert rules(project) == ["C05", "C43"]


def test_an_unknown_rule_name_is_exit_2(project: Path) -> None:
    result = run(project, "check", "--select", "iops-ignore", "web.json")
    assert (result.returncode, result.stderr.count("\n")) == (2, 1)
    assert "'iops-ignore' matches no rule id or name" in result.stderr


def test_explain_takes_a_rule_name(project: Path) -> None:
    by_name = run(project, "explain", "iops-ignored")
    assert by_name.returncode == 0
    assert by_name.stdout == run(project, "explain", "C44").stdout
    assert run(project, "explain", "iops-ignore").returncode == 2


def test_a_suppression_comment_takes_a_rule_name(tmp_path: Path) -> None:
    text = (
        "name: web\ndataDisks:\n  - DeviceName: vdc   # jdcloud-preflight: ignore[key-spelling]\n    noDevice: true\n"
    )
    (tmp_path / "web.yaml").write_text(text)
    assert findings(tmp_path, "web.yaml") == (0, [])
    (tmp_path / "web.yaml").write_text(text.replace("key-spelling", "key-spellin"))
    _code, found = findings(tmp_path, "web.yaml")
    assert [rule for _path, rule in found] == ["C05", "S02"]
    (tmp_path / "web.yaml").write_text(text.replace("key-spelling", "iops-ignored"))
    assert [rule for _path, rule in findings(tmp_path, "web.yaml")[1]] == ["C05", "S01"]


@pytest.mark.parametrize(
    "argv", [("--ignore", ""), ("--select", " "), ("--extend-select", ""), ("--ignore", "C05,"), ("--ignore", ",")]
)
def test_an_empty_prefix_on_the_command_line_is_exit_2(project: Path, argv: tuple[str, ...]) -> None:
    result = run(project, "check", *argv, "web.json")
    assert (result.returncode, result.stdout, result.stderr.count("\n")) == (2, "", 1)
    assert "empty rule prefix" in result.stderr


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ('ignore = [""]\n', "ignore"),
        ('select = ["C", ""]\n', "select"),
        ('extend-ignore = [""]\n', "extend-ignore"),
        ('[per-file-ignores]\n"*" = [""]\n', "per-file-ignores.*"),
    ],
)
def test_an_empty_prefix_in_the_configuration_is_exit_2(project: Path, content: str, where: str) -> None:
    (project / ".jdcloud-preflight.toml").write_text(content)
    result = run(project, "check", "web.json")
    assert (result.returncode, result.stdout, result.stderr.count("\n")) == (2, "", 1)
    assert f"{where}: an empty rule prefix" in result.stderr


@pytest.mark.parametrize("content", ['ignore = [" "]\n', '[per-file-ignores]\n"*" = ["  "]\n'])
def test_a_blank_prefix_in_the_configuration_is_exit_2(project: Path, content: str) -> None:
    (project / ".jdcloud-preflight.toml").write_text(content)
    result = run(project, "check", "web.json")
    assert (result.returncode, result.stderr.count("\n")) == (2, 1)
    assert "bad configuration" in result.stderr


def test_the_new_options_are_in_the_help(project: Path) -> None:
    help_text = run(project, "check", "--help").stdout
    for option in ("--extend-select", "--extend-ignore", "--baseline", "--write-baseline"):
        assert option in help_text
