"""`check --fix` and `--diff` on files: fix each file's text, then write it back atomically or show the
change as a unified diff. Besides the command line, the only module that writes files."""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from typing import TYPE_CHECKING

import attrs

from validator.core.finding import Finding
from validator.fixes.apply import fix_text
from validator.readers import decode
from validator.settings import Settings
from validator.workspace.file_check import Skipped, check_data
from validator.workspace.files import DEFAULT_MAX_BYTES, TooLarge, Unreadable, read

if TYPE_CHECKING:
    from validator.instance.context import Context

_UTF8_BOM = b"\xef\xbb\xbf"


@attrs.frozen
class Unwritable:
    """A file whose fixed text could not be written back, with a one-line reason."""

    path: str
    reason: str


@attrs.frozen
class Fixed:
    """One file after fixing: what remains, how many findings were fixed, and the change as a diff."""

    findings: tuple[Finding, ...]
    fixed: int = 0
    diff: str = ""


def unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def write_atomically(path: str, data: bytes) -> None:
    """Replace the file's content in one step: a temporary file in the same folder, then a rename over
    the original, with the original's permissions. A symbolic link is followed, not replaced."""
    target = os.path.realpath(path)
    mode = stat.S_IMODE(os.stat(target).st_mode)
    folder, name = os.path.split(target)
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".jdcloud-preflight", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def fix_data(
    data: bytes | TooLarge,
    path: str,
    settings: Settings,
    context: Context | None = None,
    *,
    unsafe: bool = False,
    recognising: bool = False,
) -> tuple[Fixed | Skipped, bytes | None]:
    """Fix a file's bytes: what remains, and the fixed bytes (None when nothing changed). A file that is
    not a request, not UTF-8, or not readable is checked and left as it is."""
    checked = check_data(data, path, settings, context, recognising)
    if isinstance(checked, Skipped):
        return checked, None
    if isinstance(data, TooLarge) or not any(
        finding.fix is not None and (unsafe or finding.fix.safe) for finding in checked
    ):
        return Fixed(checked), None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] == b"\x00\x00\xfe\xff":
        return Fixed(checked), None  # UTF-16 and UTF-32 files are reported, never rewritten
    content = decode(data)
    assert isinstance(content, str)  # check_data found fixable findings, so the text was read
    result = fix_text(content, path, settings, context, unsafe=unsafe, findings=checked)
    if not result.changed:
        return Fixed(result.findings), None
    bom = _UTF8_BOM if data.startswith(_UTF8_BOM) else b""
    fixed = Fixed(result.findings, len(result.fixed), unified_diff(path, content, result.text))
    return fixed, bom + result.text.encode("utf-8")


def fix_file(
    path: str,
    settings: Settings,
    context: Context | None = None,
    named: frozenset[str] = frozenset(),
    *,
    unsafe: bool = False,
    write: bool = True,
) -> Fixed | Skipped | Unreadable | Unwritable:
    """Fix one file in place (or, with `write` false, only work out the diff). A file met by a folder walk
    is fixed only when it is a request; a file in `named` always is."""
    data = read(path, settings.max_bytes or DEFAULT_MAX_BYTES)
    if isinstance(data, Unreadable):
        return data
    outcome, fixed = fix_data(data, path, settings, context, unsafe=unsafe, recognising=path not in named)
    if write and fixed is not None:
        try:
            write_atomically(path, fixed)
        except OSError as exc:
            return Unwritable(path, exc.strerror or str(exc))
    return outcome
