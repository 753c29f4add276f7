"""The `jdcloud-preflight` command: argument parsing, configuration, reading files, exit codes.
The only place that prints."""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from validator import __version__, config, registry
from validator.documents import ParseFailure, decode
from validator.engine import check_document, check_text, parse_text
from validator.files import DEFAULT_MAX_BYTES, TooLarge, Unreadable, collect, read
from validator.finding import Finding, Severity
from validator.formatters import FileResult
from validator.rules.base import Rule

if TYPE_CHECKING:
    from validator.context import Context
from validator.settings import Settings

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
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
    parser = argparse.ArgumentParser(
        prog="jdcloud-preflight",
        description="Check JD Cloud createImage requests offline: what the API would reject or ignore.",
    )
    parser.add_argument("--version", action="version", version=f"jdcloud-preflight {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check request files (JSON or YAML) and folders of them")
    check.add_argument("paths", nargs="+", metavar="PATH", help="a request file, or a folder to walk")
    check.add_argument("--format", choices=FORMATS, default="text", help="report format (default: text)")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default=None,
        help="exit 1 when a finding of this severity or worse is reported (default: error)",
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
        "--max-bytes",
        type=int,
        default=None,
        help=f"larger files are reported, not read (default: {DEFAULT_MAX_BYTES})",
    )

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--lang", choices=("en", "zh"), default=None)

    explain = commands.add_parser("explain", help="describe one rule with a bad and a good example")
    explain.add_argument("rule", metavar="RULE", help="a rule id such as C31")
    explain.add_argument("--lang", choices=("en", "zh"), default=None)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    """The configuration file's settings, with the command line's options winning."""
    path = args.config if args.config is not None else config.find(Path.cwd())
    settings = Settings() if path is None else config.load(path)
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


def _context_document(path: Path, what: str) -> object:
    data = read(str(path))
    if isinstance(data, Unreadable):
        raise ContextFileError(f"cannot read {what} file {path}: {data.reason}")
    if isinstance(data, TooLarge):
        raise ContextFileError(f"{what} file {path} is larger than {data.limit} bytes")
    content = decode(data)
    document = content if isinstance(content, ParseFailure) else parse_text(content, str(path))
    if isinstance(document, ParseFailure):
        where = f"{path}:{document.line}:{document.column}"
        raise ContextFileError(f"cannot read {what} file {where}: {document.message}")
    return document.root


def load_context(args: argparse.Namespace) -> Context | None:
    """The instance context named on the command line, or None; raises ContextFileError."""
    if args.instance is None and args.snapshots is None and args.quotas is None:
        return None
    from validator.context import Context, ContextError  # only runs that check against an instance

    context: Context | None = None
    parts = (
        (args.instance, "describeInstance", Context.from_describe_instance),
        (args.snapshots, "describeSnapshots", Context.from_describe_snapshots),
        (args.quotas, "describeQuotas", Context.from_describe_quotas),
    )
    for path, what, build in parts:
        if path is None:
            continue
        try:
            part = build(_context_document(path, what))
        except ContextError as exc:
            raise ContextFileError(f"{what} file {path}: {exc}") from None
        context = part if context is None else context.merged(part)
    return context


Outcome = tuple[Finding, ...] | Unreadable


def check_file(path: str, lang: str, settings: Settings, context: Context | None = None) -> Outcome:
    data = read(path, settings.max_bytes or DEFAULT_MAX_BYTES)
    if isinstance(data, Unreadable):
        return data
    if isinstance(data, TooLarge):
        failure = ParseFailure(f"the file is {data.size} bytes, above the limit of {data.limit} (--max-bytes)")
        return check_document(failure, lang, settings, path=path)
    content = decode(data)
    if isinstance(content, ParseFailure):
        return check_document(content, lang, settings, path=path)
    return check_text(content, path, lang, settings, context)


# Below this many files a process pool costs more than it saves.
PARALLEL_MIN_FILES = 64


def _map(check: Callable[[str], Outcome], files: list[str], jobs: int) -> list[Outcome]:
    """`check` over `files`, in order: in `jobs` processes when there are enough files to pay for them."""
    if jobs <= 1 or len(files) < PARALLEL_MIN_FILES:
        return [check(path) for path in files]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: the workers start with everything already imported and compiled.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(1, len(files) // (jobs * 8))
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            return list(pool.map(check, files, chunksize=chunk))
    except (OSError, NotImplementedError, BrokenProcessPool):
        # No process pool here (a sandbox without semaphores, a killed worker): check serially instead.
        return [check(path) for path in files]


def _render(fmt: str, results: list[FileResult], lang: str, settings: Settings) -> str:
    # Each formatter is imported on use: a run pays only for the one it prints with.
    if fmt == "json":
        from validator.formatters import json_report

        return json_report.render(results, __version__)
    if fmt == "sarif":
        from validator.formatters import sarif

        return sarif.render(results, __version__, lang)
    if fmt == "junit":
        from validator.formatters import junit

        return junit.render(results, settings.fail_on)
    if fmt == "github":
        from validator.formatters import github

        return github.render(results)
    if fmt == "gitlab":
        from validator.formatters import gitlab

        return gitlab.render(results)
    from validator.formatters import text

    return text.render(results, lang)


def _run_check(args: argparse.Namespace) -> int:
    if args.max_bytes is not None and args.max_bytes < 1:
        print("jdcloud-preflight: --max-bytes must be a positive number of bytes", file=sys.stderr)
        return EXIT_USAGE
    if args.jobs is not None and args.jobs < 1:
        print("jdcloud-preflight: --jobs must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    try:
        settings = _settings(args)
    except config.ConfigError as exc:
        print(f"jdcloud-preflight: bad configuration: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        context = load_context(args)
    except ContextFileError as exc:
        print(f"jdcloud-preflight: {exc}", file=sys.stderr)
        return EXIT_USAGE
    lang = settings.lang or _environment_lang()
    items = list(collect(args.paths, settings.exclude))
    files = [item for item in items if isinstance(item, str)]
    check = functools.partial(check_file, lang=lang, settings=settings, context=context)
    outcomes = dict(zip(files, _map(check, files, args.jobs or os.cpu_count() or 1), strict=True))
    results: list[FileResult] = []
    unreadable: list[Unreadable] = []
    for item in items:
        outcome = item if isinstance(item, Unreadable) else outcomes[item]
        if isinstance(outcome, Unreadable):
            unreadable.append(outcome)
        else:
            assert isinstance(item, str)
            results.append(FileResult(item, outcome))
    sys.stdout.write(_render(args.format, results, lang, settings))
    for failed in unreadable:
        print(f"jdcloud-preflight: cannot read {failed.path}: {failed.reason}", file=sys.stderr)
    if unreadable:
        return EXIT_USAGE
    failing = any(finding.severity >= settings.fail_on for result in results for finding in result.findings)
    return EXIT_FINDINGS if failing else EXIT_OK


def _run_rules(lang: str) -> int:
    for rule in registry.RULES:
        print(
            f"{rule.id}  {rule.severity.label:<7}  {rule.name:<24} {rule.enforced_by:<6}  {rule.summary.render(lang)}"
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
    lines += ["", f"{bad}:", f"    {rule.bad}", "", f"{good}:", f"    {rule.good}"]
    return "\n".join(lines) + "\n"


def _run_explain(rule_id: str, lang: str) -> int:
    rule = registry.get(rule_id)
    if rule is None:
        print(f"jdcloud-preflight: unknown rule {rule_id!r}; `jdcloud-preflight rules` lists them", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(explanation(rule, lang))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "check":
        return _run_check(args)
    lang = args.lang or _environment_lang()
    if args.command == "rules":
        return _run_rules(lang)
    return _run_explain(args.rule, lang)


if __name__ == "__main__":
    sys.exit(main())
