"""Plain JSON values from the JD Cloud SDK's request and model objects, read by their attributes.

The SDK serialises a request body as `json.dumps(parameters, default=lambda o: o.__dict__)`; this does the
same walk without importing the SDK (it is not a dependency).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from validator.readers.records import MAX_DEPTH, MAX_NODES


class Unreadable(ValueError):
    """The object cannot be read as plain values: too deep, too large, or reading it raises."""


class TooDeep(Unreadable):
    """The object graph is deeper than any request (or cyclic)."""


class TooLarge(Unreadable):
    """The object graph expands to more values than any request: shared sub-objects (`x = [x, x]` nested)
    would otherwise be walked once per path, exponentially often."""


def plain(value: object) -> object:
    """`to_plain(value)`, with any exception that reading a foreign object raises (a property, a
    `__getattr__`, a key's `__str__`) turned into Unreadable with the reason."""
    try:
        return to_plain(value)
    except Unreadable:
        raise
    except Exception as exc:
        raise Unreadable(f"reading the object raised {type(exc).__name__}: {_text(exc)}") from None


def plain_request(request: object) -> object:
    """`plain(request_parameters(request))`, raising only Unreadable."""
    try:
        parameters = request_parameters(request)
    except Exception as exc:
        raise Unreadable(f"reading the object raised {type(exc).__name__}: {_text(exc)}") from None
    return plain(parameters)


def _text(exc: BaseException) -> str:
    try:
        return str(exc)
    except Exception:  # an exception whose message itself cannot be made
        return "(no message)"


def request_parameters(request: object) -> object:
    """The parameters of a `CreateImageRequest` (any object with `parameters` and `method`), else itself."""
    if not isinstance(request, Mapping) and hasattr(request, "parameters") and hasattr(request, "method"):
        return request.parameters
    return request


_SCALARS = frozenset({str, int, float, bool, type(None)})
_STR = frozenset({str})


def plain_scalar(value: object) -> object:
    """A str, int or float subclass (an enum member, a hostile type whose comparisons, hash or `__str__`
    raise) as the plain value it holds, read by the base type's own methods, never the subclass's; other
    values as they are."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):
        return int.__int__(value)
    if isinstance(value, float):
        return float.__float__(value)
    return value


def _key(key: object) -> str:
    """A mapping's key as plain text: a str subclass read as str, anything else by its `str()`."""
    return str.__str__(key) if isinstance(key, str) else str(key)


def _count(budget: list[int]) -> None:
    budget[0] += 1
    if budget[0] > MAX_NODES:
        raise TooLarge(f"the request expands to more than {MAX_NODES} objects and arrays (shared sub-objects?)")


def _converted(container: Any, items: Iterable[tuple[Any, object]], depth: int, budget: list[int]) -> Any:
    """`container` itself when its children need no conversion, else a converted copy (copy on write).
    The set test runs in C, so plain data costs no Python-level step per leaf."""
    children = container.values() if isinstance(container, dict) else container
    if _SCALARS.issuperset(map(type, children)):
        return container
    copy = None
    for key, item in items:
        if type(item) in _SCALARS:
            continue
        new = to_plain(item, depth + 1, budget)
        if new is not item:
            if copy is None:
                copy = dict(container) if isinstance(container, dict) else list(container)
            copy[key] = new
    return container if copy is None else copy


def to_plain(value: object, depth: int = 0, budget: list[int] | None = None) -> object:
    """JSON-like values: mappings and attribute objects become dicts, sequences lists; raises TooDeep.

    Plain JSON data comes back as itself, uncopied (the common case of a dict request), and scalar leaves
    are passed over without a call: this runs on every in-process check.
    """
    kind = type(value)
    if kind in _SCALARS:
        return value
    if isinstance(value, (str, int, float)):
        return plain_scalar(value)
    if depth > MAX_DEPTH:
        raise TooDeep(f"the request nests deeper than {MAX_DEPTH} levels (does an object contain itself?)")
    if budget is None:
        budget = [0]
    _count(budget)
    if kind is dict:
        assert isinstance(value, dict)
        if not _STR.issuperset(map(type, value)):
            return {_key(key): to_plain(item, depth + 1, budget) for key, item in value.items()}
        return _converted(value, value.items(), depth, budget)
    if kind is list:
        assert isinstance(value, list)
        return _converted(value, enumerate(value), depth, budget)
    if isinstance(value, Mapping):
        return {_key(key): to_plain(item, depth + 1, budget) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(item, depth + 1, budget) for item in value]
    attributes = getattr(value, "__dict__", None)
    if isinstance(attributes, dict):
        return {_key(key): to_plain(item, depth + 1, budget) for key, item in attributes.items()}
    return value
