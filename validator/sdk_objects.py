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


def to_plain(value: object, depth: int = 0) -> object:
    """JSON-like values: mappings and attribute objects become dicts, sequences lists; raises TooDeep."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if depth > MAX_DEPTH:
        raise TooDeep(f"the request nests deeper than {MAX_DEPTH} levels (does an object contain itself?)")
    if isinstance(value, Mapping):
        return {str(key): to_plain(item, depth + 1) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(item, depth + 1) for item in value]
    attributes = getattr(value, "__dict__", None)
    if isinstance(attributes, dict):
        return {str(key): to_plain(item, depth + 1) for key, item in attributes.items()}
    return value
