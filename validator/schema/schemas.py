"""The JSON Schemas shipped with the package, loaded once through importlib.resources."""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.abc import Traversable

SCHEMA_FILES = (
    "create-image-parameters.schema.json",
    "create-image-body.schema.json",
    "instance-disk-attachment-spec.schema.json",
    "disk-spec.schema.json",
    "config.schema.json",
)
PARAMETERS = "create-image-parameters.schema.json"
BODY = "create-image-body.schema.json"
ENTRY = "instance-disk-attachment-spec.schema.json"
DISK = "disk-spec.schema.json"
CONFIG = "config.schema.json"


def schema_dir() -> Traversable:
    """Where the schemas are: inside the installed package, or `schemas/` of a source checkout."""
    packaged = resources.files("validator").joinpath("schemas")
    if packaged.is_dir():
        return packaged
    # An editable install or a source checkout: the package's sibling folder is the single copy.
    return Path(__file__).resolve().parents[2] / "schemas"


@functools.cache
def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(schema_dir().joinpath(name).read_text(encoding="utf-8"))
    return data


def property_names(name: str) -> tuple[str, ...]:
    return tuple(load(name)["properties"])
