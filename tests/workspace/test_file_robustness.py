"""Issue 10, what is read: only regular files, each under a size limit (requests, configuration and
context files alike); a configuration that cannot be used is exit 2 with one line naming the key, and
another project's broken pyproject.toml above the working folder does not stop a run; --jobs is capped."""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

import validator.cli.parallel
from validator.cli.main import main

GOOD = '{"name": "web"}'
BAD = '{"name": "web", "dataDisks": [{"deviceName": "vdc", "autoDelete": true, "noDevice": 1}]}'


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _main_with_timeout(args: list[str], seconds: float = 20) -> int:
    """main(args), failing the test instead of hanging it when a read blocks."""
    result: list[int] = []
    worker = threading.Thread(target=lambda: result.append(main(args)), daemon=True)
    worker.start()
    worker.join(seconds)
    if not result:
        # Unblock the reader (a writer opens every FIFO the test made) before failing.
        pytest.fail(f"jdcloud-preflight {' '.join(args)} did not finish within {seconds} s")
    return result[0]


# --- FIFOs, devices, and the size limit for every file read ---


def test_named_fifo_is_exit_2_not_a_hang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = _fifo(tmp_path / "r.json")
    try:
        assert _main_with_timeout(["check", str(fifo)]) == 2
    finally:
        _release(fifo)
    assert capsys.readouterr().err == f"jdcloud-preflight: cannot read {fifo}: not a regular file\n"


def _release(fifo: Path) -> None:
    """Open the FIFO for writing without blocking, so that a reader stuck on it (old code) wakes up."""
    with contextlib.suppress(OSError):
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


def test_fifo_met_while_walking_is_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = _fifo(tmp_path / "a.yaml")
    (tmp_path / "b.json").write_text(GOOD)
    try:
        assert _main_with_timeout(["check", str(tmp_path)]) == 0
    finally:
        _release(fifo)
    captured = capsys.readouterr()
    assert captured.out == "1 file checked: 0 error(s), 0 warning(s), 0 info\n"
    assert captured.err == f"jdcloud-preflight: skipped {fifo}: not a regular file\n"


def test_config_fifo_is_exit_2_not_a_hang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "r.json").write_text(GOOD)
    fifo = _fifo(tmp_path / "c.toml")
    try:
        assert _main_with_timeout(["check", "--config", str(fifo), str(tmp_path / "r.json")]) == 2
    finally:
        _release(fifo)
    assert capsys.readouterr().err == f"jdcloud-preflight: bad configuration: {fifo}: cannot read: not a regular file\n"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_config_dev_zero_is_exit_2_not_unbounded(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text(GOOD)

    def limit_memory() -> None:  # a reader without a bound fails fast instead of exhausting the machine
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    result = subprocess.run(
        [sys.executable, "-m", "validator", "check", "--config", "/dev/zero", "r.json"],
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
        preexec_fn=limit_memory,
    )
    assert result.returncode == 2
    assert result.stderr == b"jdcloud-preflight: bad configuration: /dev/zero: cannot read: not a regular file\n"


def test_config_above_the_size_limit_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "r.json").write_text(GOOD)
    config = tmp_path / "c.toml"
    config.write_text("# padding\n" * (1024 * 1024 // 10 + 1))
    assert main(["check", "--config", str(config), str(tmp_path / "r.json")]) == 2
    assert capsys.readouterr().err == (
        f"jdcloud-preflight: bad configuration: {config}: the file is larger than 1048576 bytes\n"
    )


@pytest.mark.parametrize("option", ["--instance", "--snapshots", "--quotas"])
def test_context_fifo_is_exit_2_not_a_hang(tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str) -> None:
    (tmp_path / "r.json").write_text(GOOD)
    fifo = _fifo(tmp_path / "context.json")
    try:
        assert _main_with_timeout(["check", option, str(fifo), str(tmp_path / "r.json")]) == 2
    finally:
        _release(fifo)
    assert "not a regular file" in capsys.readouterr().err


def test_context_file_has_the_request_size_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "r.json").write_text(GOOD)
    instance = tmp_path / "i.json"
    instance.write_text('{"instanceId": "i-abc", "status": "running", "pad": "' + "x" * 2000 + '"}')
    assert main(["check", "--max-bytes", "1000", "--instance", str(instance), str(tmp_path / "r.json")]) == 2
    assert capsys.readouterr().err == f"jdcloud-preflight: describeInstance file {instance} is larger than 1000 bytes\n"
    assert main(["check", "--max-bytes", "3000", "--instance", str(instance), str(tmp_path / "r.json")]) != 2
    assert capsys.readouterr().err == ""


# --- --jobs ---


def test_jobs_is_capped_at_cores_and_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import concurrent.futures

    from validator.cli.parallel import PARALLEL_MIN_FILES

    files = PARALLEL_MIN_FILES + 16
    for index in range(files):
        (tmp_path / f"r{index:03}.json").write_text(BAD)
    asked: list[int] = []
    real = concurrent.futures.ProcessPoolExecutor

    def recording(*args: Any, **kwargs: Any) -> Any:
        asked.append(kwargs["max_workers"])
        return real(*args, **{**kwargs, "max_workers": min(kwargs["max_workers"], 2)})  # never fork 100000

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", recording)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert main(["check", "--jobs", "100000", str(tmp_path)]) == 1
    assert asked == [2]
    assert capsys.readouterr().out.splitlines()[-1].startswith(f"{files} files checked: {files} error(s)")


@pytest.mark.parametrize(
    ("jobs", "cores", "files", "expected"),
    [(100_000, 2, 80, 2), (100_000, 64, 80, 64), (100_000, 128, 80, 80), (1, 8, 80, 1), (4, None, 80, 1)],
)
def test_workers(monkeypatch: pytest.MonkeyPatch, jobs: int, cores: int | None, files: int, expected: int) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    assert validator.cli.parallel.workers(jobs, files) == expected


# --- configuration files that used to crash the reader ---


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("max-bytes = 0", "tool.jdcloud-preflight.max-bytes: expected at least 1, got 0"),
        ("max-bytes = -5", "tool.jdcloud-preflight.max-bytes: expected at least 1, got -5"),
        (
            "[tool.jdcloud-preflight.policy]\nmax-disk-size-gb = -1",
            "policy.max-disk-size-gb: expected at least 1, got -1",
        ),
        ("[tool.jdcloud-preflight.policy]\nmax-data-disks = -1", "policy.max-data-disks: expected at least 0, got -1"),
        (
            "[tool.jdcloud-preflight.policy]\nmax-total-disk-size-gb = 0",
            "max-total-disk-size-gb: expected at least 1, got 0",
        ),
        ("select = " + "[" * 3000 + "]" * 3000, "nest more than 100 levels deep"),
        ("fail-on = " + "{a = " * 3000 + "1" + "}" * 3000, "nest more than 100 levels deep"),
        ("max-bytes = 1" + "0" * 5000, "not valid TOML"),
        ("max-bytes = 1" + "0" * 30, "max-bytes: expected at most 1073741824"),  # above the 1 GiB bound
    ],
)
def test_bad_configuration_is_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, table: str, message: str
) -> None:
    header = "" if table.startswith("[tool") else "[tool.jdcloud-preflight]\n"
    (tmp_path / "pyproject.toml").write_text(header + table + "\n")
    (tmp_path / "r.json").write_text(GOOD)
    monkeypatch.chdir(tmp_path)
    code = main(["check", "r.json"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"jdcloud-preflight: bad configuration: {tmp_path / 'pyproject.toml'}: ")
    assert message in err
    assert err.count("\n") == 1


def test_unrelated_broken_pyproject_above_does_not_stop_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text("[project\nname = 'someone else'\n")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "pyproject.toml").write_bytes(b"[tool.black]\nline-length = \xff\n")
    work = tmp_path / "other" / "work"
    work.mkdir()
    (work / "r.json").write_text(GOOD)
    monkeypatch.chdir(work)
    assert main(["check", "r.json"]) == 0
    assert capsys.readouterr().err == ""


def test_broken_pyproject_that_mentions_the_tool_stops_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.jdcloud-preflight]\nselect = [\n")
    (tmp_path / "r.json").write_text(GOOD)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "r.json"]) == 2
    assert "not valid TOML" in capsys.readouterr().err


def test_broken_file_named_with_config_stops_the_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("[project\n")
    (tmp_path / "r.json").write_text(GOOD)
    assert main(["check", "--config", str(config), str(tmp_path / "r.json")]) == 2
    assert "not valid TOML" in capsys.readouterr().err


def test_a_fifo_named_gitignore_does_not_hang_the_walk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".git").mkdir()
    fifo = _fifo(tmp_path / ".gitignore")
    (tmp_path / "r.json").write_text(GOOD)
    try:
        assert _main_with_timeout(["check", str(tmp_path)]) == 0
    finally:
        _release(fifo)
    assert capsys.readouterr().out == "1 file checked: 0 error(s), 0 warning(s), 0 info\n"


def test_a_file_read_in_short_pieces_is_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """os.read may return fewer bytes than asked for: the reader asks again until the end of the file."""
    from validator.workspace import files

    text = b'{"name": "web-2026.11", "description": "' + b"x" * 500 + b'"}'
    path = tmp_path / "request.json"
    path.write_bytes(text)
    real_read = os.read
    monkeypatch.setattr(files.os, "read", lambda fd, size: real_read(fd, min(size, 7)))
    assert files.read(str(path)) == text
    assert files.read(str(path), max_bytes=100) == files.TooLarge(str(path), len(text), 100)


def test_an_empty_file_reads_as_no_bytes(tmp_path: Path) -> None:
    from validator.workspace import files

    path = tmp_path / "empty.json"
    path.write_bytes(b"")
    assert files.read(str(path)) == b""
