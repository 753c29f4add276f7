"""One self-contained JSON Schema of a createImage request, for editors (VS Code's `json.schemas`, the YAML
language server's `$schema` comment): the shipped schemas with every `$ref` pointing inside the document."""

from __future__ import annotations

import copy
from typing import Any

from validator.schema import schemas

BUNDLE_ID = "urn:jdcloud-preflight:schema:create-image-request"
_PREFIX = "urn:jdcloud-preflight:schema:"
# The schemas a request refers to, by the name they get under $defs.
_PARTS = {"instance-disk-attachment-spec": schemas.ENTRY, "disk-spec": schemas.DISK}


def _local(node: Any) -> Any:
    """`node` with every reference to a shipped schema turned into a reference inside the bundle, and the
    parts' own `$id`/`$comment` dropped (an inner `$id` would change how references resolve)."""
    if isinstance(node, dict):
        result = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(_PREFIX):
                name = value.removeprefix(_PREFIX)
                if name not in _PARTS:
                    raise ValueError(f"the bundle has no part for {value}")
                result[key] = f"#/$defs/{name}"
            else:
                result[key] = _local(value)
        return result
    if isinstance(node, list):
        return [_local(item) for item in node]
    return node


def bundled() -> dict[str, Any]:
    """The request schema (parameters form; the body form is the same without the path parameters) with
    its parts under `$defs`."""
    root: dict[str, Any] = _local(copy.deepcopy(schemas.load(schemas.PARAMETERS)))
    root["$id"] = BUNDLE_ID
    root["title"] = "JD Cloud createImage request (jdcloud-preflight)"
    definitions = {}
    for name, file in _PARTS.items():
        part = _local(copy.deepcopy(schemas.load(file)))
        part.pop("$id", None)
        part.pop("$comment", None)
        definitions[name] = part
    root["$defs"] = definitions
    return root
