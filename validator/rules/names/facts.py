"""What the name and description rules share: their lengths, as the schemas hold them (C21, C23)."""

from __future__ import annotations

from validator.schema import schemas

_PROPERTIES = schemas.load(schemas.PARAMETERS)["properties"]
NAME_MIN_LENGTH: int = _PROPERTIES["name"]["minLength"]
NAME_MAX_LENGTH: int = _PROPERTIES["name"]["maxLength"]
DESCRIPTION_MAX_LENGTH: int = _PROPERTIES["description"]["maxLength"]
