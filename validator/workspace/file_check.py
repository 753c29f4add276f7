"""One file, checked: read, decode, parse, and (for files met by a folder walk) recognised as a request
before any rule runs. Shared by the command line and the Python API; prints nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from validator.core.engine import check_document
from validator.core.finding import Finding
from validator.core.pipeline import check_text
from validator.readers import ParseFailure, decode, read_text
from validator.settings import Settings
from validator.workspace.files import DEFAULT_MAX_BYTES, TooLarge, Unreadable, read

if TYPE_CHECKING:
    from validator.instance.context import Context
    from validator.workspace.recognise import NotRequest


@attrs.frozen
class Skipped:
    """A file a folder walk met that is not a createImage request, and why."""

    path: str
    why: NotRequest


Outcome = tuple[Finding, ...] | Unreadable | Skipped


def check_data(
    data: bytes | TooLarge,
    path: str,
    settings: Settings,
    context: Context | None = None,
    recognising: bool = False,
) -> tuple[Finding, ...] | Skipped:
    """Findings for a file's bytes; with `recognising`, a Skipped for a file that is not a request."""
    if isinstance(data, TooLarge):
        failure = ParseFailure(
            f"the file is {data.size} bytes, above the limit of {data.limit} (--max-bytes)",
            zh=f"文件有 {data.size} 字节，超过上限 {data.limit}（--max-bytes）",
        )
        return check_document(failure, settings, path=path)
    content = decode(data)
    if isinstance(content, ParseFailure):
        return check_document(content, settings, path=path)
    document = read_text(content, path)
    if recognising:
        from validator.workspace.recognise import recognise, recognise_unparsed  # only files a folder walk met

        if isinstance(document, ParseFailure):
            verdict = recognise_unparsed(content, path)
        else:
            verdict = recognise(document.root, path)
        if verdict is not None:
            return Skipped(path, verdict)
    elif not isinstance(document, ParseFailure) and _maybe_context(document.root):
        misplaced = context_file_named(document.root)
        if misplaced is not None:
            return check_document(misplaced, settings, path=path)
    return check_text(content, document, path, settings, context)


def _maybe_context(root: object) -> bool:
    """Whether a named file could be a describe answer (a request has a name, which none of them has at its
    top level): only such files pay for recognising."""
    return isinstance(root, list) or (isinstance(root, dict) and "name" not in root)


def context_file_named(root: object) -> ParseFailure | None:
    """A describe answer named as a request to check: one C01 finding saying which option takes it, instead
    of the findings of a request with nothing in it."""
    from validator.workspace.recognise import recognise

    verdict = recognise(root)
    if verdict is None or verdict.hint is None or "--" not in verdict.hint:
        return None
    return ParseFailure(
        f"this file is {verdict.reason}, not a createImage request: {verdict.hint}",
        zh=f"此文件是 {verdict.reason}，不是 createImage 请求：{verdict.hint}",
    )


def check_path(
    path: str,
    settings: Settings,
    context: Context | None = None,
    recognising: bool = False,
) -> Outcome:
    """Findings for the file at `path` (Unreadable when it cannot be read)."""
    data = read(path, settings.max_bytes or DEFAULT_MAX_BYTES)
    if isinstance(data, Unreadable):
        return data
    return check_data(data, path, settings, context, recognising)
