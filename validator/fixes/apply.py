"""Fixing a request text: apply the findings' fixes in passes until nothing fixable is left.

A pass applies every fix whose edits overlap no other's; overlapping ones wait for a later pass (their
findings come back, recomputed on the new text). The result must parse and have no finding the original
lacked, findings being compared by rule and by pointer (case-insensitively, and across renamed keys).
Only inside an object whose meaning an unsafe fix changed is an info note allowed (the default iops of a
disk now read as ssd.io1), and, between passes, a finding that the next pass fixes (a size now read as a
number, and out of step). A pass that fails is retried without the fixes at the places where it gained
(or lost) a finding: one more check, however many fixes the pass holds. A single such fix is then refused
(its finding no longer offers it); several wait for the next pass. Only when that fails too, or every fix
of the pass is at such a place, is each fix tried alone, a fix that fails alone refused and the others
applied together. A chain of passes that
ends with a new finding is undone back to the last text that had none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from validator.core.capping import is_summary, kind
from validator.core.engine import DEFAULT_SETTINGS
from validator.core.finding import Finding, Severity
from validator.core.pipeline import check_source
from validator.fixes.records import Fix, RenameKey, ReplaceValue
from validator.rules.base import PER_CONTAINER
from validator.settings import Settings

MAX_PASSES = 10

Key = tuple[str, str]


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    """`text` with the edits of `fixes` (which must not overlap) applied."""
    edits = sorted((edit for fix in fixes for edit in fix.edits), key=lambda edit: edit.start, reverse=True)
    for edit in edits:
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def _overlaps(fix: Fix, taken: list[tuple[int, int]]) -> bool:
    return any(edit.start < end and start < edit.end for edit in fix.edits for start, end in taken)


def non_overlapping(findings: Iterable[Finding]) -> list[tuple[Fix, list[Finding]]]:
    """The fixes to apply in one pass, in the findings' order, each with the findings it fixes (the same
    fix offered by several findings is applied once)."""
    chosen: dict[Fix, list[Finding]] = {}
    taken: list[tuple[int, int]] = []
    removed: dict[tuple[int, int], int] = {}
    for finding in findings:
        fix = finding.fix
        assert fix is not None
        if fix in chosen:
            chosen[fix].append(finding)
        elif not _overlaps(fix, taken) and not _empties(fix, removed):
            chosen[fix] = [finding]
            taken.extend((edit.start, edit.end) for edit in fix.edits)
            if fix.scope is not None:
                removed[fix.scope[:2]] = removed.get(fix.scope[:2], 0) + 1
    return list(chosen.items())


def _empties(fix: Fix, removed: dict[tuple[int, int], int]) -> bool:
    """Whether `fix` would remove the last member of an object other removals of the pass are emptying."""
    if fix.scope is None:
        return False
    start, end, members = fix.scope
    return members > 1 and removed.get((start, end), 0) + 1 >= members


def _parent(pointer: str) -> str:
    return pointer[: pointer.rfind("/")] if pointer else ""


@attrs.frozen
class _Trail:
    """What the applied fixes changed: renamed keys (new pointer to old, case-folded) and the objects whose
    meaning an unsafe fix changed (as pointers into the original)."""

    renames: tuple[tuple[str, str], ...] = ()
    regions: tuple[str, ...] = ()

    def original(self, pointer: str) -> str:
        """Where a pointer into the fixed text points in the original, case-folded."""
        folded = pointer.casefold()
        for old, new in reversed(self.renames):
            if folded == new or folded.startswith(new + "/"):
                folded = old + folded[len(new) :]
        return folded

    def key(self, finding: Finding) -> Key:
        return finding.rule, self.original(finding.pointer)

    def consequence(self, finding: Finding) -> bool:
        pointer = self.original(finding.pointer)
        return any(pointer == region or pointer.startswith(region + "/") or region == "" for region in self.regions)

    def after(self, fixes: Iterable[Fix]) -> _Trail:
        renames, regions = list(self.renames), list(self.regions)
        for fix in fixes:
            intent = fix.intent
            if isinstance(intent, RenameKey):
                new = f"{_parent(intent.pointer)}/{intent.new_key}".casefold()
                renames.append((self.original(intent.pointer), new))
            if not fix.safe and isinstance(intent, RenameKey | ReplaceValue):
                regions.append(self.original(_parent(intent.pointer)))
        return _Trail(tuple(renames), tuple(regions))


@attrs.frozen
class FixResult:
    """The fixed text, the findings whose fixes were applied (their edits refer to the text of the pass
    that applied them), and the findings of the fixed text: what remains."""

    text: str
    fixed: tuple[Finding, ...]
    findings: tuple[Finding, ...]
    original: tuple[Finding, ...]

    @property
    def changed(self) -> bool:
        return bool(self.fixed)


def _under(pointer: str, places: Iterable[str]) -> bool:
    return any(pointer == place or pointer.startswith(place + "/") for place in places)


def _lost(
    state: _State, attempt: list[tuple[Fix, list[Finding]]], findings: tuple[Finding, ...], trail: _Trail
) -> list[str]:
    """Whether applying `attempt` changed which findings remain beyond the ones it fixes, as the pointers
    (into the original, case-folded) of the findings that changed: a fixed finding still there (the fix
    fixed nothing: a merged value shows through), or another finding gone (a suppression comment now on
    another line hides it). Findings about a removed or rewritten value go with it, and inside an object
    whose meaning an unsafe fix changed, findings may go (an entry that now excludes its disk)."""
    remaining = {trail.key(finding) for finding in findings}
    fixed = [finding for _, found in attempt for finding in found]
    still = [state.trail.key(finding)[1] for finding in fixed if state.trail.key(finding) in remaining]
    if still:
        return still
    fixed_keys = {state.trail.key(finding) for finding in fixed}
    edited = [
        state.trail.original(fix.intent.pointer)
        for fix, _ in attempt
        if fix.intent is not None and not isinstance(fix.intent, RenameKey)
    ]
    gone = []
    for finding in state.findings:
        key = state.trail.key(finding)
        if key in fixed_keys or key in remaining or _under(key[1], edited) or is_summary(finding):
            continue
        if not trail.consequence(finding):  # inside an object an unsafe fix changed, findings may change
            gone.append(key[1])
    return gone


def _crowded(findings: tuple[Finding, ...]) -> frozenset[Key]:
    counts: dict[Key, int] = {}
    for finding in findings:
        key = (finding.rule, kind(finding.pointer.casefold())[0])
        counts[key] = counts.get(key, 0) + 1
    return frozenset(key for key, count in counts.items() if count >= PER_CONTAINER)


def _implicated(state: _State, chosen: list[tuple[Fix, list[Finding]]], problems: list[str]) -> set[int]:
    """The fixes of `chosen` (by index) whose member holds, or lies inside, a finding that made the pass
    fail: the likely culprits, to leave out instead of trying every fix alone."""
    implicated = set()
    for index, (fix, _) in enumerate(chosen):
        if fix.intent is None:
            return set(range(len(chosen)))  # nowhere to place it: it may be behind anything
        place = state.trail.original(fix.intent.pointer)
        if any(_under(problem, [place]) or _under(place, [problem]) for problem in problems):
            implicated.add(index)
    return implicated


@attrs.frozen
class _Fixing:
    """One fix_text run: how texts are checked, the original's findings, and which fixes may apply."""

    check: Callable[[str], tuple[Finding, ...]]
    known: frozenset[Key]
    unsafe: bool
    # Rules and containers the original reported only up to the cap (core/capping.py): a finding there
    # that shows once others are fixed was held back, not gained.
    crowded: frozenset[Key] = frozenset()

    def offered(self, finding: Finding) -> bool:
        return finding.fix is not None and (self.unsafe or finding.fix.safe)

    def new(self, findings: tuple[Finding, ...], trail: _Trail, final: bool) -> bool:
        """Whether `findings` hold one the original lacked."""
        return bool(self.gained(findings, trail, final))

    def gained(self, findings: tuple[Finding, ...], trail: _Trail, final: bool) -> list[str]:
        """The pointers (into the original, case-folded) of the findings the original lacked. Inside an
        object an unsafe fix changed, an info note is not new (the default iops of a disk now read as
        ssd.io1), nor, until the last pass, a finding that is itself fixable (a size now read as a number
        and out of step). A text that cannot be read gains the whole document ("")."""
        gained = []
        for finding in findings:
            if finding.rule == "C01":
                return [""]
            if is_summary(finding):  # its count changes as the findings it stands for are fixed
                continue
            if (
                trail.key(finding) in self.known
                or (finding.rule, kind(trail.original(finding.pointer))[0]) in self.crowded
            ):
                continue
            if trail.consequence(finding) and (
                finding.severity is Severity.INFO or (not final and self.offered(finding))
            ):
                continue
            gained.append(trail.original(finding.pointer))
        return gained

    def attempt(
        self, state: _State, attempt: list[tuple[Fix, list[Finding]]], problems: list[str] | None = None
    ) -> _State | None:
        """The state after applying `attempt`'s fixes to `state`, or None when that gains a finding (or
        changes which others remain); `problems` then receives where (see `_lost`)."""
        fixes = [fix for fix, _ in attempt]
        trail = state.trail.after(fixes)
        candidate = apply_fixes(state.text, fixes)
        findings = self.check(candidate)
        found = self.gained(findings, trail, final=False) or _lost(state, attempt, findings, trail)
        if found:
            if problems is not None:
                problems.extend(found)
            return None
        return _State(candidate, findings, trail, state.fixed + tuple(f for _, found in attempt for f in found))

    def one_pass(self, state: _State, chosen: list[tuple[Fix, list[Finding]]], refused: set[Key]) -> _State | None:
        """The state after a pass applying `chosen`, adding to `refused` the fixes that gain a finding."""
        problems: list[str] = []
        applied = self.attempt(state, chosen, problems) if len(chosen) > 1 else None
        if applied is not None:
            return applied
        # The pass as a whole gains a finding: first without the fixes at the places it was gained (one
        # more check), which are then refused; only if that still fails is each fix tried alone.
        implicated = _implicated(state, chosen, problems) if problems else set()
        if 0 < len(implicated) < len(chosen):
            rest = [one for index, one in enumerate(chosen) if index not in implicated]
            applied = self.attempt(state, rest)
            if applied is not None:
                # One culprit is refused; several wait for the next pass, which tries them on their own.
                if len(implicated) == 1:
                    refused.update(state.trail.key(finding) for finding in chosen[implicated.pop()][1])
                return applied
        # The pass as a whole gains a finding: each fix alone, the failing ones refused, then the good
        # ones together (or the first alone, should they interact).
        alone = [(one, self.attempt(state, [one])) for one in chosen]
        for (_, found), after in alone:
            if after is None:
                refused.update(state.trail.key(finding) for finding in found)
        good = [one for one, after in alone if after is not None]
        applied = self.attempt(state, good) if len(good) > 1 else None
        if applied is None and good:
            applied = next(after for _, after in alone if after is not None)
        return applied


def fix_text(
    text: str,
    filename: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    context: object = None,
    *,
    unsafe: bool = False,
    findings: tuple[Finding, ...] | None = None,
) -> FixResult:
    """Apply the safe fixes (and the unsafe ones when `unsafe`) to `text` until nothing fixable is left,
    at most MAX_PASSES passes. `findings` are `text`'s own, when the caller has checked it already (with the
    same settings and context): each text is checked once."""

    def check(candidate: str) -> tuple[Finding, ...]:
        return check_source(candidate, filename, settings, context)  # type: ignore[arg-type]

    original = check(text) if findings is None else findings
    if any(finding.rule == "C01" for finding in original):
        return FixResult(text, (), original, original)
    known = frozenset((finding.rule, finding.pointer.casefold()) for finding in original)
    fixing = _Fixing(check, known, unsafe, _crowded(original))
    states = [_State(text, original, _Trail(), ())]
    refused: set[Key] = set()
    for _ in range(MAX_PASSES):
        state = states[-1]
        candidates = [f for f in state.findings if fixing.offered(f) and state.trail.key(f) not in refused]
        chosen = non_overlapping(candidates)
        if not chosen:
            break
        applied = fixing.one_pass(state, chosen, refused)
        if applied is not None:
            states.append(applied)
    # A chain of fixes that could not be finished is undone back to the last text that gains nothing.
    while len(states) > 1 and fixing.new(states[-1].findings, states[-1].trail, final=True):
        states.pop()
    last = states[-1]
    # A fix that was refused is not offered as one.
    remaining = tuple(
        attrs.evolve(finding, fix=None) if last.trail.key(finding) in refused else finding for finding in last.findings
    )
    return FixResult(last.text, last.fixed, remaining, original)


@attrs.frozen
class _State:
    text: str
    findings: tuple[Finding, ...]
    trail: _Trail
    fixed: tuple[Finding, ...]
