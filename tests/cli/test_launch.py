"""How the command's process starts and ends: the collector's pace, and leaving without the interpreter's
tear-down only once everything is written and nothing else runs."""

from __future__ import annotations

import gc
import io
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from validator.cli import launch

REQUEST = {"name": "web", "dataDisks": [{"deviceName": "vdb", "noDevice": True, "autoDelete": True}]}


class Left(Exception):
    """os._exit, caught: the code it was given."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class Stream(io.StringIO):
    def __init__(self, fails: bool = False) -> None:
        super().__init__()
        self.fails, self.flushes = fails, 0

    def flush(self) -> None:
        self.flushes += 1
        if self.fails:
            raise BrokenPipeError(32, "Broken pipe")


@pytest.fixture
def hard_exit(monkeypatch: pytest.MonkeyPatch) -> None:
    def _exit(code: int) -> None:
        raise Left(code)

    monkeypatch.setattr(os, "_exit", _exit)


@pytest.fixture
def threshold() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


def _returns(code: int) -> Callable[[Sequence[str] | None], int]:
    def main(argv: Sequence[str] | None) -> int:
        return code

    return main


@pytest.mark.usefixtures("hard_exit")
@pytest.mark.parametrize("code", [0, 1, 2])
def test_a_finished_run_leaves_at_once_with_its_code_once_both_streams_are_flushed(
    monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    out, err = Stream(), Stream()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    with pytest.raises(Left) as left:
        launch.leave(_returns(code))
    assert left.value.code == code
    assert (out.flushes, err.flushes) == (1, 1)


@pytest.mark.usefixtures("hard_exit")
def test_a_run_with_another_thread_still_running_exits_the_ordinary_way(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", Stream())
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        with pytest.raises(SystemExit) as ended:
            launch.leave(_returns(1))
    finally:
        release.set()
        other.join()
    assert ended.value.code == 1


@pytest.mark.usefixtures("hard_exit")
@pytest.mark.parametrize("failing", ["stdout", "stderr"])
def test_a_stream_that_cannot_be_flushed_is_left_to_the_ordinary_exit(
    monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    monkeypatch.setattr(sys, "stdout", Stream(fails=failing == "stdout"))
    monkeypatch.setattr(sys, "stderr", Stream(fails=failing == "stderr"))
    with pytest.raises(SystemExit) as ended:
        launch.leave(_returns(2))
    assert ended.value.code == 2


@pytest.mark.usefixtures("hard_exit")
def test_absent_streams_do_not_keep_a_run_from_leaving(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    with pytest.raises(Left) as left:
        launch.leave(_returns(0))
    assert left.value.code == 0


@pytest.mark.usefixtures("hard_exit")
def test_an_exception_out_of_the_run_is_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    def main(argv: Sequence[str] | None) -> int:
        raise SystemExit(2)  # argparse's way of ending on a usage error

    with pytest.raises(SystemExit) as ended:
        launch.leave(main)
    assert ended.value.code == 2


@pytest.mark.usefixtures("threshold")
def test_the_collector_is_slowed_before_the_command_is_imported_and_the_arguments_reach_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[object] = []

    def leave(main: object, argv: Sequence[str] | None = None) -> None:
        seen.extend([gc.get_threshold()[0], argv, getattr(main, "__module__", None)])
        raise Left(0)

    gc.set_threshold(700, 10, 10)
    monkeypatch.setattr(launch, "leave", leave)
    with pytest.raises(Left):
        launch.run(["check", "r.json"])
    assert seen == [launch.YOUNG_THRESHOLD, ["check", "r.json"], "validator.cli.main"]
    assert gc.get_threshold()[1:] == (10, 10)


def _process(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "validator", *args], cwd=cwd, capture_output=True, timeout=60)


@pytest.mark.parametrize("files", [1, 300])  # one file, and enough for the worker processes
def test_a_process_that_leaves_early_has_written_its_whole_report(tmp_path: Path, files: int) -> None:
    for number in range(files):
        (tmp_path / f"r{number:03}.json").write_text(json.dumps(REQUEST))
    ended = _process("check", "--format", "json", "--jobs", "2", ".", cwd=tmp_path)
    assert ended.returncode == 1, ended.stderr
    assert ended.stderr == b""
    report = json.loads(ended.stdout)
    assert len(report["files"]) == files
    assert all(file["findings"] for file in report["files"])


def test_a_report_written_to_a_file_is_whole_when_the_process_leaves(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text(json.dumps(REQUEST))
    ended = _process("check", "--format", "sarif", "-o", "out.sarif", "r.json", cwd=tmp_path)
    assert ended.returncode == 1, ended.stderr
    assert json.loads((tmp_path / "out.sarif").read_text())["runs"][0]["results"]


def test_a_fix_is_written_whole_and_leaves_no_temporary_file_when_the_process_leaves(tmp_path: Path) -> None:
    request = {"name": "web", "dataDisks": [{"deviceName": "vdb", "noDevice": True, "autoDelete": True}]}
    (tmp_path / "r.json").write_text(json.dumps(request, indent=2))
    ended = _process("check", "--fix", "r.json", cwd=tmp_path)
    assert ended.returncode == 0, ended.stderr
    assert json.loads((tmp_path / "r.json").read_text()) == {
        "name": "web",
        "dataDisks": [{"deviceName": "vdb", "noDevice": True}],
    }
    assert sorted(path.name for path in tmp_path.iterdir()) == ["r.json"]
