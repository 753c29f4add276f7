"""Plain JSON values from the JD Cloud SDK's request and model objects, read by their attributes.

The SDK serialises a request body as `json.dumps(parameters, default=lambda o: o.__dict__)`; this does the
same walk without importing the SDK (it is not a dependency).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from validator.readers.records import MAX_DEPTH


class TooDeep(ValueError):
    """The object graph is deeper than any request (or cyclic)."""


def request_parameters(request: object) -> object:
    """The parameters of a `CreateImageRequest` (any object with `parameters` and `method`), else itself."""
    if not isinstance(request, Mapping) and hasattr(request, "parameters") and hasattr(request, "method"):
        return request.parameters
    return request


_SCALARS = frozenset({str, int, float, bool, type(None)})
_STR = frozenset({str})


def _converted(container: Any, items: Iterable[tuple[Any, object]], depth: int) -> Any:
    """`container` itself when its children need no conversion, else a converted copy (copy on write).
    The set test runs in C, so plain data costs no Python-level step per leaf."""
    children = container.values() if isinstance(container, dict) else container
    if _SCALARS.issuperset(map(type, children)):
        return container
    copy = None
    for key, item in items:
        if type(item) in _SCALARS:
            continue
        new = to_plain(item, depth + 1)
        if new is not item:
            if copy is None:
                copy = dict(container) if isinstance(container, dict) else list(container)
            copy[key] = new
    return container if copy is None else copy


def to_plain(value: object, depth: int = 0) -> object:
    """JSON-like values: mappings and attribute objects become dicts, sequences lists; raises TooDeep.

    Plain JSON data comes back as itself, uncopied (the common case of a dict request), and scalar leaves
    are passed over without a call: this runs on every in-process check.
    """
    kind = type(value)
    if kind in _SCALARS or isinstance(value, (str, int, float)):
        return value
    if depth > MAX_DEPTH:
        raise TooDeep(f"the request nests deeper than {MAX_DEPTH} levels (does an object contain itself?)")
    if kind is dict:
        assert isinstance(value, dict)
        if not _STR.issuperset(map(type, value)):
            return {str(key): to_plain(item, depth + 1) for key, item in value.items()}
        return _converted(value, value.items(), depth)
    if kind is list:
        assert isinstance(value, list)
        return _converted(value, enumerate(value), depth)
    if isinstance(value, Mapping):
        return {str(key): to_plain(item, depth + 1) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(item, depth + 1) for item in value]
    attributes = getattr(value, "__dict__", None)
    if isinstance(attributes, dict):
        return {str(key): to_plain(item, depth + 1) for key, item in attributes.items()}
    return value
