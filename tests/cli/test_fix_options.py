"""ruff's fix conventions: --show-fixes lists each applied fix per file after the run,
--exit-non-zero-on-fix fails a run that fixed anything, and --fix-only applies the fixes and reports
nothing but their count."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from validator.cli.main import main

# C05 (safe), C48 (safe), C43 (unsafe).
MIXED = (
    "name: web\n"
    "DataDisks:\n"
    "  - deviceName: vdh\n"
    "    cloudDiskSpec:\n"
    "      diskType: ssd.gp1\n"
    "      az: cn-north-1a\n"
    "      diskSizeGB: 45\n"
)
CLEAN = (
    "name: web\ndataDisks:\n  - deviceName: vdh\n    cloudDiskSpec:\n      diskType: ssd.gp1\n      diskSizeGB: 50\n"
)
C05 = '    C05 key "DataDisks" is documented as "dataDisks"'
C48 = "    C48 az is ignored by createImage: specifying it has no effect"


def _write(folder: Path, name: str, content: str) -> Path:
    path = folder / name
    path.write_text(content, encoding="utf-8", newline="")
    return path


def test_show_fixes_lists_each_applied_fix_per_file_after_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _write(tmp_path, "a.yaml", MIXED), _write(tmp_path, "b.yaml", MIXED)
    _write(tmp_path, "clean.yaml", CLEAN)
    assert main(["check", "--fix", "--show-fixes", str(tmp_path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-8:] == [
        "3 files checked: 2 error(s), 0 warning(s), 0 info",
        "Fixed 4 findings:",
        f"- {first}:",
        C05,
        C48,
        f"- {second}:",
        C05,
        C48,
    ]


def test_show_fixes_in_chinese_and_with_nothing_fixed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "a.yaml", MIXED)
    main(["check", "--fix", "--show-fixes", "--lang", "zh", str(path)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[-4:-2] == ["已修复 2 个发现项：", f"- {path}:"]
    assert lines[-2].startswith("    C05 ")
    clean = _write(tmp_path, "clean.yaml", CLEAN)
    assert main(["check", "--fix", "--show-fixes", str(clean)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "fixed 0 findings",
        "1 file checked: 0 error(s), 0 warning(s), 0 info",
    ]


def test_show_fixes_beside_a_machine_report_goes_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "a.yaml", MIXED)
    main(["check", "--fix", "--show-fixes", "--format", "json", str(path)])
    captured = capsys.readouterr()
    assert json.loads(captured.out)["summary"]["error"] == 1
    assert captured.err.splitlines() == ["Fixed 2 findings:", f"- {path}:", C05, C48]


def test_show_fixes_with_diff_lists_what_would_be_fixed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "a.yaml", MIXED)
    assert main(["check", "--diff", "--unsafe-fixes", "--show-fixes", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("--- a/")
    assert captured.err.splitlines()[:2] == ["Would fix 3 findings:", f"- {path}:"]
    assert path.read_text(encoding="utf-8") == MIXED


def test_show_fixes_with_stdin_goes_beside_the_fixed_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(MIXED.encode())))
    main(["check", "--fix", "--show-fixes", "--stdin-filename", "web.yaml", "-"])
    captured = capsys.readouterr()
    assert "Fixed" not in captured.out
    assert "Fixed 2 findings:\n- web.yaml:\n" in captured.err


def test_exit_non_zero_on_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "a.yaml", MIXED)
    assert main(["check", "--fix", "--unsafe-fixes", "--exit-non-zero-on-fix", str(path)]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "1 file checked: 0 error(s), 0 warning(s), 0 info"
    assert path.read_text(encoding="utf-8") == CLEAN
    # Nothing left to fix: exit 0.
    assert main(["check", "--fix", "--unsafe-fixes", "--exit-non-zero-on-fix", str(path)]) == 0
    # Without the option, a run that fixed everything passes.
    _write(tmp_path, "a.yaml", MIXED)
    assert main(["check", "--fix", "--unsafe-fixes", str(path)]) == 0


def test_fix_only_applies_the_fixes_and_reports_only_their_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "a.yaml", MIXED)
    assert main(["check", "--fix-only", str(path)]) == 0  # the C43 error remains, and is not reported
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("fixed 2 findings; 1 more fixable with --unsafe-fixes\n", "")
    assert path.read_text(encoding="utf-8") == CLEAN.replace("50", "45")
    assert main(["check", "--fix-only", "--unsafe-fixes", str(path)]) == 0
    assert capsys.readouterr().out == "fixed 1 finding\n"
    assert main(["check", "--fix-only", str(path)]) == 0
    assert capsys.readouterr().out == "fixed 0 findings\n"


def test_fix_only_with_quiet_show_fixes_and_exit_non_zero_on_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "a.yaml", MIXED)
    assert main(["check", "--fix-only", "--quiet", "--show-fixes", "--exit-non-zero-on-fix", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == ["Fixed 2 findings:", f"- {path}:", C05, C48]
    assert main(["check", "--fix-only", "--quiet", "--exit-non-zero-on-fix", str(path)]) == 0
    assert capsys.readouterr().out == ""


def test_fix_only_with_a_machine_format_prints_no_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "a.yaml", MIXED)
    assert main(["check", "--fix-only", "--format", "sarif", str(path)]) == 0
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "fixed 2 findings; 1 more fixable with --unsafe-fixes\n")


def test_fix_only_exits_2_when_a_file_cannot_be_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, "a.yaml", MIXED)

    def refuse(_source: str, _target: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    assert main(["check", "--fix-only", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"cannot write the fixed {path}: Permission denied; it is left as it was" in err
    assert path.read_text(encoding="utf-8") == MIXED


def test_fix_only_with_stdin_writes_the_fixed_text_and_the_count_beside_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(MIXED.encode())))
    assert main(["check", "--fix-only", "--stdin-filename", "web.yaml", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out == CLEAN.replace("50", "45")
    assert captured.err == "fixed 2 findings; 1 more fixable with --unsafe-fixes\n"


@pytest.mark.parametrize("option", ["--show-fixes", "--exit-non-zero-on-fix", "--fix-only"])
def test_the_fix_options_are_in_the_help(option: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert option in capsys.readouterr().out
