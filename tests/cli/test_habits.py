"""The habits users bring from other linters: -V, --statistics, --color, rules --format json, a suggestion
for a mistyped option with the command's own usage, and the exit codes in check --help."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from validator import __version__
from validator.rules import registry
from validator.rules.docs_url import rule_url

BAD = '{"name": "web", "dataDisks": [{"deviceName": "vdca", "noDevice": true}, {"deviceName": "vdcb", "noDevice": true}]}\n'
FIXABLE = (
    "name: web\ndataDisks:\n  - deviceName: vdb\n    cloudDiskSpec: {diskType: ssd.gp1, diskSizeGB: 40, iops: 3000}\n"
)


def _run(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "validator", *args], cwd=cwd, capture_output=True, text=True, timeout=60, env=environment
    )


@pytest.mark.parametrize("option", ["-V", "--version"])
def test_version(tmp_path: Path, option: str) -> None:
    result = _run(tmp_path, option)
    assert result.returncode == 0
    assert result.stdout == f"jdcloud-preflight {__version__}\n"


def test_statistics_counts_each_rule_in_ruffs_layout(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(BAD)
    (tmp_path / "b.yaml").write_text(FIXABLE)
    result = _run(tmp_path, "check", "--statistics", "a.json", "b.yaml")
    assert result.returncode == 1
    assert result.stdout.splitlines() == ["2\tC31\t[ ] device-name", "1\tC44\t[*] iops-ignored"]


def test_statistics_aligns_counts_and_leaves_out_the_mark_when_nothing_is_fixable(tmp_path: Path) -> None:
    disks = ", ".join(f'{{"deviceName": "vdc{c}", "noDevice": true}}' for c in "abcdefghijkl")
    (tmp_path / "a.json").write_text(f'{{"name": "", "dataDisks": [{disks}]}}')
    lines = _run(tmp_path, "check", "--statistics", "a.json").stdout.splitlines()
    assert lines[0] == "12\tC31\tdevice-name"
    assert lines[1].startswith(" 1\tC2")


def test_statistics_of_a_clean_run_is_empty(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{"name": "web"}')
    result = _run(tmp_path, "check", "--statistics", "a.json")
    assert (result.returncode, result.stdout) == (0, "")


def test_statistics_as_json(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(BAD)
    result = _run(tmp_path, "check", "--statistics", "--format", "json", "a.json")
    assert json.loads(result.stdout) == [{"code": "C31", "name": "device-name", "count": 2, "fixable": False}]


def test_statistics_in_another_format_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(BAD)
    result = _run(tmp_path, "check", "--statistics", "--format", "sarif", "a.json")
    assert result.returncode == 2
    assert result.stderr == "jdcloud-preflight: --statistics is written as text or json, not sarif\n"


@pytest.mark.parametrize(
    ("choice", "env", "coloured"),
    [
        ("always", {}, True),
        ("always", {"NO_COLOR": "1"}, True),
        ("never", {"FORCE_COLOR": "1"}, False),
        ("auto", {}, False),  # a pipe
        ("auto", {"FORCE_COLOR": "1"}, True),
        ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_color(tmp_path: Path, choice: str, env: dict[str, str], coloured: bool) -> None:
    (tmp_path / "a.json").write_text(BAD)
    result = _run(tmp_path, "check", "--color", choice, "a.json", env=env)
    assert ("\033[" in result.stdout) is coloured


def test_color_never_colours_a_machine_format(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(BAD)
    assert "\033[" not in _run(tmp_path, "check", "--color", "always", "--format", "json", "a.json").stdout


def test_rules_as_json(tmp_path: Path) -> None:
    result = _run(tmp_path, "rules", "--format", "json")
    assert result.returncode == 0
    table = json.loads(result.stdout)
    assert [row["id"] for row in table] == [rule.id for rule in registry.RULES]
    c44 = next(row for row in table if row["id"] == "C44")
    assert c44 == {
        "id": "C44",
        "name": "iops-ignored",
        "severity": "warning",
        "checked_by": registry.BY_ID["C44"].enforced_by,
        "fixable": True,
        "fix": "safe",
        "summary": registry.BY_ID["C44"].summary.en,
        "url": rule_url("C44"),
    }
    assert next(row for row in table if row["id"] == "C01")["fixable"] is False


def test_rules_as_text_is_unchanged_by_default(tmp_path: Path) -> None:
    assert _run(tmp_path, "rules").stdout == _run(tmp_path, "rules", "--format", "text").stdout


def test_a_mistyped_check_option_shows_checks_usage_and_a_suggestion(tmp_path: Path) -> None:
    result = _run(tmp_path, "check", "--formt", "json", "a.json")
    assert result.returncode == 2
    assert result.stderr.startswith("usage: jdcloud-preflight check ")
    assert result.stderr.rstrip().endswith(
        "jdcloud-preflight check: error: unrecognized arguments: --formt (did you mean --format?)"
    )


def test_a_mistyped_option_with_a_value_is_matched_without_it(tmp_path: Path) -> None:
    result = _run(tmp_path, "check", "--fail-onn=error", "a.json")
    assert "(did you mean --fail-on?)" in result.stderr


def test_an_option_like_nothing_gets_no_suggestion(tmp_path: Path) -> None:
    result = _run(tmp_path, "check", "--zzzzzzzz", "a.json")
    assert result.returncode == 2
    assert result.stderr.rstrip().endswith("error: unrecognized arguments: --zzzzzzzz")


def test_a_mistyped_rules_option_shows_the_rules_usage(tmp_path: Path) -> None:
    result = _run(tmp_path, "rules", "--formatt", "json")
    assert result.stderr.startswith("usage: jdcloud-preflight rules ")


def test_check_help_lists_the_exit_codes(tmp_path: Path) -> None:
    helptext = _run(tmp_path, "check", "--help").stdout
    assert "exit codes:" in helptext
    for code in ("0", "1", "2", "129", "130", "143"):
        assert f"\n  {code}  " in helptext
    for option in ("--output-file", "--exit-zero", "--statistics", "--color"):
        assert option in helptext
