"""The folder walk lists what os.walk lists, in its order, telling files apart by the listing's entry types;
the per-folder settings lookups give each file the settings a lookup of its own gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from validator.config import discovery
from validator.config.selection import Overrides
from validator.workspace.files import REQUEST_SUFFIXES, Special, Unreadable, collect
from validator.workspace.gather import gather


def _os_walk_listing(folder: str) -> list[str | tuple[str, str]]:
    """What the walk gives, worked out with os.walk and a stat of every file (the walk before scandir)."""
    listed: list[str | tuple[str, str]] = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            if name.lower().endswith(REQUEST_SUFFIXES):
                listed.append(path if os.path.isfile(path) else ("special", path))
    return listed


def _walked(paths: list[str]) -> list[str | tuple[str, str]]:
    out: list[str | tuple[str, str]] = []
    for item in collect(paths):
        if isinstance(item, Special):
            out.append(("special", item.path))
        else:
            assert not isinstance(item, Unreadable), item
            out.append(item)
    return out


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    top = tmp_path / "top"
    for relative in (
        "b.json",
        "A.YAML",
        "a.yml",
        "notes.txt",
        "z/inner.json",
        "z/deeper/most.yaml",
        "m/one.json",
        "m/two.json",
        "m/zz/three.yml",
        "a-folder.json/inside.json",  # a folder whose name looks like a request
        "Capital/x.json",
    ):
        path = top / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text('{"name": "web"}\n')
    (top / "link-to-file.json").symlink_to(top / "b.json")
    (top / "dangling.json").symlink_to(top / "missing.json")
    (top / "link-to-folder").symlink_to(top / "m", target_is_directory=True)
    (top / "loop").symlink_to(top, target_is_directory=True)
    os.mkfifo(top / "m" / "pipe.json")
    return top


def test_the_walk_lists_what_os_walk_lists_in_its_order(tree: Path) -> None:
    expected = _os_walk_listing(str(tree))
    assert _walked([str(tree)]) == expected
    # Files of a folder come before its sub-folders, each sorted; links to folders are not followed.
    names = [item if isinstance(item, str) else item[1] for item in expected]
    assert names.index(str(tree / "b.json")) < names.index(str(tree / "Capital" / "x.json"))
    assert not any("link-to-folder" in name or f"loop{os.sep}" in name for name in names)
    assert ("special", str(tree / "dangling.json")) in expected
    assert ("special", str(tree / "m" / "pipe.json")) in expected
    assert str(tree / "link-to-file.json") in expected


def test_the_walk_is_the_same_for_every_spelling_of_the_folder(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree.parent)
    for spelling in ("top", "top/", "./top", str(tree)):
        assert _walked([spelling]) == _os_walk_listing(spelling)


def test_a_listing_error_is_reported_as_unreadable(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.scandir
    broken = str(tree / "m")

    def scandir(path: str) -> object:
        if os.fspath(path) == broken:
            raise PermissionError(13, "Permission denied", broken)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(collect([str(tree)]))
    assert Unreadable(broken, "Permission denied") in items
    assert items[-1] == Unreadable(broken, "Permission denied")  # after everything that was walked
    assert str(tree / "z" / "inner.json") in items
    assert not any(isinstance(item, str) and item.startswith(broken + os.sep) for item in items)


def test_per_folder_settings_equal_each_files_own_lookup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "teamA").mkdir()
    (tmp_path / "teamB" / "sub").mkdir(parents=True)
    (tmp_path / "teamA" / ".jdcloud-preflight.toml").write_text('lang = "zh"\nexclude = ["skip-*.json"]\n')
    (tmp_path / "teamB" / ".jdcloud-preflight.toml").write_text('ignore = ["C48"]\n')
    for relative in ("teamA/a.json", "teamA/skip-me.json", "teamB/b.json", "teamB/sub/c.json", "top.json"):
        (tmp_path / relative).write_text('{"name": "web"}\n')
    monkeypatch.chdir(tmp_path)
    resolver = discovery.Resolver(Overrides())
    gathered = gather(["."], resolver.for_run(["."]), settings_for=resolver.for_path)
    assert sorted(gathered.files) == ["./teamA/a.json", "./teamB/b.json", "./teamB/sub/c.json", "./top.json"]
    own = resolver.for_files([*gathered.files, "teamA/a.json"])
    fresh = discovery.Resolver(Overrides())
    assert own == {path: fresh.for_path(path) for path in [*gathered.files, "teamA/a.json"]}
    assert own["./teamA/a.json"].lang == "zh"
    assert own["./teamB/sub/c.json"].lang != "zh"
