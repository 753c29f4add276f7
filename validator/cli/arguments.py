"""The command line's arguments: commands, options and their help."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from validator import __version__
from validator.output import one_line
from validator.output.formats import FORMATS
from validator.workspace.files import DEFAULT_MAX_BYTES


def environment_lang() -> str:
    """The language of the user's locale (LC_ALL, then LANG): Chinese for zh*, else English."""
    for variable in ("LC_ALL", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _prefixes(text: str) -> tuple[str, ...]:
    """A comma-separated list, each part as written (an empty part is refused later, with its option)."""
    return tuple(part.strip() for part in text.split(","))


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The parsed command line. An option the command does not have is an error with that command's own
    usage, and the nearest option it has as a suggestion."""
    top = parser()
    args, extras = top.parse_known_args(argv)
    if extras:
        command = _commands(top).get(getattr(args, "command", ""), top)
        options = [option for action in command._actions for option in action.option_strings]
        import difflib  # only for an option the command does not have

        guesses = [difflib.get_close_matches(extra.split("=", 1)[0], options, n=1) for extra in extras]
        hint = next((f" (did you mean {guess[0]}?)" for guess in guesses if guess), "")
        named = " ".join(one_line(extra) for extra in extras)  # escaped as file names are: one safe line
        command.error(f"unrecognized arguments: {named}{hint}")
    return args


def _commands(top: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in top._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def parser() -> argparse.ArgumentParser:
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
    parser.add_argument("-V", "--version", action="version", version=f"jdcloud-preflight {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="check request files (JSON or YAML) and folders of them",
        parents=[common],
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
    _selection(check)
    _reporting(check)

    commands.add_parser("schema", help="print the request's JSON Schema, self-contained, for editors", parents=[common])

    rules = commands.add_parser("rules", help="list every rule", parents=[common])
    rules.add_argument("--lang", choices=("en", "zh"), default=None)
    rules.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default), or json: each rule's id, name, severity, how it is checked, fixable, summary, url",
    )

    explain = commands.add_parser("explain", help="describe one rule with a bad and a good example", parents=[common])
    explain.add_argument("rule", metavar="RULE", help="a rule id or name such as C31 or device-name")
    explain.add_argument("--lang", choices=("en", "zh"), default=None)

    server = commands.add_parser("server", help="run the language server on stdio ([server] extra)", parents=[common])
    server.add_argument("--stdio", action="store_true", help="accepted for editors that pass it (stdio is the default)")
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
    check.add_argument(
        "--fix-only",
        action="store_true",
        help="apply the safe fixes (implies --fix) and report nothing but how many were fixed; exit 0 unless "
        "a file cannot be read or written back",
    )
    check.add_argument(
        "--show-fixes",
        action="store_true",
        help="after the report, list each fix applied (with --diff, each that would be), per file, by rule id "
        "and message",
    )
    check.add_argument(
        "--exit-non-zero-on-fix",
        action="store_true",
        help="exit 1 when --fix fixed anything, even if no finding remains",
    )
    check.add_argument("-q", "--quiet", action="store_true", help="print findings only: no summary")
    check.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="list the files skipped as not being createImage requests, and a baseline's unused entries",
    )


def _selection(check: argparse.ArgumentParser) -> None:
    """Which rules and files, as ruff chooses them (docs/configuration.md#selecting-rules), and the baseline
    (docs/baseline.md)."""
    rules = "comma-separated rule ids, id prefixes or names; repeatable"
    for option, help_text in (
        ("--select", "rules to report, replacing the configuration's select"),
        ("--extend-select", "rules to report besides those selected"),
        ("--ignore", "rules not to report, added to the configuration's ignore"),
        ("--extend-ignore", "the same as --ignore"),
    ):
        check.add_argument(
            option, type=_prefixes, action="extend", default=None, metavar="RULES", help=f"{help_text} ({rules})"
        )
    check.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply the configuration's exclude to files named on the command line too (the pre-commit hooks use this)",
    )
    check.add_argument(
        "--baseline",
        type=Path,
        default=None,
        metavar="FILE",
        help="report and fail only on findings not recorded in this baseline file (see docs/baseline.md)",
    )
    check.add_argument(
        "--write-baseline",
        type=Path,
        default=None,
        metavar="FILE",
        help="record the current findings in this baseline file, and exit 0 unless a file cannot be read",
    )


EXIT_CODES = """exit codes:
  0  no finding at or above --fail-on (or --exit-zero)
  1  a finding at or above --fail-on (with --diff: changes to make)
  2  the run could not be done: a usage error, a bad configuration or context file, a path that cannot be
     read, nothing to check, a report that cannot be written, an internal error
  129  ended by SIGHUP
  130  interrupted (Ctrl-C)
  143  ended by SIGTERM"""


def _reporting(check: argparse.ArgumentParser) -> None:
    """Where the report goes, how it looks and how the run ends (docs/reports.md, docs/ci.md)."""
    check.add_argument(
        "-o",
        "--output-file",
        default=None,
        metavar="FILE",
        help="write the report to FILE (the summary goes to standard error); FILE holds a valid report of "
        "its format even when the run exits 2",
    )
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when findings are reported (2 still means a failed run)"
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="instead of the findings, a count per rule: count, rule id, [*] if --fix can fix them, rule name",
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report: auto (default) on a terminal, as NO_COLOR and FORCE_COLOR say",
    )
