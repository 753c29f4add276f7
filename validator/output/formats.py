"""The report formats behind one registry, with one signature: each format's module has
`render(run: Run) -> str`. A run pays only for the format it prints with (modules are imported on use), and
findings reach every format with their messages in the run's language."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs

from validator.core.finding import Severity, in_language
from validator.output import FileResult
from validator.output.paths import report_path

if TYPE_CHECKING:
    from validator.rules.base import Rule

# Format name to the module that writes it, in the order `--format` lists them.
_MODULES = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "gitlab": "gitlab",
}
FORMATS = tuple(_MODULES)


@attrs.frozen
class Run:
    """What a report is made of: the checked files and how the run was asked to report them.

    `ran` gives the rules that ran for a file (the JUnit testcases; every rule when None); `skipped`
    counts the files a walk skipped as not requests and `listed` says why for each (--verbose); `quiet`
    leaves only the findings; `fixed` is the number of findings a --fix run fixed (None in a plain
    check); `unsafe` says whether unsafe fixes count as applicable.
    """

    results: Sequence[FileResult]
    lang: str = "en"
    tool_version: str = ""
    fail_on: Severity = Severity.WARNING
    ran: Callable[[FileResult], tuple[Rule, ...]] | None = None
    skipped: int = 0
    listed: Sequence[str] = ()
    quiet: bool = False
    colour: bool = False
    fixed: int | None = None
    unsafe: bool = False
    root: str | None = None
    errors: Sequence[str] = ()  # the one-line reasons the run exits 2 (files that could not be read or written)


def render(fmt: str, run: Run) -> str:
    """The report of `run` in format `fmt` (one of FORMATS)."""
    module = importlib.import_module(f"validator.output.{_MODULES[fmt]}")
    results = [
        FileResult(report_path(result.path, run.root), in_language(result.findings, run.lang)) for result in run.results
    ]
    formatter: Callable[[Run], str] = module.render
    return formatter(attrs.evolve(run, results=results))
