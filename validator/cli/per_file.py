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
