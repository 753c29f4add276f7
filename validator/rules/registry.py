"""The rules, collected from the modules of the `validator.rules` packages: a rule exists by being defined
at module level in one of them, with no list to add it to. In id order: C, then P, then S, numerically."""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Iterator, Mapping
from types import ModuleType
from typing import TYPE_CHECKING

import attrs

from validator.core.policy import Policy
from validator.rules.base import Available, Given, Rule, runs

if TYPE_CHECKING:
    # Module attributes computed on first use (see __getattr__): the collected rules and what derives from them.
    RULES: tuple[Rule, ...]
    BY_ID: Mapping[str, Rule]
    KNOWN_IDS: str


class DuplicateRule(Exception):
    """Two different rule objects claim one id: which of them runs would depend on the order of modules."""


@attrs.frozen
class Collection:
    rules: tuple[Rule, ...]
    by_id: Mapping[str, Rule]
    known_ids: str
    # The module each rule is defined in, by id (for the rule reference).
    modules: Mapping[str, str]


def _order(rule: Rule) -> tuple[str, int, str]:
    digits = rule.id[1:]
    return (rule.id[:1], int(digits) if digits.isdigit() else 0, rule.id)


def _known_ids(rules: tuple[Rule, ...]) -> str:
    """How rule ids look, for messages: each letter's first and last id."""
    spans = []
    for letter in sorted({rule.id[0] for rule in rules}):
        ids = [rule.id for rule in rules if rule.id.startswith(letter)]
        spans.append(f"{ids[0]}-{ids[-1]}" if len(ids) > 1 else ids[0])
    return "known prefixes: " + ", ".join(spans) + ", or a shorter prefix such as C3 or P"


# An area package whose rules all need a context part, or a policy setting, says so in its `__init__` with
# `COLLECTED_WITH = "context"` (or "policy"): a run with neither collects it only when it asks for every rule
# (docs/performance.md). tests/rules check that every rule of such a package has that need.
Kind = str
KINDS: frozenset[Kind] = frozenset({"context", "policy"})


def _walk(package: ModuleType, skip: frozenset[Kind]) -> Iterator[ModuleType]:
    """The modules under `package`, depth first in name order as `pkgutil.walk_packages` finds them, without
    the packages (and what is under them) whose `COLLECTED_WITH` is in `skip`."""
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        if info.ispkg:
            if getattr(module, "COLLECTED_WITH", None) in skip:
                continue
            yield module
            yield from _walk(module, skip)
        else:
            yield module


def defined_rules(skip: frozenset[Kind] = frozenset()) -> list[tuple[str, Rule]]:
    """Every module-level `Rule` object of every module under `validator.rules` (its `__path__` as it is
    now), each once, with the first module it was found in, in the order the modules were found; without the
    packages collected only with a kind in `skip`."""
    import validator.rules as package

    found: dict[int, tuple[str, Rule]] = {}
    for module in _walk(package, skip):
        for value in vars(module).values():
            if isinstance(value, Rule):
                found.setdefault(id(value), (module.__name__, value))  # a rule imported elsewhere is still one rule
    return list(found.values())


@functools.cache
def collected(skip: frozenset[Kind] = frozenset()) -> Collection:
    """The rules, collected once per process (`clear_cache` collects again); with `skip`, without the
    packages collected only with those kinds (the rules a run without them can use)."""
    by_id: dict[str, Rule] = {}
    modules: dict[str, str] = {}
    for module, rule in defined_rules(skip):
        if rule.id in by_id:
            raise DuplicateRule(
                f"rule id {rule.id} is defined twice: {by_id[rule.id].name} in {modules[rule.id]} and {rule.name} "
                f"in {module}"
            )
        by_id[rule.id], modules[rule.id] = rule, module
    rules = tuple(sorted(by_id.values(), key=_order))
    return Collection(rules, {rule.id: rule for rule in rules}, _known_ids(rules), modules)


def _least() -> Collection:
    """The rules every run can use: a run with no context and no policy needs no more."""
    return collected(KINDS)


def clear_cache() -> None:
    """Forget the collected rules and what was derived from them (for tests that add a rule module)."""
    collected.cache_clear()
    _checks.cache_clear()
    _checks_by_policy.cache_clear()


def __getattr__(name: str) -> object:
    if name == "RULES":
        return collected().rules
    if name == "BY_ID":
        return collected().by_id
    if name == "KNOWN_IDS":
        return collected().known_ids
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _checks(available: Available) -> tuple[Rule, ...]:
    has = {"context": available.context, "policy": available.policy}
    skip = frozenset(kind for kind, parts in has.items() if not parts)
    rules = collected(skip).rules
    return tuple(rule for rule in rules if rule.check is not None and runs(rule, available))


def checks_for(given: Given) -> tuple[Rule, ...]:
    """The rules with a check function that runs with what `given` holds (its policy settings and context
    parts), in id order."""
    if given.context is None:
        try:
            return _checks_by_policy(given.policy)
        except TypeError:  # a policy holding a list (from the Python API) has no hash
            pass
    return _checks(Available.of(given.policy, given.context))


@functools.lru_cache(maxsize=16)
def _checks_by_policy(policy: Policy) -> tuple[Rule, ...]:
    """The checks of a run without a context: the same for every request of a run (looked up once)."""
    return _checks(Available.of(policy, None))


def get(rule_id: str) -> Rule | None:
    """A rule by id, case-insensitively (`c31` finds C31)."""
    rule_id = rule_id.upper()
    return _least().by_id.get(rule_id) or collected().by_id.get(rule_id)


def rule_of(rule_id: str) -> Rule:
    """The rule with this exact id (KeyError if none), as `BY_ID[rule_id]`: every run's rules are looked in
    first, the others collected only for an id that is not among them."""
    rule = _least().by_id.get(rule_id)
    return rule if rule is not None else collected().by_id[rule_id]


def unmatched(prefixes: tuple[str, ...] | list[str]) -> list[str]:
    """The rule id prefixes (or names) that match no rule (a typo such as C4X or zzz); "" matches every rule."""
    rules = collected().rules
    ids = [canonical(prefix).upper() for prefix in prefixes]
    return [prefix for prefix, id_ in zip(prefixes, ids, strict=True) if not any(r.id.startswith(id_) for r in rules)]


def by_name(name: str) -> Rule | None:
    """A rule by its name (`iops-ignored` finds C44), case-insensitively."""
    wanted = name.strip().lower()
    return next((rule for rule in collected().rules if rule.name.lower() == wanted), None)


def canonical(prefix: str) -> str:
    """A rule name as its id; an id or id prefix as written (without surrounding white space)."""
    named = by_name(prefix)
    return named.id if named is not None else prefix.strip()
