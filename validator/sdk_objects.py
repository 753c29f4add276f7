"""Plain JSON values from the JD Cloud SDK's request and model objects, read by their attributes.

The SDK serialises a request body as `json.dumps(parameters, default=lambda o: o.__dict__)`; this does the
same walk without importing the SDK (it is not a dependency).
"""

from __future__ import annotations

from collections.abc import Mapping

from validator.documents import MAX_DEPTH


class TooDeep(ValueError):
    """The object graph is deeper than any request (or cyclic)."""


def request_parameters(request: object) -> object:
    """The parameters of a `CreateImageRequest` (any object with `parameters` and `method`), else itself."""
    if not isinstance(request, Mapping) and hasattr(request, "parameters") and hasattr(request, "method"):
        return request.parameters
    return request


_SCALARS = (str, int, float, bool, type(None))


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
        converted: dict[str, object] = {}
        changed = False
        for key, item in value.items():
            new = item if type(item) in _SCALARS else to_plain(item, depth + 1)
            name = key if type(key) is str else str(key)
            changed = changed or new is not item or name is not key
            converted[name] = new
        return converted if changed else value
    if kind is list:
        assert isinstance(value, list)
        items = [item if type(item) in _SCALARS else to_plain(item, depth + 1) for item in value]
        return items if any(new is not old for new, old in zip(items, value, strict=True)) else value
    if isinstance(value, Mapping):
        return {str(key): to_plain(item, depth + 1) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(item, depth + 1) for item in value]
    attributes = getattr(value, "__dict__", None)
    if isinstance(attributes, dict):
        return {str(key): to_plain(item, depth + 1) for key, item in attributes.items()}
    return value
