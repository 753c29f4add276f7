"""A parallel `--fix` ended by SIGTERM, SIGHUP, Ctrl-C or the parent's SIGKILL, with real processes: no worker
outlives the command, no temporary file is left, no file changes after the command's end, and every file is
either as it was or wholly fixed. SIGTERM and SIGHUP exit 128 + the signal's number."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.test_exit_codes import _group_members
from tests.helpers import MIXED

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists() or (os.cpu_count() or 1) < 2, reason="needs /proc and two cores"
)

FILES = 300
# Enough lines that the run lasts a few seconds, so that the signal comes while files are being written.
ORIGINAL = MIXED + "".join(f"tags{index}: [a, b, c]\n" for index in range(150))
MEMORY = 2 * 1024 * 1024 * 1024


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _fixed_text(tmp_path: Path) -> bytes:
    one = tmp_path / "one" / "r.yaml"
    one.parent.mkdir()
    one.write_text(ORIGINAL)
    subprocess.run(
        [sys.executable, "-m", "validator", "check", "--fix", str(one)], capture_output=True, check=False, timeout=60
    )
    fixed = one.read_bytes()
    assert fixed != ORIGINAL.encode()
    return fixed


def _requests(folder: Path) -> None:
    folder.mkdir()
    for index in range(FILES):
        (folder / f"r{index:03}.yaml").write_text(ORIGINAL)


def _state(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {entry.name: (entry.stat().st_mtime_ns, entry.read_bytes()) for entry in folder.iterdir()}


def _start(folder: Path, jobs: str = "2") -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "validator", "check", "--jobs", jobs, "--fix", "."],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: the workers are found by it
        preexec_fn=_limits,
    )


def _started_fixing(process: subprocess.Popen[bytes], folder: Path, fixed: bytes, workers: int) -> None:
    """Wait until the workers run and a first file is fixed; skip when the run ended first."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if len(_group_members(process.pid)) > workers and any(
            entry.read_bytes() == fixed for entry in folder.iterdir() if entry.is_file()
        ):
            return
        time.sleep(0.01)
    process.kill()
    process.communicate(timeout=30)
    pytest.skip("the run ended before it could be signalled")


def _parallel_fix_under_way(tmp_path: Path) -> tuple[subprocess.Popen[bytes], Path, bytes]:
    """A `--jobs 2 --fix` run over the requests, once both workers are fixing: the process, its folder
    and the text a fixed file has."""
    fixed = _fixed_text(tmp_path)
    folder = tmp_path / "requests"
    _requests(folder)
    process = _start(folder)
    _started_fixing(process, folder, fixed, workers=2)
    return process, folder, fixed


def _gone(group: int) -> bool:
    deadline = time.monotonic() + 15
    while _group_members(group) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not _group_members(group)


def _after_the_end(folder: Path, fixed: bytes, group: int) -> None:
    """No process of the run left, no temporary file, every file as it was or wholly fixed, and nothing
    changing any more."""
    assert _gone(group), f"processes left: {_group_members(group)}"
    before = _state(folder)
    assert sorted(before) == [f"r{index:03}.yaml" for index in range(FILES)]  # no .NAME.XXXX.jdcloud-preflight
    assert {content for _, content in before.values()} <= {ORIGINAL.encode(), fixed}
    time.sleep(1.0)
    assert _state(folder) == before


@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGHUP", 129)])
def test_sigterm_and_sighup_of_the_command_stop_its_workers_and_exit_128_plus_the_signal(
    name: str, code: int, tmp_path: Path
) -> None:
    process, folder, fixed = _parallel_fix_under_way(tmp_path)
    os.kill(process.pid, getattr(signal, name))
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == code
    assert stderr.decode().endswith(f"jdcloud-preflight: ended by {name}\n")
    assert "Traceback" not in stderr.decode()
    _after_the_end(folder, fixed, process.pid)


def test_sigkill_of_the_command_ends_its_workers_and_releases_its_output(tmp_path: Path) -> None:
    process, folder, fixed = _parallel_fix_under_way(tmp_path)
    os.kill(process.pid, signal.SIGKILL)
    # communicate() returns only once every holder of the pipes (the workers too) has closed them: a `| tee`
    # after the command would otherwise wait for ever.
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    _after_the_end(folder, fixed, process.pid)


def test_ctrl_c_during_a_parallel_fix_leaves_no_temporary_file(tmp_path: Path) -> None:
    process, folder, fixed = _parallel_fix_under_way(tmp_path)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: the whole group
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.decode().endswith("jdcloud-preflight: interrupted\n")
    _after_the_end(folder, fixed, process.pid)


def test_sigterm_to_the_whole_group_ends_the_run_with_143(tmp_path: Path) -> None:
    """As `timeout` or a CI runner may send it: the workers get it too, and clean up after themselves."""
    process, folder, fixed = _parallel_fix_under_way(tmp_path)
    os.killpg(process.pid, signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 143
    assert "Traceback" not in stderr.decode()
    _after_the_end(folder, fixed, process.pid)


def test_sigterm_of_a_serial_fix_exits_143_without_a_temporary_file(tmp_path: Path) -> None:
    fixed = _fixed_text(tmp_path)
    folder = tmp_path / "requests"
    _requests(folder)
    process = _start(folder, jobs="1")
    _started_fixing(process, folder, fixed, workers=0)
    os.kill(process.pid, signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 143
    assert stderr.decode() == "jdcloud-preflight: ended by SIGTERM\n"
    _after_the_end(folder, fixed, process.pid)
