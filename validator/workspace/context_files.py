"""The instance context files (the command line's --instance, --snapshots, --quotas, --snapshot-quota, the
language server's initializationOptions), read and checked for shape before any request is."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from validator import readers
from validator.workspace.files import DEFAULT_MAX_BYTES, TooLarge, Unreadable, read

if TYPE_CHECKING:
    from validator.instance.context import Context


class ContextFileError(Exception):
    """A context file that cannot be read or has the wrong shape."""


def _context_document(path: Path, what: str, max_bytes: int) -> object:
    data = read(str(path), max_bytes)
    if isinstance(data, Unreadable):
        raise ContextFileError(f"cannot read {what} file {path}: {data.reason}")
    if isinstance(data, TooLarge):
        raise ContextFileError(f"{what} file {path} is larger than {data.limit} bytes")
    document = readers.read(data, str(path))
    if isinstance(document, readers.ParseFailure):
        where = f"{path}:{document.line}:{document.column}"
        raise ContextFileError(f"cannot read {what} file {where}: {document.message}")
    return document.root


def _refuse_misplaced(root: object, path: Path, option: str, what: str) -> None:
    """A request, or another kind of describe answer, given to `option`: one line naming where it goes."""
    from validator.workspace.recognise import recognise

    verdict = recognise(root)
    # A request has a name, which no describe answer has at its top level (an instance has instanceName).
    if verdict is None and isinstance(root, dict) and any(str(key).casefold() == "name" for key in root):
        raise ContextFileError(
            f"{option} {path} is a createImage request, not a {what} answer: name it as a PATH to check it, and "
            f"give {option} the {what} answer"
        )
    if verdict is not None and verdict.hint is not None and "--" in verdict.hint and option not in verdict.hint:
        raise ContextFileError(f"{option} {path} is {verdict.reason}, not a {what} answer: {verdict.hint}")


def load_context(
    *,
    instance: Path | None = None,
    snapshots: Path | None = None,
    quotas: Path | None = None,
    snapshot_quota: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Context | None:
    """The instance context the named describe answers make, or None when none is named; raises
    ContextFileError. Its files are held to the same size limit as request files."""
    if instance is None and snapshots is None and quotas is None and snapshot_quota is None:
        return None
    from validator.instance.context import Context, ContextError  # only runs that check against an instance

    context: Context | None = None
    parts = (
        (instance, "--instance", "describeInstance", Context.from_describe_instance),
        (snapshots, "--snapshots", "describeSnapshots", Context.from_describe_snapshots),
        (quotas, "--quotas", "describeQuotas", Context.from_describe_quotas),
        (snapshot_quota, "--snapshot-quota", "describeQuota (snapshots)", Context.from_describe_snapshot_quota),
    )
    for path, option, what, build in parts:
        if path is None:
            continue
        root = _context_document(path, what, max_bytes)
        _refuse_misplaced(root, path, option, what)
        try:
            part = build(root)
        except ContextError as exc:
            raise ContextFileError(f"{what} file {path}: {exc}") from None
        context = part if context is None else context.merged(part)
    return context
