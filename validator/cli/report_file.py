"""Where the report goes: standard output, or the file `-o/--output-file` names (with a summary line on
standard error); and the report of a run that exits 2, so that a report file is always valid."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from validator import __version__
from validator.cli.exits import EXIT_USAGE
from validator.output import FileResult, summary
from validator.output.console import OutputError, say, write


class ReportFile:
    """The --output-file: replaced by the run's first write, appended to by the next ones."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.started = False

    def write(self, text: str) -> None:
        try:
            with open(self.path, "a" if self.started else "w", encoding="utf-8", errors="backslashreplace") as out:
                out.write(text)
        except OSError as exc:
            raise OutputError(f"{self.path}: {exc.strerror or exc}") from None
        self.started = True


def output_file(args: argparse.Namespace) -> ReportFile | None:
    path = getattr(args, "output_file", None)
    if path is None:
        return None
    sink = getattr(args, "_report_file", None)
    if sink is None:
        sink = ReportFile(path)
        args._report_file = sink
    assert isinstance(sink, ReportFile)
    return sink


def sink(args: argparse.Namespace) -> Callable[[str], None]:
    """Where the report is written: the output file, else standard output."""
    report_file = output_file(args)
    return write if report_file is None else report_file.write


def fail(args: argparse.Namespace, errors: Sequence[str], said: bool = False) -> int:
    """A run that cannot be done: each reason in one line on standard error (unless already `said`), the
    report of the failed run in the output file when there is one; exit 2."""
    if not said:
        for error in errors:
            say(f"jdcloud-preflight: {error}")
    report_file = output_file(args)
    if report_file is not None:
        from validator.output.error_report import render_error

        report_file.write(render_error(args.format, errors, __version__))
    return EXIT_USAGE


def summary_to_stderr(args: argparse.Namespace, results: Sequence[FileResult]) -> None:
    """With --output-file, the run's counts on standard error (the report itself is in the file)."""
    report_file = output_file(args)
    if report_file is None or args.quiet:
        return
    counts = summary(results)
    files = counts["files"]
    say(
        f"jdcloud-preflight: {files} file{'s' if files != 1 else ''} checked: {counts['error']} error(s), "
        f"{counts['warning']} warning(s), {counts['info']} info; report written to {report_file.path}"
    )
