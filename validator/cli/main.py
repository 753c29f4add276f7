"""The `jdcloud-preflight` command: argument parsing, configuration, reading files, exit codes.
The only place that prints."""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

import attrs

from validator import __version__, readers
from validator.config import config, discovery
from validator.core.finding import Severity
from validator.output import FileResult
from validator.output.console import OutputError, say, write, write_bytes
from validator.rules import registry
from validator.rules.base import Rule
from validator.workspace import walk_filter
from validator.workspace.file_check import Outcome, Skipped, check_data, check_path
from validator.workspace.files import DEFAULT_MAX_BYTES, Special, TooLarge, Unreadable, collect, read

if TYPE_CHECKING:
    from validator.instance.context import Context
    from validator.workspace.fix_files import Fixed, Unwritable
from validator.settings import Settings

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
# What shells report for a run ended by SIGINT (128 + the signal's number).
EXIT_INTERRUPTED = 130
FORMATS = ("text", "json", "sarif", "junit", "github", "gitlab")


def _environment_lang() -> str:
    for variable in ("LC_ALL", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _prefixes(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _parser() -> argparse.ArgumentParser:
    # --debug is accepted before or after the command; SUPPRESS keeps a command's default from hiding
    # the top level's value.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="on an internal error, print the traceback as well as the one-line message",
    )
    parser = argparse.ArgumentParser(
        prog="jdcloud-preflight",
        description="Check JD Cloud createImage requests offline: what the API would reject or ignore.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"jdcloud-preflight {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check", help="check request files (JSON or YAML) and folders of them", parents=[common]
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="a request file, or a folder to walk")
    check.add_argument("--format", choices=FORMATS, default="text", help="report format (default: text)")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default=None,
        help="exit 1 when a finding of this severity or worse is reported (default: warning: the API would "
        "silently ignore or change what was written; info never fails by default)",
    )
    check.add_argument("--lang", choices=("en", "zh"), default=None, help="message language")
    check.add_argument("--config", type=Path, default=None, help="configuration file (default: found upwards)")
    check.add_argument("--select", type=_prefixes, default=None, help="comma-separated rule id prefixes to report")
    check.add_argument("--ignore", type=_prefixes, default=None, help="comma-separated rule id prefixes to skip")
    check.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="processes to check files in when there are many (default: all cores; 1 checks serially)",
    )
    check.add_argument(
        "--instance", type=Path, default=None, help="describeInstance answer (JSON or YAML) to check against"
    )
    check.add_argument("--snapshots", type=Path, default=None, help="describeSnapshots answer (JSON or YAML)")
    check.add_argument("--quotas", type=Path, default=None, help="describeQuotas answer (JSON or YAML)")
    check.add_argument(
        "--snapshot-quota", type=Path, default=None, help="the disk service's describeQuota answer for snapshots"
    )
    check.add_argument("--fix", action="store_true", help="apply the safe fixes to the files in place")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply the unsafe fixes too")
    check.add_argument(
        "--diff", action="store_true", help="print the changes --fix would make as a unified diff; change nothing"
    )
    check.add_argument(
        "--max-bytes",
        type=int,
        default=None,
        help=f"larger files are reported, not read (default: {DEFAULT_MAX_BYTES})",
    )

    _conventions(check)

    commands.add_parser("schema", help="print the request's JSON Schema, self-contained, for editors", parents=[common])

    rules = commands.add_parser("rules", help="list every rule", parents=[common])
    rules.add_argument("--lang", choices=("en", "zh"), default=None)

    explain = commands.add_parser("explain", help="describe one rule with a bad and a good example", parents=[common])
    explain.add_argument("rule", metavar="RULE", help="a rule id such as C31")
    explain.add_argument("--lang", choices=("en", "zh"), default=None)
    return parser


def _conventions(check: argparse.ArgumentParser) -> None:
    """The options users bring from other linters."""
    check.add_argument(
        "--stdin-filename",
        default=None,
        metavar="NAME",
        help="with the path -, the name of the request read from standard input (chooses JSON or YAML)",
    )
    check.add_argument(
        "--only-requests",
        action="store_true",
        help="check named files too only when they are createImage requests (the pre-commit hook uses this)",
    )
    check.add_argument("-q", "--quiet", action="store_true", help="print findings only: no summary")
    check.add_argument(
        "-v", "--verbose", action="store_true", help="list the files skipped as not being createImage requests"
    )


def _colour() -> bool:
    """Colour on a terminal; NO_COLOR turns it off and FORCE_COLOR on (NO_COLOR wins when both are set)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty())


class UsageError(Exception):
    """A command line that cannot be run as given; the message says why in one line."""


def _check_prefixes(args: argparse.Namespace) -> None:
    """--select and --ignore name rule id prefixes: one that matches no rule is a typo that would switch
    checks off (or leave them on) silently."""
    if args.select is not None and not args.select:
        raise UsageError(f"--select names no rule id ({registry.KNOWN_IDS})")
    for option, prefixes in (("--select", args.select), ("--ignore", args.ignore)):
        unknown = registry.unmatched(prefixes or ())
        if unknown:
            raise UsageError(f"{option} {unknown[0]!r} matches no rule id ({registry.KNOWN_IDS})")


def _settings(args: argparse.Namespace) -> Settings:
    """The configuration file's settings, with the command line's options winning."""
    _check_prefixes(args)
    settings = discovery.settings_for(args.paths, args.config)
    return attrs.evolve(
        settings,
        select=settings.select if args.select is None else args.select,
        ignore=settings.ignore if args.ignore is None else args.ignore,
        fail_on=settings.fail_on if args.fail_on is None else Severity.parse(args.fail_on),
        lang=args.lang or settings.lang,
        max_bytes=args.max_bytes or settings.max_bytes,
    )


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


def load_context(args: argparse.Namespace, max_bytes: int = DEFAULT_MAX_BYTES) -> Context | None:
    """The instance context named on the command line, or None; raises ContextFileError. Its files are
    held to the same size limit as request files."""
    snapshot_quota = getattr(args, "snapshot_quota", None)
    if args.instance is None and args.snapshots is None and args.quotas is None and snapshot_quota is None:
        return None
    from validator.instance.context import Context, ContextError  # only runs that check against an instance

    context: Context | None = None
    parts = (
        (args.instance, "describeInstance", Context.from_describe_instance),
        (args.snapshots, "describeSnapshots", Context.from_describe_snapshots),
        (args.quotas, "describeQuotas", Context.from_describe_quotas),
        (snapshot_quota, "describeQuota (snapshots)", Context.from_describe_snapshot_quota),
    )
    for path, what, build in parts:
        if path is None:
            continue
        try:
            part = build(_context_document(path, what, max_bytes))
        except ContextError as exc:
            raise ContextFileError(f"{what} file {path}: {exc}") from None
        context = part if context is None else context.merged(part)
    return context


def check_file(
    path: str, lang: str, settings: Settings, context: Context | None = None, named: frozenset[str] = frozenset()
) -> Outcome:
    """A file met by a folder walk is checked only when it is a request; a file in `named` always is."""
    return check_path(path, lang, settings, context, recognising=path not in named)


# A file's outcome in a --fix or --diff run, besides a check's.
AnyOutcome: TypeAlias = "Outcome | Fixed | Unwritable"


def _stdin(args: argparse.Namespace, lang: str, settings: Settings, context: Context | None) -> AnyOutcome:
    """The request on standard input, named by --stdin-filename (which also picks its reader). With --fix
    the fixed text goes to standard output (with --diff, the diff does)."""
    name = args.stdin_filename or discovery.STDIN
    limit = settings.max_bytes or DEFAULT_MAX_BYTES
    try:
        data = sys.stdin.buffer.read(limit + 1)
    except (OSError, ValueError, AttributeError) as exc:
        return Unreadable(name, f"cannot read standard input: {exc}")
    content: bytes | TooLarge = TooLarge(name, len(data), limit) if len(data) > limit else data
    if not (args.fix or args.diff):
        return check_data(content, name, lang, settings, context, recognising=args.only_requests)
    from validator.workspace.fix_files import fix_data

    outcome, fixed = fix_data(content, name, lang, settings, context, unsafe=args.unsafe_fixes)
    if args.fix and not args.diff:
        write_bytes(data if fixed is None else fixed)  # what cannot be fixed passes through as it came
    return outcome


# Below this many files a process pool costs more than it saves.
PARALLEL_MIN_FILES = 64


def workers(jobs: int, files: int) -> int:
    """The processes that can help: no more than asked for, than there are cores, or than files."""
    return max(1, min(jobs, os.cpu_count() or 1, files))


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the parent alone handles it (and stops the workers). The
    # worker was forked with SIGINT blocked (see _map), so one sent before this line is dropped here.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _interrupts(signal.SIG_UNBLOCK)


def _interrupts(how: int) -> None:
    import signal  # only runs that start workers

    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(how, {signal.SIGINT})


def _stop_workers() -> None:
    """End every worker process this run started (after Ctrl-C), so that none outlives it."""
    if "multiprocessing" not in sys.modules:
        return
    import multiprocessing

    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join(timeout=5)


def _check_all(check: Callable[[str], AnyOutcome], paths: list[str]) -> list[AnyOutcome]:
    return [check(path) for path in paths]


def _map(check: Callable[[str], AnyOutcome], files: list[str], jobs: int) -> list[AnyOutcome]:
    """`check` over `files`, in order: in `jobs` processes when there are enough files to pay for them."""
    jobs = workers(jobs, len(files))
    if jobs <= 1 or len(files) < PARALLEL_MIN_FILES:
        return [check(path) for path in files]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: the workers start with everything already imported and compiled.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    import signal
    from concurrent.futures.process import BrokenProcessPool

    size = max(1, len(files) // (jobs * 8))
    chunks = [files[start : start + size] for start in range(0, len(files), size)]
    try:
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_ignore_interrupts)
        try:
            # Futures of our own rather than pool.map: map cancels its futures when interrupted, and the
            # pool's thread then fails on them with a traceback of its own once the workers are stopped.
            _interrupts(signal.SIG_BLOCK)  # until the workers are forked and ignore Ctrl-C themselves
            try:
                futures = [pool.submit(_check_all, check, chunk) for chunk in chunks]
            finally:
                _interrupts(signal.SIG_UNBLOCK)
            outcomes = [outcome for future in futures for outcome in future.result()]
        except BaseException:
            # Ctrl-C or a broken pool: stop now rather than wait for the queued work (shutdown's default).
            _stop_workers()
            pool.shutdown(wait=False)
            raise
        pool.shutdown()
        return outcomes
    except (OSError, NotImplementedError, BrokenProcessPool):
        # No process pool here (a sandbox without semaphores, a killed worker): check serially instead.
        return [check(path) for path in files]


def _render(fmt: str, results: list[FileResult], lang: str, settings: Settings, context: Context | None = None) -> str:
    # Each formatter is imported on use: a run pays only for the one it prints with.
    if fmt == "json":
        from validator.output import json_report

        return json_report.render(results, __version__)
    if fmt == "sarif":
        from validator.output import sarif

        return sarif.render(results, __version__, lang)
    if fmt == "junit":
        from validator.output import junit
        from validator.rules.rules_run import rules_that_run

        return junit.render(
            results,
            settings.fail_on,
            lambda result: rules_that_run(
                settings, context, result.path, read=not any(f.rule == "C01" for f in result.findings)
            ),
        )
    if fmt == "github":
        from validator.output import github

        return github.render(results)
    if fmt == "gitlab":
        from validator.output import gitlab

        return gitlab.render(results)
    from validator.output import text

    return text.render(results, lang)


def _unique(items: Iterator[str | Unreadable | Special]) -> list[str | Unreadable | Special]:
    """Each path once, however many times it was given or met (`a.json ./a.json`, a file and its folder)."""
    seen: set[str] = set()
    unique = []
    for item in items:
        key = os.path.abspath(item if isinstance(item, str) else item.path)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique


def _run_check(args: argparse.Namespace) -> int:
    if args.max_bytes is not None and args.max_bytes < 1:
        say("jdcloud-preflight: --max-bytes must be a positive number of bytes")
        return EXIT_USAGE
    if args.jobs is not None and args.jobs < 1:
        say("jdcloud-preflight: --jobs must be at least 1")
        return EXIT_USAGE
    try:
        os.getcwd()
    except OSError as exc:
        say(f"jdcloud-preflight: the working folder is gone (deleted while in use?): {exc.strerror or exc}")
        return EXIT_USAGE
    try:
        settings = _settings(args)
    except UsageError as exc:
        say(f"jdcloud-preflight: {exc}")
        return EXIT_USAGE
    except config.ConfigError as exc:
        say(f"jdcloud-preflight: bad configuration: {exc}")
        return EXIT_USAGE
    try:
        context = load_context(args, settings.max_bytes or DEFAULT_MAX_BYTES)
    except ContextFileError as exc:
        say(f"jdcloud-preflight: {exc}")
        return EXIT_USAGE
    lang = settings.lang or _environment_lang()
    walk_filter.forget()
    paths = [path for path in args.paths if path != discovery.STDIN]
    found = _unique(collect(paths, settings.exclude, settings.root, walk_filter.pruned))
    for special in (item for item in found if isinstance(item, Special)):
        say(f"jdcloud-preflight: skipped {special.path}: {special.reason}")
    items = [item for item in found if not isinstance(item, Special)]
    if not items and discovery.STDIN not in args.paths:
        # A gate pointed at the wrong folder must not pass.
        say(f"jdcloud-preflight: nothing to check: no request file (.json, .yaml, .yml) in {' '.join(args.paths)}")
        return EXIT_USAGE
    files = [item for item in items if isinstance(item, str)]
    named = frozenset(() if args.only_requests else (path for path in paths if not os.path.isdir(path)))
    check: Callable[[str], AnyOutcome]
    if args.fix or args.diff:
        from validator.workspace.fix_files import fix_file

        check = functools.partial(
            fix_file,
            lang=lang,
            settings=settings,
            context=context,
            named=named,
            unsafe=args.unsafe_fixes,
            write=not args.diff,
        )
    else:
        check = functools.partial(check_file, lang=lang, settings=settings, context=context, named=named)
    outcomes = dict(zip(files, _map(check, files, args.jobs or os.cpu_count() or 1), strict=True))
    checked: list[tuple[str, AnyOutcome]] = [
        (item.path, item) if isinstance(item, Unreadable) else (item, outcomes[item]) for item in items
    ]
    if discovery.STDIN in args.paths:
        checked.append((args.stdin_filename or discovery.STDIN, _stdin(args, lang, settings, context)))
    results: list[FileResult] = []
    unreadable: list[Unreadable] = []
    skipped: list[Skipped] = []
    unwritable: list[Unwritable] = []
    fixed, diffs = 0, []
    for path, outcome in checked:
        if isinstance(outcome, Unreadable):
            unreadable.append(outcome)
        elif isinstance(outcome, Skipped):
            skipped.append(outcome)
        elif isinstance(outcome, tuple):
            results.append(FileResult(path, outcome))
        else:
            from validator.workspace.fix_files import Fixed  # only a --fix or --diff run gets here

            if isinstance(outcome, Fixed):
                results.append(FileResult(path, outcome.findings))
                fixed += outcome.fixed
                diffs.append(outcome.diff)
            else:
                unwritable.append(outcome)
    failures = [f"cannot read {failed.path}: {failed.reason}" for failed in unreadable] + [
        f"cannot write the fixed {failed.path}: {failed.reason}; it is left as it was" for failed in unwritable
    ]
    listed = [f"{item.path}: skipped: {item.why.describe()}" for item in skipped] if args.verbose else []
    if skipped and not results and not unreadable and not args.only_requests:
        # Files were found but none is a request: a gate pointed at the wrong folder must not pass either.
        say(
            f"jdcloud-preflight: nothing to check: {len(skipped)} file{'s' if len(skipped) != 1 else ''} found, "
            "none of them a createImage request (--verbose says why each was skipped)"
        )
        for line in listed:
            say(line)
        return EXIT_USAGE
    if args.diff:
        return _report_diff(diffs, fixed, failures)
    if unreadable and not results and args.format == "text":
        # Nothing was checked: for a person the one-line reasons are the whole answer ("0 files checked" after
        # them reads as a pass); the machine formats still give their (empty) report.
        for failed in unreadable:
            say(f"jdcloud-preflight: cannot read {failed.path}: {failed.reason}")
        return EXIT_USAGE
    # With standard input fixed to standard output, the report goes beside it.
    report = _to_stderr if args.fix and discovery.STDIN in args.paths else write
    if args.format == "text":
        from validator.output import text

        report(
            text.render(
                results,
                lang,
                skipped=len(skipped),
                listed=listed,
                quiet=args.quiet,
                colour=_colour() and report is write,
                fixed=fixed if args.fix else None,
                unsafe=args.unsafe_fixes,
            )
        )
    else:
        report(_render(args.format, results, lang, settings, context))
        for line in listed:  # the report itself stays the machine's; the list goes beside it
            say(line)
    for failure in failures:
        say(f"jdcloud-preflight: {failure}")
    if failures:
        return EXIT_USAGE
    failing = any(finding.severity >= settings.fail_on for result in results for finding in result.findings)
    return EXIT_FINDINGS if failing else EXIT_OK


def _to_stderr(text: str) -> None:
    """A whole report to standard error (when standard output carries the fixed request)."""
    stream = sys.stderr
    if stream is not None:
        try:
            stream.write(text)
            stream.flush()
        except (OSError, ValueError):
            pass  # nowhere left to say it


def _report_diff(diffs: list[str], fixed: int, failures: list[str]) -> int:
    """--diff: the changes on standard output, a count on standard error; exit 1 when there is something to
    change."""
    write("".join(diffs))
    for failure in failures:
        say(f"jdcloud-preflight: {failure}")
    if failures:
        return EXIT_USAGE
    if fixed:
        say(f"jdcloud-preflight: would fix {fixed} finding(s)")
        return EXIT_FINDINGS
    return EXIT_OK


def _run_rules(lang: str) -> int:
    write(
        "".join(
            f"{rule.id}  {rule.severity.label:<7}  {rule.name:<24} {rule.enforced_by:<6}  {rule.summary.render(lang)}\n"
            for rule in registry.RULES
        )
    )
    return EXIT_OK


def explanation(rule: Rule, lang: str) -> str:
    bad = "不好的写法" if lang == "zh" else "Bad"
    good = "好的写法" if lang == "zh" else "Good"
    origin = f"catalogue constraint {rule.constraint}" if rule.constraint else f"{rule.enforced_by} rule"
    lines = [
        f"{rule.id} {rule.name} ({rule.severity.label}, {origin})",
        "",
        rule.summary.render(lang),
        "",
        rule.description.render(lang),
    ]
    if rule.api is not None:
        api = f"{rule.api.status} {rule.api.code}" + (f": {rule.api.message}" if rule.api.message else "")
        lines += ["", f"API: {api}"]
    lines += ["", rule.fix_line(lang)]
    lines += ["", f"{bad}:", f"    {rule.bad}", "", f"{good}:", f"    {rule.good}"]
    return "\n".join(lines) + "\n"


def _run_explain(rule_id: str, lang: str) -> int:
    rule = registry.get(rule_id)
    if rule is None:
        say(f"jdcloud-preflight: unknown rule {rule_id!r}; `jdcloud-preflight rules` lists them")
        return EXIT_USAGE
    write(explanation(rule, lang))
    return EXIT_OK


def _run_schema() -> int:
    from validator.schema.schema_bundle import bundled

    write(json.dumps(bundled(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; every way a run can end is an exit code, never a traceback (unless --debug)."""
    args = _parser().parse_args(argv)
    try:
        return _dispatch(args)
    except KeyboardInterrupt:
        _stop_workers()
        say("jdcloud-preflight: interrupted")
        return EXIT_INTERRUPTED
    except OutputError as exc:
        say(f"jdcloud-preflight: cannot write the report: {exc}")
        return EXIT_USAGE
    except Exception as exc:  # a bug: say so in one line, and exit with the code that stops a gate
        if getattr(args, "debug", False):
            import traceback

            traceback.print_exc()
        hint = "" if getattr(args, "debug", False) else " (--debug shows the traceback)"
        say(f"jdcloud-preflight: internal error: {type(exc).__name__}: {exc}{hint}")
        return EXIT_USAGE


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "check":
        return _run_check(args)
    if args.command == "schema":
        return _run_schema()
    lang = args.lang or _environment_lang()
    if args.command == "rules":
        return _run_rules(lang)
    return _run_explain(args.rule, lang)


if __name__ == "__main__":
    sys.exit(main())
