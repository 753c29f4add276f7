"""Baselines (docs/baseline.md): the findings a repository has accepted, recorded so that a gate fails only
on new ones. A finding is matched by its file (relative to the baseline's folder, with forward slashes),
its rule and its JSON pointer, never by its line: moving lines changes nothing. A finding that says the
file cannot be read (C01) is never recorded nor matched. Pure: the text in, the text out, no I/O."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from validator.core.finding import Finding

VERSION = 1
Key = tuple[str, str, str]  # (path, rule, pointer)


class BaselineError(ValueError):
    """A baseline file that cannot be used; the message says why in one line."""


def baselinable(finding: Finding) -> bool:
    """Whether a finding may be accepted by a baseline: never one that says the file cannot be read, which
    would hide every other problem in it (the one place that says so)."""
    if finding.rule == "C01":
        return False
    flag = getattr(finding, "unsuppressable", False)  # the finding's own say, where findings carry one
    return not (flag() if callable(flag) else flag)


def relative(path: str, folder: str) -> str:
    """A checked file's path as a baseline records it: relative to the baseline's folder, with forward
    slashes; the absolute path for a file elsewhere (another drive)."""
    absolute = os.path.abspath(path)
    try:
        found = os.path.relpath(absolute, folder)
    except ValueError:
        found = absolute
    return found.replace(os.sep, "/")


@attrs.frozen
class Entry:
    path: str
    rule: str
    pointer: str
    count: int = 1
    # The first finding's English message, for a reader of the file; never matched.
    message: str = ""

    @property
    def key(self) -> Key:
        return (self.path, self.rule, self.pointer)


@attrs.frozen
class Baseline:
    entries: tuple[Entry, ...]
    folder: str  # the absolute folder paths are relative to

    def to_text(self) -> str:
        """The file: sorted, one member per line, stable from one run to the next."""
        findings = [attrs.asdict(entry) for entry in sorted(self.entries, key=lambda e: e.key)]
        return json.dumps({"version": VERSION, "findings": findings}, ensure_ascii=False, indent=2) + "\n"


def record(results: Iterable[tuple[str, Sequence[Finding]]], folder: str) -> Baseline:
    """A baseline of every baselinable finding of `results` ((path, findings) pairs)."""
    counts: Counter[Key] = Counter()
    messages: dict[Key, str] = {}
    for path, findings in results:
        for finding in findings:
            if baselinable(finding):
                key = (relative(path, folder), finding.rule, finding.pointer)
                counts[key] += 1
                text = finding.text.en if finding.text is not None else finding.message
                messages.setdefault(key, text)
    entries = tuple(Entry(*key, count=n, message=messages[key]) for key, n in counts.items())
    return Baseline(entries, folder)


def parse(text: str, folder: str, where: str) -> Baseline:
    """A baseline from its file's text; raises BaselineError naming `where` when it is not one."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise BaselineError(f"{where}: not valid JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{where}: not a baseline: expected an object with version {VERSION} and findings")
    entries = []
    for number, item in enumerate(data["findings"]):
        entries.append(_entry(item, f"{where}: findings[{number}]"))
    return Baseline(tuple(entries), folder)


def _entry(item: object, where: str) -> Entry:
    if not isinstance(item, dict):
        raise BaselineError(f"{where}: expected an object")
    path, rule, pointer = (item.get(member) for member in ("path", "rule", "pointer"))
    count = item.get("count", 1)
    if not (isinstance(path, str) and isinstance(rule, str) and isinstance(pointer, str)):
        raise BaselineError(f"{where}: path, rule and pointer must be strings")
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise BaselineError(f"{where}: count must be a positive integer")
    message = item.get("message", "")
    return Entry(path, rule, pointer, count=count, message=message if isinstance(message, str) else "")


@attrs.define
class Matcher:
    """Findings matched against a baseline, file by file; what is left over is its unused entries."""

    baseline: Baseline
    left: Counter[Key] = attrs.field(init=False)
    seen: set[str] = attrs.Factory(set)  # the files met, as the baseline spells them

    def __attrs_post_init__(self) -> None:
        self.left = Counter()
        for entry in self.baseline.entries:
            self.left[entry.key] += entry.count

    def new(self, path: str, findings: Sequence[Finding]) -> tuple[Finding, ...]:
        """The findings of one file that the baseline does not hold."""
        name = relative(path, self.baseline.folder)
        self.seen.add(name)
        kept = []
        for finding in findings:
            key = (name, finding.rule, finding.pointer)
            if baselinable(finding) and self.left[key] > 0:
                self.left[key] -= 1
            else:
                kept.append(finding)
        return tuple(kept)

    def unused(self) -> list[Entry]:
        """Entries (with the count left) of the files met that matched no finding: fixed since, or stale."""
        keys = sorted({entry.key for entry in self.baseline.entries})
        return [Entry(*key, count=self.left[key]) for key in keys if key[0] in self.seen and self.left[key] > 0]
