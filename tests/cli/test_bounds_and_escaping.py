"""The --max-bytes bound (a usage error above 1 GiB, never an OverflowError), diff headers quoted as `git diff`
quotes names, and the bidirectional marks escaped in text and GitHub output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fixes.test_diff_is_a_patch import _check_patch
from tests.helpers import MIXED
from validator.cli.main import main
from validator.output import one_line
from validator.workspace.files import MAX_MAX_BYTES
from validator.workspace.fix_files import diff_name

GIB = 1024 * 1024 * 1024


def _request(tmp_path: Path) -> Path:
    path = tmp_path / "image.json"
    path.write_text(json.dumps({"name": "web", "instanceId": "i-eumm7k2qd6"}), encoding="utf-8")
    return path


def test_the_largest_max_bytes_is_one_gib() -> None:
    assert MAX_MAX_BYTES == GIB


@pytest.mark.parametrize("value", [GIB + 1, 10**30])
def test_max_bytes_above_one_gib_on_the_command_line_is_a_usage_error(
    value: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--max-bytes", str(value), str(_request(tmp_path))]) == 2
    err = capsys.readouterr().err
    assert err == f"jdcloud-preflight: --max-bytes must be at most {GIB} bytes (1 GiB)\n"


def test_max_bytes_of_one_gib_on_the_command_line_is_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--max-bytes", str(GIB), str(_request(tmp_path))]) in (0, 1)
    assert "internal error" not in capsys.readouterr().err


@pytest.mark.parametrize("value", [GIB + 1, 10**20])
def test_max_bytes_above_one_gib_in_the_configuration_is_a_usage_error(
    value: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "settings.toml"
    config.write_text(f"max-bytes = {value}\n", encoding="utf-8")
    assert main(["check", "--config", str(config), str(_request(tmp_path))]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "max-bytes: expected at most 1073741824" in err
    assert "OverflowError" not in err
    assert "internal error" not in err


def test_max_bytes_of_one_gib_in_the_configuration_is_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "settings.toml"
    config.write_text(f"max-bytes = {GIB}\n", encoding="utf-8")
    assert main(["check", "--config", str(config), str(_request(tmp_path))]) in (0, 1)
    assert capsys.readouterr().err == ""


# --diff headers: quoted as git quotes them with core.quotePath at its default.


def test_a_non_ascii_name_is_quoted_with_octal_escapes_as_git_writes_it() -> None:
    assert diff_name("镜像/web.yaml", "a") == '"a/\\351\\225\\234\\345\\203\\217/web.yaml"'
    assert diff_name("caf\u00e9.yaml", "b") == '"b/caf\\303\\251.yaml"'
    assert diff_name("\u007fx.yaml", "a") == '"a/\\177x.yaml"'
    assert diff_name("~web.yaml", "a") == "a/~web.yaml"  # the last ASCII printable stays as it is


def test_a_hostile_name_reaches_the_diff_quoted_without_escapes_or_a_line_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "\x1b]0;owned\x07\x1b[31mred\n::error::x.yaml"
    (tmp_path / name).write_text(MIXED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--diff", name]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x07" not in out
    assert not any(line.startswith("::") for line in out.splitlines())
    quoted = '"a/\\033]0;owned\\a\\033[31mred\\n::error::x.yaml"'
    assert out.startswith(f"--- {quoted}\n+++ {quoted.replace('a/', 'b/', 1)}\n")


def test_a_diff_of_an_ordinary_name_with_a_space_applies_with_patch_and_git_apply(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    diff = _check_patch(tmp_path, monkeypatch, capsys, "web image.yaml", MIXED.encode())
    assert diff.startswith("--- a/web image.yaml\t\n+++ b/web image.yaml\t\n")


def test_a_diff_of_a_non_ascii_name_applies_with_patch_and_git_apply(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    diff = _check_patch(tmp_path, monkeypatch, capsys, "café image.yaml", MIXED.encode())
    assert diff.startswith('--- "a/caf\\303\\251 image.yaml"\t\n')


# The bidirectional marks: escaped like the overrides.

MARKS = {"LRM": "\u200e", "RLM": "\u200f", "ALM": "\u061c"}


@pytest.mark.parametrize("mark", sorted(MARKS))
def test_a_bidirectional_mark_is_escaped_on_one_line(mark: str) -> None:
    char = MARKS[mark]
    assert one_line(f"a{char}b") == f"a\\u{ord(char):04x}b"


def test_characters_beside_the_marks_are_left_as_they_are() -> None:
    text = "\u061b\u061d\u200d\u2010"  # neighbours of ALM, LRM/RLM: not bidirectional controls
    assert one_line(text) == text


@pytest.mark.parametrize("fmt", ["text", "github"])
@pytest.mark.parametrize("mark", sorted(MARKS))
def test_bidirectional_marks_in_names_and_values_are_escaped_in_the_report(
    fmt: str, mark: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    char = MARKS[mark]
    name = f"web{char}image.json"
    (tmp_path / name).write_text(json.dumps({"name": f"web{char} 1", "Name": "x"}), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "--format", fmt, name])
    out = capsys.readouterr().out
    assert out
    assert char not in out
    assert f"\\u{ord(char):04x}" in out
