"""What the rules that read the instance description share: the instance the request is for, and the
disk and snapshot states they compare against."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from validator.core.model import Entry, Request
from validator.rules.base import Given

if TYPE_CHECKING:
    from validator.instance.context import Instance

STEADY_DISK_STATUS = "in-use"
SNAPSHOT_READY = "available"
BUSY_DISK_STATUSES = ("creating", "extending", "restoring", "deleting", "attaching", "detaching", "snapshotting")


def named(instance: Instance) -> str:
    return instance.instance_id or "(no id)"


def instance_for(request: Request, given: Given) -> Instance | None:
    """The described instance, when it is the one the request names (or the request names none)."""
    instance = None if given.context is None else given.context.instance
    if instance is None:
        return None
    requested = request.root.get("instanceId")
    if isinstance(requested, str) and instance.instance_id is not None and requested != instance.instance_id:
        return None
    return instance


def entry_for(request: Request, device: str | None) -> Entry | None:
    return next((entry for entry in request.entries if device is not None and entry.device == device), None)


def snapshot_members(request: Request) -> Iterator[tuple[Entry, str]]:
    for entry in request.entries:
        if entry.disk is None or entry.excluded:
            continue
        value = entry.disk.get("snapshotId")
        if isinstance(value, str) and "*" not in value:  # a masked id is C46's
            yield entry, value
