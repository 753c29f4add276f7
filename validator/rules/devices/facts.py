"""What the dataDisks rules share: the data-disk slots and how an entry names its device."""

from __future__ import annotations

import functools
import re

from validator.core.model import Entry
from validator.schema import schemas

_VD_NAME = re.compile(r"vd([a-z]+)")
FIRST_SLOT = "vdb"
LAST_SLOT = "vdbm"
# One entry per slot: the schemas' maxItems of dataDisks (C38).
MAX_ENTRIES: int = schemas.load(schemas.PARAMETERS)["properties"]["dataDisks"]["maxItems"]


@functools.lru_cache(maxsize=128)  # the same few names in every request
def slot_number(device: str) -> int | None:
    """The virtio index of a well-formed `vd` name (vda is 1, vdz 26, vdaa 27, …), or None."""
    match = _VD_NAME.fullmatch(device)
    if match is None:
        return None
    number = 0
    for char in match.group(1):
        number = number * 26 + (ord(char) - ord("a") + 1)
    return number


FIRST_INDEX = 2  # vdb: vda is the system disk
LAST_INDEX = 65  # vdbm


def named(entry: Entry) -> tuple[str, str] | None:
    """The pointer and value of an entry's deviceName, when it is a string."""
    member = entry.obj.members.get("deviceName")
    if member is None or not isinstance(member.value, str):
        return None
    return member.pointer, member.value
