"""--fix replaces a file only if it still holds the bytes that were read: a change saved while the run was
going is kept, the file is named in one line, and the run exits 2. Temporary files are tracked so that a
signal removes them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import validator.workspace.fix_files as fix_files
from tests.helpers import MIXED
from validator.cli.main import main
from validator.workspace import temporaries


def _changing_after_the_read(monkeypatch: pytest.MonkeyPatch, change: Callable[[str], None]) -> None:
    """Between the read and the write: `change` is made to the file, as an editor saving it would."""
    fix_data = fix_files.fix_data

    def fix_then_change(data: bytes, path: str, *args: Any, **kwargs: Any) -> Any:
        outcome = fix_data(data, path, *args, **kwargs)
        change(path)
        return outcome

    monkeypatch.setattr(fix_files, "fix_data", fix_then_change)


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".jdcloud-preflight"))


@pytest.mark.parametrize(
    "saved",
    [
        MIXED.replace("web", "app"),  # the same size, other bytes
        MIXED + "# one more line\n",
        MIXED[:-1],  # a byte shorter
    ],
)
def test_a_file_changed_while_being_fixed_is_left_with_its_change_and_exit_2(
    saved: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "image.yaml"
    path.write_text(MIXED)
    _changing_after_the_read(monkeypatch, lambda name: Path(name).write_text(saved))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--fix", "image.yaml"]) == 2
    assert path.read_text() == saved
    err = capsys.readouterr().err
    assert err == (
        "jdcloud-preflight: cannot write the fixed image.yaml: it changed while it was being fixed; "
        "it is left as it was\n"
    )
    assert _leftovers(tmp_path) == []


def test_a_file_saved_again_with_the_same_bytes_is_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "image.yaml"
    path.write_text(MIXED)
    _changing_after_the_read(monkeypatch, lambda name: Path(name).write_text(MIXED))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--fix", "image.yaml"]) == 1
    assert path.read_text() != MIXED
    assert "cannot write" not in capsys.readouterr().err


def test_a_file_changed_after_the_read_is_still_reported_with_its_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "image.yaml").write_text(MIXED)
    _changing_after_the_read(monkeypatch, lambda name: Path(name).write_text(MIXED + "\n"))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--fix", "--format", "json", "image.yaml"]) == 2
    out = capsys.readouterr().out
    assert '"path": "image.yaml"' in out
    assert '"rule": "C' in out


def test_a_temporary_file_is_removed_when_the_write_is_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A signal's exception between the temporary file's creation and the rename removes it."""
    path = tmp_path / "image.yaml"
    path.write_text(MIXED)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(fix_files.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fix_files.write_atomically(str(path), b"name: web\n")
    assert _leftovers(tmp_path) == []
    assert path.read_text() == MIXED


def test_remove_all_removes_the_temporary_files_still_tracked(tmp_path: Path) -> None:
    kept, gone = tmp_path / "kept", tmp_path / ".image.yaml.x.jdcloud-preflight"
    kept.write_text("x")
    gone.write_text("x")
    temporaries.created(str(gone))
    temporaries.created(str(tmp_path / "already-gone"))
    temporaries.remove_all()
    assert not gone.exists()
    assert kept.exists()
    assert not temporaries.forget(str(gone))


def test_an_action_waits_for_the_guarded_section_to_end() -> None:
    done: list[str] = []
    with temporaries.guarded():
        with temporaries.guarded():
            temporaries.when_safe(lambda: done.append("ended"))
        assert done == []  # still inside the outer section
        done.append("renamed")
    assert done == ["renamed", "ended"]
    temporaries.when_safe(lambda: done.append("now"))
    assert done == ["renamed", "ended", "now"]
