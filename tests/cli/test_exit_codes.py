"""Issue 10, how a run ends: a closed pipe quietly, a failed write or a bug as exit 2 with one line, Ctrl-C
as exit 130 with no worker left behind, a deleted working folder as exit 2; and the run never passes while
checking nothing (an empty folder, a rule-prefix typo)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import validator.cli.check
import validator.cli.describe
from validator.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
GOOD = '{"name": "web"}'
BAD = '{"name": "web", "dataDisks": [{"deviceName": "vdc", "autoDelete": true, "noDevice": 1}]}'


def _cli(*args: str, cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    streams: dict[str, object] = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "validator", *args], cwd=cwd, timeout=60, **{**streams, **kwargs}
    )


def _one_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8")
    assert "Traceback" not in text
    assert text.count("\n") == 1, text
    assert text.endswith("\n")
    return text


# --- writing the report ---


def _into_closed_pipe(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """Run the command line with standard output a pipe whose reader has already gone (as `| head -1` is
    once it has its line): every write fails with EPIPE, however short the output."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return _cli(*args, cwd=cwd, stdout=write_end, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)


@pytest.mark.parametrize("command", [["rules"], ["explain", "C31"], ["schema"]])
def test_broken_pipe_ends_quietly(tmp_path: Path, command: list[str]) -> None:
    result = _into_closed_pipe(*command, cwd=tmp_path)
    assert result.stderr == b""
    assert result.returncode == 0


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_broken_pipe_of_a_report_ends_quietly_with_the_runs_code(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "bad.json").write_text(BAD)
    (tmp_path / "good.json").write_text(GOOD)
    assert _into_closed_pipe("check", "--format", fmt, "bad.json", cwd=tmp_path).returncode == 1
    result = _into_closed_pipe("check", "--format", fmt, "good.json", cwd=tmp_path)
    assert result.stderr == b""
    assert result.returncode == 0  # the findings still decide the exit code


def test_rules_piped_into_head_ends_quietly(tmp_path: Path) -> None:
    command = f"{sys.executable} -m validator rules | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, timeout=60)
    assert result.stdout.decode().startswith("C01")
    assert result.stderr == b""
    assert result.returncode == 0


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_is_exit_2_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text(BAD)
    with open("/dev/full", "wb") as full:
        result = _cli("check", "r.json", cwd=tmp_path, stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 2
    assert _one_line(result.stderr) == "jdcloud-preflight: cannot write the report: No space left on device\n"


def test_a_closed_stdout_is_exit_2_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text(GOOD)
    command = f"{sys.executable} -m validator check r.json >&-"
    result = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, timeout=60)
    assert result.returncode == 2
    assert _one_line(result.stderr) == "jdcloud-preflight: cannot write the report: standard output is closed\n"


def test_rules_to_a_full_disk_is_exit_2(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = _cli("rules", cwd=tmp_path, stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 2
    assert "cannot write" in _one_line(result.stderr)


# --- Ctrl-C ---


def _group_members(group: int) -> list[int]:
    members = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == group and fields[0] != "Z":
                members.append(int(entry))
    return members


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_ctrl_c_is_exit_130_without_traceback_or_leftover_workers(tmp_path: Path) -> None:
    for index in range(3000):
        (tmp_path / f"r{index:04}.yaml").write_text(
            "name: web\ndataDisks:\n  - deviceName: vdc\n    autoDelete: true\n"
        )
    process = subprocess.Popen(
        [sys.executable, "-m", "validator", "check", "--jobs", "2", "."],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    deadline = time.monotonic() + 30
    while len(_group_members(process.pid)) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    if process.poll() is not None or os.cpu_count() == 1:
        pytest.skip("the run ended (or could not fork workers) before it could be interrupted")
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: the whole group
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stderr.decode() == "jdcloud-preflight: interrupted\n"
    time.sleep(0.2)
    assert _group_members(process.pid) == []


def test_ctrl_c_in_process_is_130(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(validator.cli.describe, "run_rules", interrupted)
    try:
        code = main(["rules"])
    except KeyboardInterrupt:
        pytest.fail("KeyboardInterrupt escaped main()")
    assert code == 130
    assert capsys.readouterr().err == "jdcloud-preflight: interrupted\n"


# --- a deleted working folder, internal errors ---


def test_deleted_working_folder_is_exit_2_with_one_line(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    command = f"cd {gone} && rmdir {gone} && {sys.executable} -m validator check /nonexistent.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(["bash", "-c", command], capture_output=True, timeout=60, env=env)
    assert result.returncode == 2
    assert _one_line(result.stderr).startswith("jdcloud-preflight: the working folder is gone")


def test_internal_error_is_exit_2_with_one_line_and_debug_shows_the_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "r.json"
    path.write_text(GOOD)

    def broken(*_: object, **__: object) -> object:
        raise RuntimeError("a bug\nover two lines")

    monkeypatch.setattr(validator.cli.check, "check_file", broken)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == (
        "jdcloud-preflight: internal error: RuntimeError: a bug\\nover two lines (--debug shows the traceback)\n"
    )
    assert main(["check", "--debug", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err
    assert err.endswith("jdcloud-preflight: internal error: RuntimeError: a bug\\nover two lines\n")
    assert main(["--debug", "check", str(path)]) == 2
    assert "Traceback" in capsys.readouterr().err


# --- nothing to check ---


def test_empty_folder_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"jdcloud-preflight: nothing to check: no request file (.json, .yaml, .yml) in {tmp_path}\n"


def test_folder_whose_files_are_all_excluded_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.json").write_text(BAD)
    (tmp_path / ".jdcloud-preflight.toml").write_text('exclude = ["*.json"]\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check", "."]) == 2
    assert "nothing to check" in capsys.readouterr().err


# --- rule prefixes that match nothing ---


@pytest.mark.parametrize("option", [["--select", "C4X"], ["--select", ""], ["--select", "zzz"], ["--ignore", "C99"]])
def test_rule_prefix_typo_on_the_command_line_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: list[str]
) -> None:
    path = tmp_path / "r.json"
    path.write_text(BAD)
    assert main(["check", *option, str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert option[0] in captured.err
    assert "known prefixes: C01-C72, P01-P08, S01-S02" in captured.err


@pytest.mark.parametrize(
    "option", [["--ignore", ""], ["--select", " "], ["--extend-ignore", "C05,"], ["--ignore", ","]]
)
def test_an_empty_rule_prefix_on_the_command_line_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: list[str]
) -> None:
    path = tmp_path / "r.json"
    path.write_text(BAD)
    assert main(["check", *option, str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "empty rule prefix" in err


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ('select = ["C99"]', "select"),
        ("select = []", "select"),
        ('ignore = ["zzz"]', "ignore"),
        ('[per-file-ignores]\n"*.json" = ["C9"]', "per-file-ignores.*.json"),
    ],
)
def test_rule_prefix_typo_in_the_configuration_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], table: str, key: str
) -> None:
    path = tmp_path / "r.json"
    path.write_text(BAD)
    config = tmp_path / ".jdcloud-preflight.toml"
    config.write_text(table + "\n")
    assert main(["check", "--config", str(config), str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"jdcloud-preflight: bad configuration: {config}: {key}: ")
    assert "known prefixes: C01-C72" in err


# --- the same path twice, permissions ---


def test_same_path_given_twice_is_checked_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.json"
    path.write_text(BAD)
    assert main(["check", "--format", "json", str(path), str(path), str(tmp_path), f"{tmp_path}/./r.json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [entry["path"] for entry in report["files"]] == [str(path)]
    assert report["summary"]["files"] == 1


def _without_root_powers() -> list[str]:
    """A command prefix that takes away root's power to read anything (the tests may run as root)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return [setpriv, "--inh-caps=-all", "--bounding-set=-all"]


def test_folder_without_permission_is_reported_as_such(tmp_path: Path) -> None:
    base = tmp_path / "open"
    base.mkdir()
    locked = base / "locked"
    locked.mkdir()
    (locked / "r.json").write_text(GOOD)
    locked.chmod(0o000)
    try:
        command = [*_without_root_powers(), sys.executable, "-m", "validator", "check", "locked/r.json", "locked"]
        result = subprocess.run(command, cwd=base, capture_output=True, timeout=60)
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2
    lines = result.stderr.decode().splitlines()
    assert lines == [
        "jdcloud-preflight: cannot read locked/r.json: Permission denied",
        "jdcloud-preflight: cannot read locked: Permission denied",
    ]
