"""`check --baseline FILE` and `check --write-baseline FILE` (docs/baseline.md): reading the baselines the
checked files' settings name and leaving out the findings they hold; recording a run's findings."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable, Mapping, MutableSequence, Sequence

from validator.cli.exits import EXIT_OK, EXIT_USAGE
from validator.cli.report_file import fail
from validator.core import baseline
from validator.core.finding import Finding
from validator.output import FileResult
from validator.output.console import say
from validator.settings import Settings
from validator.workspace.baseline_file import load


def leave_out(
    results: MutableSequence[FileResult], settings_of: Mapping[str, Settings], default: Settings
) -> list[str]:
    """Replace each result by its findings that its settings' baseline does not hold (in place); the
    baselines' unused entries for the files checked, one line each. Raises baseline.BaselineError."""
    matchers: dict[str, baseline.Matcher] = {}
    for number, result in enumerate(results):
        chosen = settings_of.get(result.path, default).baseline
        if chosen is None:
            continue
        key = os.path.abspath(chosen)
        if key not in matchers:
            matchers[key] = baseline.Matcher(load(chosen))
        results[number] = FileResult(result.path, matchers[key].new(result.path, result.findings))
    return [
        f"baseline {path}: unused entry: {entry.path} {entry.rule} {entry.pointer or '/'} ({entry.count} left)"
        for path, matcher in matchers.items()
        for entry in matcher.unused()
    ]


def text_of(results: Iterable[tuple[str, Sequence[Finding]]], path: str) -> str:
    """The baseline file of a run's findings, its paths relative to the file's folder."""
    return baseline.record(results, os.path.dirname(os.path.abspath(path))).to_text()


def write(results: Sequence[FileResult], path: str) -> str:
    """Record the findings of `results` in the baseline file `path`; the line that says so. Raises
    OSError when it cannot be written."""
    text = text_of(((result.path, result.findings) for result in results), path)
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)
    count = sum(1 for result in results for finding in result.findings if baseline.baselinable(finding))
    return f"recorded {count} finding(s) of {len(results)} file(s) in the baseline {path}"


def run(
    args: argparse.Namespace,
    results: list[FileResult],
    failures: list[str],
    settings_of: Mapping[str, Settings],
    default: Settings,
) -> int | None:
    """--write-baseline records the findings: its exit code (2 when a file could not be read or the
    baseline written). Otherwise the findings the baselines hold are left out of `results`, and None lets
    the report go on (an exit code only when a baseline cannot be used)."""
    if args.write_baseline is not None:
        for failure in failures:
            say(f"jdcloud-preflight: {failure}")
        try:
            say(f"jdcloud-preflight: {write(results, str(args.write_baseline))}")
        except OSError as exc:
            say(f"jdcloud-preflight: cannot write the baseline {args.write_baseline}: {exc.strerror or exc}")
            return EXIT_USAGE
        unreadable = [result.path for result in results if any(not baseline.baselinable(f) for f in result.findings)]
        for path in unreadable:  # its C01 finding is not recorded: a baseline never accepts an unreadable file
            say(f"jdcloud-preflight: {path}: cannot be read (C01), so nothing of it is in the baseline")
        return EXIT_USAGE if failures or unreadable else EXIT_OK
    try:
        unused = leave_out(results, settings_of, default)
    except baseline.BaselineError as exc:
        return fail(args, [str(exc)])  # with -o, the file still holds the failed run's report
    for line in unused if args.verbose else []:
        say(f"jdcloud-preflight: {line}")
    return None
