"""Rule selection as ruff has it (docs/configuration.md#selecting-rules): rule ids, id prefixes or rule
names; `select` replaced by a later `select`, `ignore` and the `extend-*` lists added to; and the command
line's options applied on top of each file's configuration."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from validator.core.finding import Severity
from validator.rules import registry
from validator.settings import Settings


class SelectionError(Exception):
    """A list of rule prefixes that cannot be used; the message says where and why, in one line."""


def prefixes(values: Iterable[str], where: str) -> tuple[str, ...]:
    """Rule ids, id prefixes or names as rule id prefixes (names become their ids). An empty or blank entry
    would select or ignore every rule, and one that matches no rule is a typo: both are refused."""
    values = tuple(values)
    for value in values:
        if not value.strip():
            raise SelectionError(
                f"{where}: an empty rule prefix ({value!r}) would match every rule ({registry.KNOWN_IDS})"
            )
    unknown = registry.unmatched(values)
    if unknown:
        raise SelectionError(f"{where}: {unknown[0]!r} matches no rule id or name ({registry.KNOWN_IDS})")
    return tuple(registry.canonical(value) for value in values)


@attrs.frozen
class Overrides:
    """What the command line changes in every configuration it meets: `select` replaces the file's
    (with `extend_select` added to either), `ignore` is added to the file's; the rest wins when given."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = None
    lang: str | None = None
    max_bytes: int | None = None
    baseline: str | None = None

    def apply(self, settings: Settings) -> Settings:
        select = settings.select if self.select is None else self.select
        return attrs.evolve(
            settings,
            select=select + self.extend_select,
            ignore=settings.ignore + self.ignore,
            fail_on=settings.fail_on if self.fail_on is None else self.fail_on,
            lang=self.lang or settings.lang,
            max_bytes=self.max_bytes or settings.max_bytes,
            baseline=self.baseline or settings.baseline,
        )
