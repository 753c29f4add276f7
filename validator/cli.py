"""The `jdcloud-preflight` command: argument parsing, reading files, exit codes. The only place that prints."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from validator import __version__, registry
from validator.documents import ParseFailure, decode
from validator.engine import check_document, parse_text
from validator.files import DEFAULT_MAX_BYTES, TooLarge, Unreadable, collect, read
from validator.finding import Finding, Severity
from validator.formatters import FileResult, github, gitlab, json_report, text
from validator.rules.base import Rule

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _default_lang() -> str:
    for variable in ("LC_ALL", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jdcloud-preflight",
        description="Check JD Cloud createImage requests offline: what the API would reject or ignore.",
    )
    parser.add_argument("--version", action="version", version=f"jdcloud-preflight {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check request files (JSON or YAML) and folders of them")
    check.add_argument("paths", nargs="+", metavar="PATH", help="a request file, or a folder to walk")
    check.add_argument("--format", choices=("text", "json", "github", "gitlab"), default="text", help="report format")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default="error",
        help="exit 1 when a finding of this severity or worse is found (default: error)",
    )
    check.add_argument("--lang", choices=("en", "zh"), default=None, help="message language")
    check.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help=f"larger files are reported, not read (default: {DEFAULT_MAX_BYTES})",
    )

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--lang", choices=("en", "zh"), default=None)

    explain = commands.add_parser("explain", help="describe one rule with a bad and a good example")
    explain.add_argument("rule", metavar="RULE", help="a rule id such as C31")
    explain.add_argument("--lang", choices=("en", "zh"), default=None)
    return parser


def _too_large(item: TooLarge, lang: str) -> tuple[Finding, ...]:
    failure = ParseFailure(f"the file is {item.size} bytes, above the limit of {item.limit} (--max-bytes)")
    return check_document(failure, lang)


def check_file(path: str, lang: str, max_bytes: int) -> tuple[Finding, ...] | Unreadable:
    data = read(path, max_bytes)
    if isinstance(data, (Unreadable, TooLarge)):
        return data if isinstance(data, Unreadable) else _too_large(data, lang)
    content = decode(data)
    document = content if isinstance(content, ParseFailure) else parse_text(content, path)
    return check_document(document, lang)


def _run_check(args: argparse.Namespace, lang: str) -> int:
    results: list[FileResult] = []
    unreadable: list[Unreadable] = []
    for item in collect(args.paths):
        if isinstance(item, Unreadable):
            unreadable.append(item)
            continue
        outcome = check_file(item, lang, args.max_bytes)
        if isinstance(outcome, Unreadable):
            unreadable.append(outcome)
        else:
            results.append(FileResult(item, outcome))
    if args.format == "json":
        sys.stdout.write(json_report.render(results, __version__))
    elif args.format == "github":
        sys.stdout.write(github.render(results))
    elif args.format == "gitlab":
        sys.stdout.write(gitlab.render(results))
    else:
        sys.stdout.write(text.render(results, lang))
    for item in unreadable:
        print(f"jdcloud-preflight: cannot read {item.path}: {item.reason}", file=sys.stderr)
    if unreadable:
        return EXIT_USAGE
    threshold = Severity.parse(args.fail_on)
    failing = any(finding.severity >= threshold for result in results for finding in result.findings)
    return EXIT_FINDINGS if failing else EXIT_OK


def _run_rules(lang: str) -> int:
    for rule in registry.RULES:
        print(
            f"{rule.id}  {rule.severity.label:<7}  {rule.name:<24} {rule.enforced_by:<6}  {rule.summary.render(lang)}"
        )
    return EXIT_OK


def explanation(rule: Rule, lang: str) -> str:
    heading = "不好的写法" if lang == "zh" else "Bad"
    good = "好的写法" if lang == "zh" else "Good"
    lines = [
        f"{rule.id} {rule.name} ({rule.severity.label}, catalogue constraint {rule.constraint})",
        "",
        rule.summary.render(lang),
        "",
        rule.description.render(lang),
    ]
    if rule.api is not None:
        api = f"{rule.api.status} {rule.api.code}" + (f": {rule.api.message}" if rule.api.message else "")
        lines += ["", f"API: {api}"]
    lines += ["", f"{heading}:", f"    {rule.bad}", "", f"{good}:", f"    {rule.good}"]
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
    lang = args.lang or _default_lang()
    if args.command == "check":
        if args.max_bytes < 1:
            print("jdcloud-preflight: --max-bytes must be a positive number of bytes", file=sys.stderr)
            return EXIT_USAGE
        return _run_check(args, lang)
    if args.command == "rules":
        return _run_rules(lang)
    return _run_explain(args.rule, lang)


if __name__ == "__main__":
    sys.exit(main())
