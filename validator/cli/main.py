"""The `jdcloud-preflight` command: parse the arguments, run the command, turn every way a run can end
into an exit code. The cli package is the only place that prints."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from validator.cli import signals
from validator.cli.arguments import environment_lang, parse
from validator.cli.check import run_check
from validator.cli.exits import EXIT_INTERRUPTED, EXIT_SIGNALLED, EXIT_USAGE
from validator.cli.parallel import stop_workers
from validator.output.console import OutputError, say
from validator.workspace import temporaries


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; every way a run can end is an exit code, never a traceback (unless --debug)."""
    args = parse(argv)
    previous = signals.on_termination()
    try:
        return _dispatch(args.command, args)
    except KeyboardInterrupt:
        stop_workers()
        temporaries.remove_all()
        say("jdcloud-preflight: interrupted")
        return EXIT_INTERRUPTED
    except signals.Terminated as ended:  # SIGTERM or SIGHUP: 128 + its number, as a shell reports it
        stop_workers()
        temporaries.remove_all()
        say(f"jdcloud-preflight: ended by {ended.name}")
        return EXIT_SIGNALLED + ended.signum
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
    finally:
        signals.restore(previous)


def _dispatch(command: str, args: argparse.Namespace) -> int:
    if command == "check":
        return run_check(args)
    if command == "server":
        from validator.cli.serve import run_server  # only editors start the server

        return run_server()
    from validator.cli import describe  # only the commands that describe the tool

    if command == "schema":
        return describe.run_schema()
    lang = args.lang or environment_lang()
    if command == "rules":
        return describe.run_rules(lang, args.format)
    return describe.run_explain(args.rule, lang)


if __name__ == "__main__":
    sys.exit(main())
