"""The conventions users bring from other linters (issue 12): `-` with --stdin-filename, --quiet, colour that
honours NO_COLOR and FORCE_COLOR, and --fail-on defaulting to warning. Run as a real process where the
behaviour depends on the process (standard input, a terminal)."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from validator.cli.main import main

GOOD = '{"name": "web-2026.11", "dataDisks": [{"deviceName": "vdc", "noDevice": true}]}\n'
WARN = '{"name": "web", "dataDisks": [{"deviceName": "vdc"}]}\n'  # C35 warning only
INFO = '{"Name": "web"}\n'  # C05 info only
ERROR = '{"name": "web", "dataDisks": [{"deviceName": "vdca", "noDevice": true}]}\n'
YAML_WARN = "name: web\ndataDisks:\n  - deviceName: vdc\n"


def _process(
    *argv: str, stdin: str = "", env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    base = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run(
        [sys.executable, "-m", "validator", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env={**base, "LC_ALL": "C.UTF-8", **(env or {})},
        cwd=cwd,
        check=False,
    )


def test_stdin_is_read_with_dash(tmp_path: Path) -> None:
    result = _process("check", "-", stdin=ERROR, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("-:1:46: error C31 ")


def test_stdin_filename_names_the_request_and_picks_its_reader(tmp_path: Path) -> None:
    result = _process("check", "-", "--stdin-filename", "images/web.yaml", stdin=YAML_WARN, cwd=tmp_path)
    assert result.stdout.splitlines()[0].startswith("images/web.yaml:3:5: warning C35 ")
    assert result.returncode == 1
    as_json = _process("check", "-", "--stdin-filename", "web.json", stdin=YAML_WARN, cwd=tmp_path)
    assert "C01" in as_json.stdout  # YAML text under a .json name is read as JSON


def test_stdin_yaml_suppressions_and_per_file_ignores_use_the_stdin_filename(tmp_path: Path) -> None:
    (tmp_path / ".jdcloud-preflight.toml").write_text('[per-file-ignores]\n"legacy/*" = ["C35"]\n')
    result = _process("check", "-", "--stdin-filename", "legacy/web.yaml", stdin=YAML_WARN, cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    suppressed = "name: web\ndataDisks:\n  # jdcloud-preflight: ignore[C35]\n  - deviceName: vdc\n"
    result = _process("check", "-", "--stdin-filename", "web.yaml", stdin=suppressed, cwd=tmp_path)
    assert result.returncode == 0, result.stdout


def test_stdin_beside_files_and_in_json(tmp_path: Path) -> None:
    (tmp_path / "good.json").write_text(GOOD)
    result = _process(
        "check", "--format", "json", "good.json", "-", "--stdin-filename", "in.json", stdin=WARN, cwd=tmp_path
    )
    report = json.loads(result.stdout)
    assert [entry["path"] for entry in report["files"]] == ["good.json", "in.json"]
    assert report["summary"] == {"files": 2, "error": 0, "warning": 1, "info": 0}


def test_stdin_above_max_bytes_is_a_c01_finding(tmp_path: Path) -> None:
    result = _process("check", "-", "--max-bytes", "10", stdin=GOOD, cwd=tmp_path)
    assert result.returncode == 1
    assert "error C01" in result.stdout
    assert "above the limit of 10" in result.stdout


def test_empty_stdin_is_a_c01_finding(tmp_path: Path) -> None:
    result = _process("check", "-", cwd=tmp_path)
    assert result.returncode == 1
    assert "error C01" in result.stdout


def test_stdin_is_checked_even_when_it_is_not_a_request(tmp_path: Path) -> None:
    result = _process(
        "check", "-", "--stdin-filename", "package.json", stdin='{"name": "a", "version": "1.0.0"}', cwd=tmp_path
    )
    assert "C04" in result.stdout
    skipped = _process(
        "check",
        "-",
        "--only-requests",
        "--stdin-filename",
        "package.json",
        stdin='{"name": "a", "version": "1.0.0"}',
        cwd=tmp_path,
    )
    assert skipped.stdout.splitlines()[-1] == "1 file skipped: not createImage requests"
    assert skipped.returncode == 0


def test_quiet_prints_findings_only_and_nothing_for_a_clean_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.json").write_text(GOOD)
    (tmp_path / "bad.json").write_text(ERROR)
    assert main(["check", "--quiet", str(tmp_path / "good.json")]) == 0
    assert capsys.readouterr().out == ""
    assert main(["check", "-q", str(tmp_path / "bad.json"), str(tmp_path / "good.json")]) == 1
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert " error C31 " in out
    assert "checked" not in out


def test_quiet_hides_the_skipped_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "package.json").write_text('{"name": "a", "version": "1.0.0"}')
    (tmp_path / "web.json").write_text('{"name": "web-image"}')
    assert main(["check", "--quiet", str(tmp_path)]) == 0
    assert capsys.readouterr().out == ""


def test_a_folder_of_files_none_of_them_a_request_is_nothing_to_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 10: a gate pointed at the wrong folder must not pass, also when the folder holds other JSON."""
    (tmp_path / "package.json").write_text('{"name": "a", "version": "1.0.0"}')
    (tmp_path / "tsconfig.json").write_text('{"compilerOptions": {"strict": true}}')
    assert main(["check", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "jdcloud-preflight: nothing to check: 2 files found, none of them a createImage request "
        "(--verbose says why each was skipped)"
    ]
    # The pre-commit hook names the staged files with --only-requests: there, none being a request passes.
    named = [str(tmp_path / "package.json"), str(tmp_path / "tsconfig.json")]
    assert main(["check", "--only-requests", *named]) == 0


def _tty(*argv: str, env: dict[str, str]) -> str:
    """The command's output when standard output is a terminal."""
    controller, terminal = pty.openpty()
    base = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")}
    process = subprocess.Popen(
        [sys.executable, "-m", "validator", *argv], stdout=terminal, stderr=subprocess.DEVNULL, env={**base, **env}
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait()
    os.close(controller)
    return b"".join(chunks).decode("utf-8")


@pytest.fixture
def bad_file(tmp_path: Path) -> str:
    path = tmp_path / "bad.json"
    path.write_text(ERROR)
    return str(path)


def test_colour_on_a_terminal(bad_file: str) -> None:
    out = _tty("check", bad_file, env={})
    assert "\033[1;31merror\033[0m" in out


def test_no_color_turns_colour_off_on_a_terminal(bad_file: str) -> None:
    out = _tty("check", bad_file, env={"NO_COLOR": "1"})
    assert "\033[" not in out
    assert " error C31 " in out


def test_no_color_wins_over_force_color(bad_file: str) -> None:
    assert "\033[" not in _tty("check", bad_file, env={"NO_COLOR": "1", "FORCE_COLOR": "1"})


def test_force_color_turns_colour_on_in_a_pipe(bad_file: str) -> None:
    assert "\033[1;31merror\033[0m" in _process("check", bad_file, env={"FORCE_COLOR": "1"}).stdout
    assert "\033[" not in _process("check", bad_file).stdout
    assert "\033[" not in _process("check", bad_file, env={"FORCE_COLOR": ""}).stdout


def test_colour_never_reaches_machine_formats(bad_file: str) -> None:
    out = _process("check", "--format", "json", bad_file, env={"FORCE_COLOR": "1"}).stdout
    assert "\033[" not in out
    json.loads(out)


@pytest.mark.parametrize(
    ("content", "fail_on", "expected"),
    [
        (GOOD, None, 0),
        (INFO, None, 0),  # info never fails by default
        (WARN, None, 1),  # a warning fails by default: the API would silently ignore or change something
        (ERROR, None, 1),
        (WARN, "error", 0),
        (INFO, "info", 1),
        (INFO, "warning", 0),
    ],
)
def test_fail_on_defaults_to_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, fail_on: str | None, expected: int
) -> None:
    path = tmp_path / "r.json"
    path.write_text(content)
    argv = ["check", str(path)] + ([] if fail_on is None else ["--fail-on", fail_on])
    assert main(argv) == expected


def test_fail_on_default_is_in_the_help(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    text = " ".join(sys.stdout.getvalue().split())  # type: ignore[attr-defined]
    assert "(default: warning:" in text
    assert "info never fails by default" in text
    for option in ("--stdin-filename", "--quiet", "--verbose", "--only-requests"):
        assert option in text


def test_the_configuration_schema_documents_the_default() -> None:
    from validator.config.config import settings_from
    from validator.core.finding import Severity
    from validator.schema import schemas

    fail_on = schemas.load(schemas.CONFIG)["properties"]["fail-on"]
    assert fail_on["default"] == "warning"
    assert "default: warning" in fail_on["description"]
    assert settings_from({}).fail_on is Severity.WARNING
