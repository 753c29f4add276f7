"""--fix users can trust with their files: standard input passes through whole whatever its size, a file
that cannot be written back stays in every report format, and a file keeps its owner, group, mode and links
(or is left as it was, in one line); a crash mid-write never leaves a half-written file."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import MIXED
from validator.cli.main import main

SAFE_FIXED = MIXED.replace("DataDisks", "dataDisks").replace("      az: cn-north-1a\n", "")


def _write(folder: Path, name: str, content: str, mode: int = 0o644) -> Path:
    path = folder / name
    path.write_text(content, encoding="utf-8", newline="")
    path.chmod(mode)
    return path


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))


# Standard input


def _large(size: int) -> bytes:
    """A YAML request with a C05 fix, padded with a comment to exactly `size` bytes."""
    head = b"Name: web\n# "
    return head + b"x" * (size - len(head) - 1) + b"\n"


@pytest.mark.parametrize("size", [1001, 300_000])
def test_stdin_over_max_bytes_passes_through_whole(
    size: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _large(size)
    _stdin(monkeypatch, data)
    assert main(["check", "--fix", "--max-bytes", "1000", "--stdin-filename", "big.yaml", "-"]) == 1
    captured = capsys.readouterr()
    assert captured.out.encode() == data
    assert f"the file is {size} bytes, above the limit of 1000 (--max-bytes)" in captured.err


def test_stdin_at_max_bytes_is_fixed(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    data = _large(1000)
    _stdin(monkeypatch, data)
    assert main(["check", "--fix", "--max-bytes", "1000", "--stdin-filename", "big.yaml", "-"]) == 0
    assert capsys.readouterr().out.encode() == data.replace(b"Name:", b"name:", 1)


def test_stdin_over_max_bytes_states_its_real_size_without_fix(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, _large(200_000))
    assert main(["check", "--max-bytes", "1000", "--format", "json", "--stdin-filename", "big.yaml", "-"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert finding["rule"] == "C01"
    assert "the file is 200000 bytes, above the limit of 1000" in finding["message"]


def test_stdin_too_large_in_chinese_states_its_real_size(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, _large(5000))
    main(["check", "--lang", "zh", "--max-bytes", "1000", "-"])
    assert "文件有 5000 字节，超过上限 1000" in capsys.readouterr().out


def test_a_file_over_max_bytes_states_its_real_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(_large(123_456))
    assert main(["check", "--fix", "--max-bytes", "1000", str(path)]) == 1
    assert "the file is 123456 bytes, above the limit of 1000" in capsys.readouterr().out
    assert path.read_bytes() == _large(123_456)


def test_stdin_diff_over_max_bytes_prints_nothing_to_change(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, _large(5000))
    assert main(["check", "--diff", "--max-bytes", "1000", "-"]) == 0
    assert capsys.readouterr().out == ""


# A file that cannot be written back stays in the report


def _refuse_rename(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_source: str, _target: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)


def _left_note(path: Path, reason: str) -> str:
    return f"jdcloud-preflight: cannot write the fixed {path}: {reason}; it is left as it was"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "gitlab"])
def test_a_file_that_cannot_be_written_stays_in_every_format(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, "image.yaml", MIXED)
    _refuse_rename(monkeypatch)
    assert main(["check", "--fix", "--fail-on", "info", "--format", fmt, str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [_left_note(path, "Permission denied")]
    assert path.read_text(encoding="utf-8") == MIXED
    assert str(path) in captured.out
    for rule in ("C05", "C48", "C43"):  # the file as it still is: nothing was fixed
        assert rule in captured.out
    if fmt == "json":
        report = json.loads(captured.out)
        assert [file["path"] for file in report["files"]] == [str(path)]
        assert report["summary"] == {"files": 1, "error": 1, "warning": 1, "info": 1}
    if fmt == "text":
        assert captured.out.splitlines()[-2:] == [
            "fixed 0 findings; 1 more fixable with --unsafe-fixes",
            "1 file checked: 1 error(s), 1 warning(s), 1 info",
        ]


def test_an_unwritten_file_beside_a_fixed_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    written = _write(tmp_path, "a.yaml", MIXED)
    locked = _write(tmp_path, "b.yaml", MIXED, mode=0o444)
    assert main(["check", "--fix", "--format", "json", str(written), str(locked)]) == 2
    captured = capsys.readouterr()
    files = {file["path"]: [f["rule"] for f in file["findings"]] for file in json.loads(captured.out)["files"]}
    assert files == {str(written): ["C43"], str(locked): ["C05", "C48", "C43"]}
    assert captured.err.splitlines() == [_left_note(locked, "it is read-only")]
    assert written.read_text(encoding="utf-8") == SAFE_FIXED


# Files keep what they are


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o555])
def test_a_read_only_file_is_left_as_it_was(mode: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "image.yaml", MIXED, mode=mode)
    before = path.stat()
    assert main(["check", "--fix", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [_left_note(path, "it is read-only")]
    assert f"{path}:3:1: info C05 [*]" in captured.out  # still there to fix
    assert f"{path}:7:11: warning C48 [*]" in captured.out
    after = path.stat()
    assert path.read_text(encoding="utf-8") == MIXED
    assert (after.st_mode, after.st_mtime_ns, after.st_ino) == (before.st_mode, before.st_mtime_ns, before.st_ino)


@pytest.mark.parametrize("mode", [0o644, 0o604, 0o200 | 0o444])
def test_a_file_anyone_may_write_is_fixed_keeping_its_mode(
    mode: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "image.yaml", MIXED, mode=mode)
    assert main(["check", "--fix", str(path)]) == 1
    capsys.readouterr()
    assert path.read_text(encoding="utf-8") == SAFE_FIXED
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_a_hard_linked_file_is_refused_and_keeps_its_links(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "image.yaml", MIXED)
    other = tmp_path / "other-name.yaml"
    os.link(path, other)
    assert main(["check", "--fix", str(path)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        _left_note(path, "it has 2 hard links, which a rewrite would split")
    ]
    assert path.stat().st_nlink == 2
    assert path.stat().st_ino == other.stat().st_ino
    assert path.read_text(encoding="utf-8") == other.read_text(encoding="utf-8") == MIXED
    other.unlink()  # one name left: fixed as any file
    assert main(["check", "--fix", str(path)]) == 1
    capsys.readouterr()
    assert path.read_text(encoding="utf-8") == SAFE_FIXED


needs_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")


@needs_root
def test_owner_and_group_are_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "image.yaml", MIXED, mode=0o664)
    os.chown(path, 4321, 4322)
    assert main(["check", "--fix", str(path)]) == 1
    capsys.readouterr()
    assert path.read_text(encoding="utf-8") == SAFE_FIXED
    assert (path.stat().st_uid, path.stat().st_gid) == (4321, 4322)
    assert stat.S_IMODE(path.stat().st_mode) == 0o664


@needs_root
def test_an_owner_that_cannot_be_kept_leaves_the_file_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, "image.yaml", MIXED)
    os.chown(path, 4321, 4322)

    def refuse(_fd: int, _uid: int, _gid: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "fchown", refuse)
    assert main(["check", "--fix", str(path)]) == 2
    assert capsys.readouterr().err.splitlines() == [_left_note(path, "its owner and group could not be kept")]
    assert path.read_text(encoding="utf-8") == MIXED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["image.yaml"]


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failure_mid_write_leaves_the_file_whole(
    failure: BaseException, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, "image.yaml", MIXED)

    def fail(_fd: int) -> None:
        raise failure

    monkeypatch.setattr(os, "fsync", fail)
    code = main(["check", "--fix", str(path)])
    err = capsys.readouterr().err
    if isinstance(failure, KeyboardInterrupt):
        assert (code, err) == (130, "jdcloud-preflight: interrupted\n")
    else:
        assert (code, err.splitlines()) == (2, [_left_note(path, "No space left on device")])
    assert path.read_text(encoding="utf-8") == MIXED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["image.yaml"]


_KILLED_BEFORE_THE_RENAME = """
import os, signal, sys
from validator.cli.main import main
os.replace = lambda source, target: os.kill(os.getpid(), signal.SIGKILL)
main(["check", "--fix", sys.argv[1]])
"""


def test_a_kill_mid_write_leaves_the_file_whole(tmp_path: Path) -> None:
    """Killed between writing the temporary file and the rename: the original is untouched, and the only
    trace is the temporary file beside it, which holds the whole fixed text."""
    path = _write(tmp_path, "image.yaml", MIXED)
    done = subprocess.run([sys.executable, "-c", _KILLED_BEFORE_THE_RENAME, str(path)], check=False)
    assert done.returncode == -9
    assert path.read_text(encoding="utf-8") == MIXED
    (stray,) = (p for p in tmp_path.iterdir() if p != path)
    assert stray.name.startswith(".image.yaml.")
    assert stray.name.endswith(".jdcloud-preflight")
    assert stray.read_text(encoding="utf-8") == SAFE_FIXED
