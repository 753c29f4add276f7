"""Hostile and broken files through the CLI: each a clear finding or a one-line error, a defined exit code,
and no traceback, within bounded time."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import validator.workspace.gather
from validator.cli.main import main

LAUGHS = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)


def _run(
    capsys: pytest.CaptureFixture[str], *paths: str, extra: tuple[str, ...] = ()
) -> tuple[int, dict[str, Any], str]:
    code = main(["check", "--format", "json", *extra, *paths])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def _only_finding(capsys: pytest.CaptureFixture[str], path: Path, extra: tuple[str, ...] = ()) -> dict[str, Any]:
    code, report, err = _run(capsys, str(path), extra=extra)
    assert code == 1
    assert err == ""
    (finding,) = report["files"][0]["findings"]
    assert finding["rule"] == "C01"
    assert finding["severity"] == "error"
    return finding  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.json", b"", "empty"),
        ("empty.yaml", b"", "empty"),
        ("blank.json", b"  \n\t\n", "empty"),
        ("blank.yaml", b"  \n\n", "empty"),
        ("bad-utf8.json", b'{"name": "ab\xff"}', "UTF-8"),
        ("binary.json", bytes(range(256)) * 4, "binary"),
        ("nan.json", b'{"name": "ab", "x": NaN}', "NaN"),
        ("infinity.json", b'{"name": "ab", "x": Infinity}', "Infinity"),
        ("deep.json", b'{"name": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nest"),
        ("deep.yaml", b"name: " + b"[" * 100_000 + b"]" * 100_000, "nest"),
        ("laughs.yaml", LAUGHS.encode(), "expands"),
        ("tags.yaml", b"name: !!python/object/apply:os.system ['echo owned']\n", "tag"),
        # bytes are no JSON value either: the SDK could not serialise them (C01: tags that build objects)
        ("binary-tag.yaml", b"name: !!binary aGVsbG8=\n", "tag:yaml.org,2002:binary is not allowed"),
        ("set-tag.yaml", b"name: web\ntags: !!set {a: null}\n", "tag:yaml.org,2002:set is not allowed"),
        ("multi.yaml", b"name: one\n---\nname: two\n", "single document"),
        ("list.json", b"[]", "top level"),
    ],
)
def test_hostile_content_is_one_c01_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert words in _only_finding(capsys, path)["message"]


def test_bom_and_utf16_are_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bom.json").write_bytes(b'\xef\xbb\xbf{"name": "web"}')
    (tmp_path / "utf16.json").write_bytes('{"name": "web"}'.encode("utf-16"))
    code, report, _ = _run(capsys, str(tmp_path))
    assert code == 0
    assert [f["findings"] for f in report["files"]] == [[], []]


def test_huge_numbers_are_reported_not_crashed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.json"
    digits = "9" * 400
    path.write_text('{"name": "web", "dataDisks": [{"deviceName": "vdb", "cloudDiskSpec": {"diskType": "ssd.io1", '
                    f'"diskSizeGB": {digits}, "iops": {digits}}}}}]}}')  # fmt: skip
    code, report, _ = _run(capsys, str(path))
    assert code == 1
    rules = {f["rule"] for f in report["files"][0]["findings"]}
    assert {"C43"} <= rules
    assert all(len(f["message"]) < 300 for f in report["files"][0]["findings"])


def test_a_100_megabyte_file_is_a_size_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    finding = _only_finding(capsys, path)
    assert "limit" in finding["message"]
    assert str(100 * 1024 * 1024) in finding["message"]


def test_size_limit_is_configurable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"name": "web"}')
    assert "limit of 10" in _only_finding(capsys, path, extra=("--max-bytes", "10"))["message"]
    assert main(["check", "--max-bytes", "100", str(path)]) == 0


def test_symlink_loop_in_a_folder_is_not_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "r.json").write_text('{"name": "web"}')
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    code, report, _ = _run(capsys, str(tmp_path))
    assert code == 0
    assert [f["path"] for f in report["files"]] == [str(tmp_path / "sub" / "r.json")]


def test_unreadable_file_is_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "a.json"
    good.write_text('{"name": "web"}')
    locked = tmp_path / "b.json"
    locked.write_text('{"name": "web"}')
    real_open = os.open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(locked):  # tests run as root too, where chmod 000 does not stop reading
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("os.open", guarded_open)  # files are opened with os.open (no blocking on a FIFO)
    code, report, err = _run(capsys, str(tmp_path))
    assert code == 2
    assert err == f"jdcloud-preflight: cannot read {locked}: Permission denied\n"
    assert [f["path"] for f in report["files"]] == [str(good)]


def test_file_that_vanishes_between_listing_and_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"name": "web"}')
    real_collect = validator.workspace.gather.collect

    def collect_then_delete(paths: list[str], *args: Any) -> Any:
        for item in real_collect(paths, *args):
            path.unlink()
            yield item

    monkeypatch.setattr(validator.workspace.gather, "collect", collect_then_delete)
    code, report, err = _run(capsys, str(tmp_path))
    assert code == 2
    assert report["files"] == []
    assert err.count("\n") == 1
    assert "r.json" in err


def test_directory_given_with_request_suffix_is_walked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "looks-like.json"
    folder.mkdir()
    # (An empty folder is now "nothing to check", exit 2: issue 10. A request inside shows the walk.)
    inner = folder / "r.json"
    inner.write_text('{"name": "web"}')
    code, report, _ = _run(capsys, str(folder))
    assert (code, [f["path"] for f in report["files"]]) == (0, [str(inner)])
