"""What the path-parameter rules share: the forms of a region id and an instance id."""

from __future__ import annotations

import re

from validator.schema import schemas

KNOWN_REGIONS = ("cn-north-1", "cn-east-1", "cn-east-2", "cn-south-1", "cn-southwest-1")
# The schema's pattern (C10), searched as the schema searches it: it matches the whole value.
REGION_PATTERN = re.compile(schemas.load(schemas.PARAMETERS)["properties"]["regionId"]["pattern"])
INSTANCE_PATTERN = re.compile(r"i-[a-z0-9]+")
# Every public instance id is "i-" and ten characters.
INSTANCE_SUFFIX_LENGTH = 10
