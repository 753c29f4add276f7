"""The command line's part in per-file settings (docs/configuration.md#which-configuration-applies): the
selection options as overrides of every configuration, and each file's check run with its own settings."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from typing import Generic, TypeVar

import attrs

from validator.config import selection
from validator.config.selection import Overrides
from validator.core.finding import Severity
from validator.output import FileResult
from validator.rules import registry
from validator.settings import Settings


def overrides(args: argparse.Namespace) -> Overrides:
    """What the command line changes in each configuration. Rule prefixes that match no rule are typos
    that would switch checks off (or leave them on) silently, and an empty one matches every rule: both
    raise selection.SelectionError."""
    if args.select is not None and not args.select:
        raise selection.SelectionError(f"--select names no rule id ({registry.KNOWN_IDS})")
    lists: dict[str, tuple[str, ...] | None] = {}
    for option in ("select", "extend_select", "ignore", "extend_ignore"):
        given = getattr(args, option)
        lists[option] = None if given is None else selection.prefixes(given, "--" + option.replace("_", "-"))
    return Overrides(
        select=lists["select"],
        extend_select=lists["extend_select"] or (),
        ignore=(lists["ignore"] or ()) + (lists["extend_ignore"] or ()),
        fail_on=None if args.fail_on is None else Severity.parse(args.fail_on),
        lang=args.lang,
        max_bytes=args.max_bytes,
        baseline=None if args.baseline is None else str(args.baseline),
    )


T = TypeVar("T")


@attrs.frozen
class PerFile(Generic[T]):
    """A file's check (or fix) with its own settings; picklable, for the worker processes."""

    function: Callable[..., T]
    settings: Mapping[str, Settings]

    def __call__(self, path: str) -> T:
        return self.function(path, settings=self.settings[path])


def in_own_language(
    results: list[FileResult], settings_of: Mapping[str, Settings], run_lang: str, default_lang: str
) -> list[FileResult]:
    """Each file's findings in its own configuration's language when that is not the run's: rendered now,
    so the report's rendering in the run's language leaves them as they are."""
    out = []
    for result in results:
        own = settings_of.get(result.path)
        lang = (own.lang if own is not None else None) or default_lang
        if lang == run_lang:
            out.append(result)
        else:
            fixed = tuple(attrs.evolve(finding.in_language(lang), text=None) for finding in result.findings)
            out.append(FileResult(result.path, fixed))
    return out
