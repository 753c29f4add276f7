"""`jdcloud-preflight check`: settings and context from the configuration and the options, the files to
check, checking them (in parallel when there are many), fixing with --fix or --diff, the report and the
exit code."""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TypeAlias

import attrs

from validator import __version__
from validator.cli import per_file
from validator.cli.arguments import environment_lang
from validator.cli.exits import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from validator.cli.parallel import run_all
from validator.cli.report_file import fail, sink, summary_to_stderr
from validator.config import config, discovery, selection
from validator.output import FileResult
from validator.output.console import say, write, write_bytes
from validator.output.formats import Run, render
from validator.output.paths import report_path
from validator.output.text import fix_summary, fixes_list
from validator.settings import Settings
from validator.workspace.file_check import Outcome, Skipped, check_data, check_path
from validator.workspace.files import DEFAULT_MAX_BYTES, MAX_MAX_BYTES, Unreadable, read_stream
from validator.workspace.gather import gather

if TYPE_CHECKING:
    from validator.instance.context import Context
    from validator.rules.base import Rule
    from validator.workspace.fix_files import Fixed, Unwritable


def _colour(choice: str = "auto") -> bool:
    """--color: always, never, or (auto) on a terminal, where NO_COLOR turns it off and FORCE_COLOR on
    (NO_COLOR wins when both are set)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty())


class UsageError(Exception):
    """A command line that cannot be run as given; the message says why in one line."""


def _settings(args: argparse.Namespace) -> tuple[Settings, discovery.Resolver]:
    """The run's settings and the resolver of each file's: the configuration files' settings, with the
    command line's options on top."""
    resolver = discovery.Resolver(per_file.overrides(args), args.config)
    return resolver.for_run(args.paths), resolver


def check_file(
    path: str, settings: Settings, context: Context | None = None, named: frozenset[str] = frozenset()
) -> Outcome:
    """A file met by a folder walk is checked only when it is a request; a file in `named` always is."""
    return check_path(path, settings, context, recognising=path not in named)


# A file's outcome in a --fix or --diff run, besides a check's.
AnyOutcome: TypeAlias = "Outcome | Fixed | Unwritable"


def _stdin(args: argparse.Namespace, settings: Settings, context: Context | None) -> AnyOutcome:
    """The request on standard input, named by --stdin-filename (which also picks its reader). With --fix
    the fixed text goes to standard output (with --diff, the diff does); what cannot be fixed, whatever its
    size, passes through as it came (see docs/fixing.md#standard-input)."""
    name = args.stdin_filename or discovery.STDIN
    limit = settings.max_bytes or DEFAULT_MAX_BYTES
    passing = args.fix and not args.diff
    try:
        content = read_stream(sys.stdin.buffer, name, limit, overflow=write_bytes if passing else None)
    except (OSError, ValueError, AttributeError) as exc:
        return Unreadable(name, f"cannot read standard input: {exc}")
    if not (args.fix or args.diff):
        return check_data(content, name, settings, context, recognising=args.only_requests)
    from validator.workspace.fix_files import fix_data

    outcome, fixed = fix_data(content, name, settings, context, unsafe=args.unsafe_fixes)
    if passing and isinstance(content, bytes):  # a TooLarge input has already passed through
        write_bytes(content if fixed is None else fixed)
    return outcome


def _usage_problem(args: argparse.Namespace) -> str | None:
    """What makes the options unusable before anything is read, in one line."""
    if args.max_bytes is not None and args.max_bytes < 1:
        return "--max-bytes must be a positive number of bytes"
    if args.max_bytes is not None and args.max_bytes > MAX_MAX_BYTES:
        return f"--max-bytes must be at most {MAX_MAX_BYTES} bytes (1 GiB)"
    if args.jobs is not None and args.jobs < 1:
        return "--jobs must be at least 1"
    if args.write_baseline is not None and (args.fix or args.diff):
        return "--write-baseline records findings as they are: it cannot be combined with --fix or --diff"
    if args.write_baseline is not None and args.output_file is not None:
        return "--write-baseline writes the baseline, not a report: it cannot be combined with -o/--output-file"
    if args.statistics and args.format not in ("text", "json"):
        return f"--statistics is written as text or json, not {args.format}"
    try:
        os.getcwd()
    except OSError as exc:
        return f"the working folder is gone (deleted while in use?): {exc.strerror or exc}"
    return None


def _configured(args: argparse.Namespace) -> tuple[Settings, Context | None, discovery.Resolver] | str:
    """The run's settings, instance context and per-file settings, or the one-line reason they cannot be
    had."""
    try:
        settings, resolver = _settings(args)
    except (UsageError, selection.SelectionError) as exc:
        return str(exc)
    except config.ConfigError as exc:
        return f"bad configuration: {exc}"
    if not any(getattr(args, name, None) for name in ("instance", "snapshots", "quotas", "snapshot_quota")):
        return settings, None, resolver
    from validator.workspace.context_files import ContextFileError, load_context  # only runs against an instance

    files = {name: getattr(args, name, None) for name in ("instance", "snapshots", "quotas", "snapshot_quota")}
    try:
        return settings, load_context(**files, max_bytes=settings.max_bytes or DEFAULT_MAX_BYTES), resolver
    except ContextFileError as exc:
        return str(exc)


def _checker(
    args: argparse.Namespace, settings: Mapping[str, Settings], context: Context | None, named: frozenset[str]
) -> Callable[[str], AnyOutcome]:
    """What is done with each file, with its own settings: checked, or with --fix or --diff fixed (written
    back only with --fix)."""
    if not (args.fix or args.diff):
        check: Callable[..., AnyOutcome] = functools.partial(check_file, context=context, named=named)
        return per_file.PerFile(check, settings)
    from validator.workspace.fix_files import fix_file

    fix: Callable[..., AnyOutcome] = functools.partial(
        fix_file, context=context, named=named, unsafe=args.unsafe_fixes, write=not args.diff
    )
    return per_file.PerFile(fix, settings)


@attrs.define
class _Outcomes:
    """Every file's outcome, sorted by kind, in the order the files were given."""

    results: list[FileResult] = attrs.Factory(list)
    unreadable: list[Unreadable] = attrs.Factory(list)
    skipped: list[Skipped] = attrs.Factory(list)
    unwritable: list[Unwritable] = attrs.Factory(list)
    fixed: int = 0
    diffs: list[str] = attrs.Factory(list)
    applied: list[FileResult] = attrs.Factory(list)  # per file, the findings whose fixes were applied
    settings_of: dict[str, Settings] = attrs.Factory(dict)  # each checked file's own settings

    def add(self, path: str, outcome: AnyOutcome) -> None:
        if isinstance(outcome, Unreadable):
            self.unreadable.append(outcome)
        elif isinstance(outcome, Skipped):
            self.skipped.append(outcome)
        elif isinstance(outcome, tuple):
            self.results.append(FileResult(path, outcome))
        else:
            from validator.workspace.fix_files import Fixed  # only a --fix or --diff run gets here

            if isinstance(outcome, Fixed):
                self.results.append(FileResult(path, outcome.findings))
                self.fixed += outcome.fixed
                self.diffs.append(outcome.diff)
                if outcome.applied:
                    self.applied.append(FileResult(path, outcome.applied))
            else:  # left as it was: still in the report, with the findings it still holds
                self.results.append(FileResult(path, outcome.findings))
                self.unwritable.append(outcome)

    def failures(self) -> list[str]:
        return [f"cannot read {failed.path}: {failed.reason}" for failed in self.unreadable] + [
            f"cannot write the fixed {failed.path}: {failed.reason}; it is left as it was" for failed in self.unwritable
        ]


def _check_everything(
    args: argparse.Namespace, settings: Settings, context: Context | None, resolver: discovery.Resolver
) -> _Outcomes | str:
    """Every file's outcome, each checked with its own settings, or the one-line reason there is nothing
    to check (a configuration met on the way that cannot be used is one)."""
    paths = [path for path in args.paths if path != discovery.STDIN]
    try:
        gathered = gather(
            paths,
            settings,
            only_requests=args.only_requests,
            settings_for=resolver.for_path,
            force_exclude=args.force_exclude,
        )
        own = resolver.for_files(gathered.files)
        stdin_settings = resolver.for_path(args.stdin_filename) if args.stdin_filename else settings
    except config.ConfigError as exc:
        return f"bad configuration: {exc}"
    for special in gathered.special:
        say(f"jdcloud-preflight: skipped {special.path}: {special.reason}")
    if not gathered.items and discovery.STDIN not in args.paths:
        if gathered.excluded:  # every named file is excluded: nothing of this run's business
            say(f"jdcloud-preflight: every named file is excluded (--force-exclude): {len(gathered.excluded)} left out")
            return _Outcomes()
        # A gate pointed at the wrong folder must not pass.
        return f"nothing to check: no request file (.json, .yaml, .yml) in {' '.join(args.paths)}"
    files = gathered.files
    checker = _checker(args, own, context, gathered.named)
    outcomes = dict(zip(files, run_all(checker, files, args.jobs or os.cpu_count() or 1), strict=True))
    sorted_ = _Outcomes(settings_of=own)
    for item in gathered.items:
        if isinstance(item, Unreadable):
            sorted_.add(item.path, item)
        else:
            sorted_.add(item, outcomes[item])
    if discovery.STDIN in args.paths:
        name = args.stdin_filename or discovery.STDIN
        sorted_.settings_of[name] = stdin_settings
        sorted_.add(name, _stdin(args, stdin_settings, context))
    return sorted_


def run_check(args: argparse.Namespace) -> int:
    args.fix = args.fix or args.fix_only  # --fix-only is --fix with nothing reported but the count
    problem = _usage_problem(args)
    configured = _configured(args) if problem is None else problem
    if isinstance(configured, str):
        return fail(args, [configured])
    settings, context, resolver = configured
    outcomes = _check_everything(args, settings, context, resolver)
    if isinstance(outcomes, str):
        return fail(args, [outcomes])
    if args.write_baseline is not None or any(s.baseline for s in (settings, *outcomes.settings_of.values())):
        from validator.cli import baseline_run

        code = baseline_run.run(args, outcomes.results, outcomes.failures(), outcomes.settings_of, settings)
        if code is not None:
            return code
    return _report(args, outcomes, settings, context)


def _ran(
    settings: Settings, context: Context | None, settings_of: Mapping[str, Settings]
) -> Callable[[FileResult], tuple[Rule, ...]]:
    """The rules that ran for a file, under its own settings: the JUnit report's testcases."""

    def ran(result: FileResult) -> tuple[Rule, ...]:
        from validator.rules.rules_run import rules_that_run  # only the JUnit report asks

        own = settings_of.get(result.path, settings)
        return rules_that_run(own, context, result.path, read=not any(f.rule == "C01" for f in result.findings))

    return ran


def render_report(
    fmt: str,
    results: list[FileResult],
    lang: str,
    settings: Settings,
    context: Context | None = None,
    settings_of: Mapping[str, Settings] | None = None,
    **options: object,
) -> str:
    """The report of checked files in format `fmt`, as the command line prints it (each file's rules as its
    own settings in `settings_of` select them)."""
    options.setdefault("root", os.getcwd())  # paths relative to the working folder (docs/reports.md#paths)
    ran = _ran(settings, context, settings_of or {})
    run = Run(results, lang, __version__, settings.fail_on, ran, **options)  # type: ignore[arg-type]
    return render(fmt, run)


def _report(args: argparse.Namespace, outcomes: _Outcomes, settings: Settings, context: Context | None) -> int:
    lang = settings.lang or environment_lang()
    outcomes.results = per_file.in_own_language(outcomes.results, outcomes.settings_of, lang, environment_lang())
    results, unreadable, skipped = outcomes.results, outcomes.unreadable, outcomes.skipped
    failures = outcomes.failures()
    root = os.getcwd()  # paths as the reports write them (docs/reports.md#paths)
    listed = [f"{report_path(i.path, root)}: skipped: {i.why.describe()}" for i in skipped] if args.verbose else []
    if skipped and not results and not unreadable and not args.only_requests:
        # Files were found but none is a request: a gate pointed at the wrong folder must not pass either.
        code = fail(
            args,
            [
                f"nothing to check: {len(skipped)} file{'s' if len(skipped) != 1 else ''} found, "
                "none of them a createImage request (--verbose says why each was skipped)"
            ],
        )
        for line in listed:
            say(line)
        return code
    if args.diff:
        return _report_diff(args, outcomes, lang, failures)
    if unreadable and not results and args.format == "text":
        # Nothing was checked: for a person the one-line reasons are the whole answer ("0 files checked" after
        # them reads as a pass); the machine formats still give their (empty) report.
        return fail(args, [f"cannot read {failed.path}: {failed.reason}" for failed in unreadable])
    # With standard input fixed to standard output, the report goes beside it.
    report = _to_stderr if args.fix and discovery.STDIN in args.paths and not args.output_file else sink(args)
    text = args.format == "text"
    if args.fix_only:
        _fix_line(args, outcomes, lang)
    elif args.statistics:
        from validator.output import statistics

        report(statistics.render(results, args.format, args.unsafe_fixes))
        summary_to_stderr(args, results)
    else:
        options = {
            "skipped": len(skipped),
            "listed": listed,
            "quiet": args.quiet,
            "colour": _colour(args.color) and (report is write or args.color == "always"),
        }
        options.update(fixed=outcomes.fixed if args.fix else None, unsafe=args.unsafe_fixes)
        machine: dict[str, object] = {"errors": failures}
        shown = options if text else {}
        report(render_report(args.format, results, lang, settings, context, outcomes.settings_of, **shown, **machine))
        summary_to_stderr(args, results)
        for line in [] if text else listed:  # the report itself stays the machine's; the list goes beside it
            say(line)
    if args.show_fixes:
        _human(args)(fixes_list(_reported(outcomes.applied), lang))
    for failure in failures:
        say(f"jdcloud-preflight: {failure}")
    if failures:
        return EXIT_USAGE
    if args.exit_non_zero_on_fix and outcomes.fixed:
        return EXIT_FINDINGS
    failing = any(
        finding.severity >= outcomes.settings_of.get(result.path, settings).fail_on
        for result in results
        for finding in result.findings
    )
    return EXIT_FINDINGS if failing and not args.fix_only and not args.exit_zero else EXIT_OK


def _reported(results: list[FileResult]) -> list[FileResult]:
    root = os.getcwd()
    return [FileResult(report_path(result.path, root), result.findings) for result in results]


def _human(args: argparse.Namespace) -> Callable[[str], None]:
    """Where the lines for a person go beside the report (--show-fixes, --fix-only's count): standard output
    in a text run, standard error when it carries a machine format, a diff or the fixed standard input."""
    if (
        args.format == "text"
        and not args.diff
        and not args.output_file
        and not (args.fix and discovery.STDIN in args.paths)
    ):
        return write
    return _to_stderr


def _fix_line(args: argparse.Namespace, outcomes: _Outcomes, lang: str) -> None:
    """--fix-only reports nothing but how many findings were fixed (and how many more --unsafe-fixes would)."""
    line = fix_summary(outcomes.results, lang, outcomes.fixed, args.unsafe_fixes)
    if line is not None and not args.quiet:
        _human(args)(line + "\n")


def _to_stderr(text: str) -> None:
    """A whole report to standard error (when standard output carries the fixed request)."""
    stream = sys.stderr
    if stream is not None:
        try:
            stream.write(text)
            stream.flush()
        except (OSError, ValueError):
            pass  # nowhere left to say it


def _report_diff(args: argparse.Namespace, outcomes: _Outcomes, lang: str, failures: list[str]) -> int:
    """--diff: the changes on standard output, a count (and with --show-fixes, the list) on standard error;
    exit 1 when there is something to change."""
    sink(args)("".join(outcomes.diffs))
    if args.show_fixes:
        _to_stderr(fixes_list(_reported(outcomes.applied), lang, would=True))
    for failure in failures:
        say(f"jdcloud-preflight: {failure}")
    if failures:
        return EXIT_USAGE
    if outcomes.fixed:
        say(f"jdcloud-preflight: would fix {outcomes.fixed} finding(s)")
        return EXIT_OK if args.exit_zero else EXIT_FINDINGS
    return EXIT_OK
