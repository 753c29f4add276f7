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


# What editors show on hover speaks to users: the schemas' notes for their maintainers ($comment) stay out.
SCHEMA_MEMBER = {
    "type": "string",
    "description": "The JSON Schema an editor checks this file against. The API does not read it: leave it out of "
    "the request you send (jdcloud-preflight reports it as an info).",
}


def _local(node: Any) -> Any:
    """`node` with every reference to a shipped schema turned into a reference inside the bundle, and the
    `$comment` notes dropped."""
    if isinstance(node, dict):
        result = {}
        for key, value in node.items():
            if key == "$comment":
                continue
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
    # The editor hint the documentation recommends (docs/editors.md): allowed at the top level.
    root["properties"] = {"$schema": SCHEMA_MEMBER, **root["properties"]}
    definitions = {}
    for name, file in _PARTS.items():
        part = _local(copy.deepcopy(schemas.load(file)))
        part.pop("$id", None)  # an inner $id would change how references resolve
        definitions[name] = part
    root["$defs"] = definitions
    return root
