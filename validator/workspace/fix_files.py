"""`check --fix` and `--diff` on files: fix each file's text, then write it back atomically or show the
change as a unified diff. Besides the command line, the only module that writes files."""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import stat
import tempfile
from typing import TYPE_CHECKING

import attrs

from validator.core.finding import Finding
from validator.fixes.apply import fix_text
from validator.readers import decode
from validator.settings import Settings
from validator.workspace import temporaries
from validator.workspace.file_check import Skipped, check_data
from validator.workspace.files import DEFAULT_MAX_BYTES, TooLarge, Unreadable, read

if TYPE_CHECKING:
    from validator.instance.context import Context

_UTF8_BOM = b"\xef\xbb\xbf"
_NEWLINE = re.compile(b"(?<=\n)")
# What makes git quote a path in a diff header with core.quotePath at its default (true): a control
# character, a quote, a backslash, and any byte above 0x7f (non-ASCII, or not UTF-8); its short escapes.
_NEEDS_QUOTES = re.compile('["\\\\\x00-\x1f\x7f-\U0010ffff]')
_C_ESCAPES = {
    ord('"'): '\\"',
    ord("\\"): "\\\\",
    7: "\\a",
    8: "\\b",
    9: "\\t",
    10: "\\n",
    11: "\\v",
    12: "\\f",
    13: "\\r",
}


@attrs.frozen
class Unwritable:
    """A file whose fixed text could not be written back, with a one-line reason and the findings of the
    file as it still is (the report keeps them: the file is left as it was)."""

    path: str
    reason: str
    findings: tuple[Finding, ...] = ()


@attrs.frozen
class Fixed:
    """One file after fixing: what remains, how many findings were fixed, the change as a diff, the
    findings whose fixes were applied (--show-fixes lists them) and the findings of the file as it was."""

    findings: tuple[Finding, ...]
    fixed: int = 0
    diff: str = ""
    applied: tuple[Finding, ...] = ()
    original: tuple[Finding, ...] = ()


def _lines(data: bytes) -> list[str]:
    """The lines `patch` and `git apply` see: split after each newline byte only (a raw U+2028, form feed
    or lone carriage return stays inside its line), the byte-order mark kept on the first."""
    return [line.decode("utf-8", "surrogateescape") for line in _NEWLINE.split(data) if line]


def diff_name(path: str, side: str) -> str:
    """A path as `git diff` writes it (see docs/fixing.md#diff): under a/ or b/, an absolute path without its
    leading slash (`patch -p1` run from the root applies it); in C-style quotes with octal escapes when it
    holds a control character, a quote, a backslash or a non-ASCII character (bytes that are not UTF-8
    too); a tab after a name holding a space, so that GNU patch reads the whole name."""
    name = f"{side}/{os.path.normpath(path).replace(os.sep, '/').lstrip('/')}"
    if _NEEDS_QUOTES.search(name):
        raw = name.encode("utf-8", "surrogateescape")
        name = '"' + "".join(_C_ESCAPES.get(byte) or _c_char(byte) for byte in raw) + '"'
    return name + "\t" if " " in name else name


def _c_char(byte: int) -> str:
    return chr(byte) if 0x20 <= byte < 0x7F else f"\\{byte:03o}"


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    """The change from `before` to `after` (a file's bytes as read and as --fix writes them) as a patch."""
    lines = difflib.unified_diff(_lines(before), _lines(after), diff_name(path, "a"), diff_name(path, "b"))
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


class _Refused(Exception):
    """A file that is left as it was for a reason of its own (read-only, hard-linked, an owner that
    cannot be kept): the message says why."""


def _writable(target: str, status: os.stat_result) -> None:
    """Refuse what --fix must not replace (see docs/fixing.md#files): a read-only file (no write permission
    for anyone, or none for us; root may write anything, but a 0444 file says it is not to be changed), and
    a file with other hard links, which a rename would split from its other names."""
    if not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise _Refused("it is read-only")
    if status.st_nlink > 1:
        raise _Refused(f"it has {status.st_nlink} hard links, which a rewrite would split")


def write_atomically(path: str, data: bytes, expected: bytes | None = None) -> None:
    """Replace the file's content in one step: a temporary file in the same folder, then a rename over the
    original, with the original's mode, owner and group. A symbolic link is followed, not replaced. A crash
    or a kill before the rename leaves the original whole; a termination signal removes the temporary file
    (see docs/robustness.md#signals). With `expected`, a file that no longer holds those bytes (changed
    since it was read) is refused, left as it is."""
    target = os.path.realpath(path)
    status = os.stat(target)
    _writable(target, status)
    folder, name = os.path.split(target)
    temporary: str | None = None
    try:
        with temporaries.guarded():
            handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".jdcloud-preflight", dir=folder)
            temporaries.created(temporary)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            _keep_owner(stream.fileno(), status)
        os.chmod(temporary, stat.S_IMODE(status.st_mode))
        with temporaries.guarded():
            if expected is not None:
                _unchanged(target, expected)
            os.replace(temporary, target)
            temporaries.forget(temporary)
    except BaseException:
        if temporary is not None and temporaries.forget(temporary):
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise


def _unchanged(target: str, expected: bytes) -> None:
    """Refuse to replace a file whose bytes are no longer those that were read and fixed (a lost update:
    someone saved it while the run was going)."""
    try:
        with open(target, "rb") as stream:
            now = stream.read(len(expected) + 1)
    except OSError as exc:
        raise _Refused(f"it could not be read again before writing: {exc.strerror or exc}") from None
    if now != expected:
        raise _Refused("it changed while it was being fixed")


def _keep_owner(fd: int, status: os.stat_result) -> None:
    """Give the temporary file the original's owner and group; when that is not allowed (not root, not a
    member of the group), refuse rather than hand the file to someone else."""
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) == (status.st_uid, status.st_gid):
        return
    try:
        os.fchown(fd, status.st_uid, status.st_gid)
    except OSError:
        raise _Refused("its owner and group could not be kept") from None


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
        return Fixed(checked, original=checked), None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] == b"\x00\x00\xfe\xff":
        return Fixed(checked, original=checked), None  # UTF-16 and UTF-32 files are reported, never rewritten
    content = decode(data)
    assert isinstance(content, str)  # check_data found fixable findings, so the text was read
    result = fix_text(content, path, settings, context, unsafe=unsafe, findings=checked)
    if not result.changed:
        return Fixed(result.findings, original=checked), None
    bom = _UTF8_BOM if data.startswith(_UTF8_BOM) else b""
    after = bom + result.text.encode("utf-8")
    fixed = Fixed(result.findings, len(result.fixed), unified_diff(path, data, after), result.fixed, checked)
    return fixed, after


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
        assert isinstance(outcome, Fixed)  # only a request's text is fixed
        assert isinstance(data, bytes)  # so it was read whole
        try:
            write_atomically(path, fixed, expected=data)
        except _Refused as exc:
            return Unwritable(path, str(exc), outcome.original)
        except OSError as exc:
            return Unwritable(path, exc.strerror or str(exc), outcome.original)
    return outcome
