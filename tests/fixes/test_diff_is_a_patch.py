"""`check --diff` is a patch: applied with the real `patch -p1` and `git apply`, it gives exactly the bytes
`check --fix` writes, whatever the file holds (a BOM, Unicode line separators, CRLF, no final newline) and
whatever its name (spaces, quotes, an absolute path)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fixes.test_fix_properties import with_yaml_machinery, written
from tests.helpers import MIXED
from validator.cli.main import main
from validator.settings import Settings
from validator.workspace.fix_files import Fixed, diff_name, fix_data, unified_diff

pytestmark = pytest.mark.skipif(not (shutil.which("patch") and shutil.which("git")), reason="needs patch and git")


TOOLS = {
    "patch": ["patch", "-p1", "--batch", "--forward", "--quiet"],
    "git apply": ["git", "apply", "--whitespace=nowarn", "--unsafe-paths"],
}


def _place(root: Path, name: str, content: bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def _run(root: Path, argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.chdir(root)
    main(argv)
    return capsys.readouterr().out


def _apply(tool: str, cwd: Path, diff: str) -> None:
    # Outside any repository, git apply patches the files under the working folder, as patch does.
    env = {**os.environ, "GIT_CEILING_DIRECTORIES": str(cwd.parent)}
    done = subprocess.run(TOOLS[tool], cwd=cwd, input=diff.encode("utf-8"), capture_output=True, env=env, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace") + done.stdout.decode(errors="replace")


def _check_patch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str, content: bytes
) -> str:
    """The diff of `content` under `name`, applied by both tools to the original, gives what --fix writes."""
    _place(tmp_path / "diffed", name, content)
    diff = _run(tmp_path / "diffed", ["check", "--diff", name], monkeypatch, capsys)
    assert diff.startswith("--- ")
    fixed_root = tmp_path / "fixed"
    _place(fixed_root, name, content)
    _run(fixed_root, ["check", "--fix", name], monkeypatch, capsys)
    fixed = (fixed_root / name).read_bytes()
    assert fixed != content
    for tool in TOOLS:
        root = tmp_path / tool.replace(" ", "-")
        _place(root, name, content)
        _apply(tool, root, diff)
        assert (root / name).read_bytes() == fixed, tool
    return diff


CONTENTS = {
    "bom-on-a-changed-first-line": b'\xef\xbb\xbf{"Name": "web",\n "description": "x"}\n',
    "unicode-line-separators-in-strings": (
        '{"description": "a\u2028b\u2029c\u0085d",\n "Name": "w\u2028e",\r "regionId": "cn-north-1"}\n'
    ).encode(),
    "crlf": b'{\r\n  "Name": "web",\r\n  "description": "x"\r\n}\r\n',
    "no-final-newline-json": b'{"Name": "web"}',
    "no-final-newline-yaml": b"name: web\nDescription: weekly",
    "yaml-block": MIXED.encode(),
    "yaml-crlf-and-bom": b"\xef\xbb\xbf" + MIXED.replace("\n", "\r\n").encode(),
}


@pytest.mark.parametrize("case", sorted(CONTENTS))
def test_diff_applies_with_patch_and_git_apply_and_gives_the_fix(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    suffix = ".yaml" if case.startswith("yaml") or "yaml" in case else ".json"
    _check_patch(tmp_path, monkeypatch, capsys, f"image{suffix}", CONTENTS[case])


def test_a_bom_is_on_the_first_line_of_the_diff(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    diff = _check_patch(tmp_path, monkeypatch, capsys, "image.json", CONTENTS["bom-on-a-changed-first-line"])
    assert '\n-\ufeff{"Name": "web",\n+\ufeff{"name": "web",\n' in diff


def test_lines_are_split_only_at_newlines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    diff = _check_patch(tmp_path, monkeypatch, capsys, "image.json", CONTENTS["unicode-line-separators-in-strings"])
    assert '\n- "Name": "w\u2028e",\r "regionId": "cn-north-1"}\n' in diff
    assert "\\ No newline" not in diff


@pytest.mark.parametrize(
    "name", ["my images/web image.yaml", "镜像/web.yaml", 'quoted "name".yaml', "back\\slash.yaml", "tab\tname.yaml"]
)
def test_file_names_that_patch_and_git_read_whole(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _check_patch(tmp_path, monkeypatch, capsys, name, MIXED.encode())


def test_a_name_with_a_space_is_followed_by_a_tab_as_diff_u_writes_it() -> None:
    assert diff_name("my images/web image.yaml", "a") == "a/my images/web image.yaml\t"
    assert diff_name("images/web.yaml", "b") == "b/images/web.yaml"  # no tab without a space
    assert diff_name("./images/../web.yaml", "a") == "a/web.yaml"
    assert diff_name('q"t\\.yaml', "a") == '"a/q\\"t\\\\.yaml"'
    assert diff_name("t\tn\x01.yaml", "a") == '"a/t\\tn\\001.yaml"'
    assert diff_name("caf\udce9.yaml", "a") == '"a/caf\\351.yaml"'  # a byte that is not UTF-8, as git writes it


def test_an_absolute_path_is_written_as_git_diff_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`git diff --no-index /x/image.yaml ...` writes `a/x/image.yaml`: applied from the root, with either
    tool, the diff of an absolute path fixes the file itself."""
    for tool in TOOLS:
        path = _place(tmp_path / tool.replace(" ", "-"), "image.yaml", MIXED.encode())
        diff = _run(tmp_path, ["check", "--diff", str(path)], monkeypatch, capsys)
        relative = str(path).lstrip("/")
        assert diff.startswith(f"--- a/{relative}\n+++ b/{relative}\n")
        _apply(tool, Path("/"), diff)
        fixed = _place(tmp_path / "fixed", "image.yaml", MIXED.encode())
        _run(tmp_path, ["check", "--fix", str(fixed)], monkeypatch, capsys)
        assert path.read_bytes() == fixed.read_bytes()


@pytest.mark.parametrize("separator", ["\x0b", "\x0c", "\r", "\u2028", "\u2029", "\u0085"])
def test_unified_diff_keeps_every_separator_inside_its_line(separator: str, tmp_path: Path) -> None:
    """Vertical tab and form feed cannot be in a request that parses, so the diff itself is applied here."""
    before = f"# a{separator}b\nkey: one{separator}two\nlast: x\n".encode()
    after = f"# a{separator}b\nkey: ONE{separator}two\nlast: x\n".encode()
    diff = unified_diff("notes.txt", before, after)
    assert diff.count("\n-") == 1
    for tool in TOOLS:
        root = tmp_path / tool.replace(" ", "-")
        _place(root, "notes.txt", before)
        _apply(tool, root, diff)
        assert (root / "notes.txt").read_bytes() == after


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(written() | with_yaml_machinery(), st.booleans(), st.booleans(), st.booleans(), st.booleans())
def test_any_generated_diff_applied_with_patch_gives_the_fix(
    case: tuple[str, str], crlf: bool, bom: bool, final_newline: bool, unsafe: bool
) -> None:
    """For generated requests (JSON, YAML block and flow style, comments, anchors, merges, repeated keys),
    with CRLF, a BOM, and with or without a final newline: the --diff of a file, applied with the real patch, gives the bytes --fix writes."""
    filename, text = case
    text = text if final_newline else text.rstrip("\n")
    text = text.replace("\n", "\r\n") if crlf else text
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    name = "request" + Path(filename).suffix
    outcome, fixed = fix_data(data, name, Settings(), unsafe=unsafe)
    assert isinstance(outcome, Fixed)
    if fixed is None:
        assert outcome.diff == ""
        return
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "work"
        root.mkdir()
        (root / name).write_bytes(data)
        _apply("patch", root, outcome.diff)
        assert (root / name).read_bytes() == fixed
