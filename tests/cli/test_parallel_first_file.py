"""A parallel run checks its first file in the command's own process, before the workers fork (they start
with what that check loaded); every file is still checked once, in order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from validator.cli import parallel
from validator.cli.parallel import PARALLEL_MIN_FILES, run_all


def _where(path: str) -> tuple[str, int]:
    return path, os.getpid()


def test_the_first_file_is_checked_here_and_the_rest_in_workers_in_order() -> None:
    files = [f"f{index:03d}" for index in range(PARALLEL_MIN_FILES + 3)]
    outcomes = run_all(_where, files, jobs=2)
    assert [path for path, _ in outcomes] == files
    assert outcomes[0][1] == os.getpid()
    if (os.cpu_count() or 1) > 1:
        assert {pid for _, pid in outcomes[1:]} - {os.getpid()}


def test_without_a_pool_each_file_is_still_checked_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The serial fall-back (no semaphores here) does not check the first file a second time."""
    checked: list[str] = []

    def check(path: str) -> str:
        checked.append(path)
        return path.upper()

    def no_pool(*_args: object, **_kwargs: object) -> object:
        raise OSError("no semaphores")

    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", no_pool)
    files = [str(tmp_path / f"r{index}.json") for index in range(PARALLEL_MIN_FILES)]
    assert run_all(check, files, jobs=2) == [path.upper() for path in files]
    assert checked == files


def test_below_the_pool_threshold_every_file_is_checked_here() -> None:
    files = [f"f{index}" for index in range(PARALLEL_MIN_FILES - 1)]
    assert {pid for _, pid in run_all(_where, files, jobs=2)} == {os.getpid()}


class _Unpicklable:
    """A check that cannot be pickled: a forked worker must get it without being sent it."""

    def __call__(self, path: str) -> tuple[str, int]:
        return path, os.getpid()

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("this check is not to be pickled")


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="needs fork")
def test_forked_workers_are_handed_the_check_not_sent_it_with_each_batch() -> None:
    files = [f"f{index:04d}" for index in range(1000)]  # ten batches of the largest size
    outcomes = run_all(_Unpicklable(), files, jobs=2)
    assert [path for path, _ in outcomes] == files
    if (os.cpu_count() or 1) > 1:
        assert {pid for _, pid in outcomes[1:]} - {os.getpid()}
