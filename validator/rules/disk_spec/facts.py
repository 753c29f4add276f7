"""What the cloudDiskSpec rules share: disk types, size and IOPS limits, the fixes that keep a value within
them, and the disk an entry describes."""

from __future__ import annotations

from typing import NamedTuple

from validator.core.model import Entry, Obj, Request
from validator.rules.base import Given, is_int
from validator.rules.instance.facts import instance_for
from validator.schema import schemas

DISK_TYPES = ("ssd.gp1", "ssd.io1", "hdd.std1")
LEGACY_DISK_TYPES = {"ssd": ("ssd.gp1", "ssd.io1"), "premium-hdd": ("hdd.std1", "ssd.gp1")}
UNLISTED_DISK_TYPES = ("ssd.gp2", "ssd.io2")
# The data-disk size range is the schema's (C43); the step exists only here. The maximum depends on the type:
# the listed types' in the schema's `else`, ssd.gp2 and ssd.io2's in its `then` (docs/decisions.md#gp2-io2-sizes).
_DISK_SCHEMA = schemas.load(schemas.DISK)
SIZE_MIN: int = _DISK_SCHEMA["properties"]["diskSizeGB"]["minimum"]
SIZE_MAX: int = _DISK_SCHEMA["else"]["properties"]["diskSizeGB"]["maximum"]
UNLISTED_SIZE_MAX: int = _DISK_SCHEMA["then"]["properties"]["diskSizeGB"]["maximum"]
SIZE_STEP = 10
# ssd.io1 IOPS (C45): at least IOPS_MIN, at most min(IOPS_CAP, size × IOPS_PER_GB), in steps of IOPS_STEP;
# without iops the API gives size × IOPS_DEFAULT_PER_GB.
IOPS_MIN, IOPS_CAP, IOPS_STEP, IOPS_PER_GB, IOPS_DEFAULT_PER_GB = 200, 32000, 10, 50, 30


def size_max(kind: object) -> int:
    """The largest diskSizeGB of a data disk of type `kind` (C43)."""
    return UNLISTED_SIZE_MAX if kind in UNLISTED_DISK_TYPES else SIZE_MAX


def fixed_size(size: int, maximum: int = SIZE_MAX) -> int:
    """The size an out-of-step or out-of-range diskSizeGB evidently meant: rounded up to the step, then
    kept within the range (C43), whose maximum depends on the disk's type."""
    rounded = -(-size // SIZE_STEP) * SIZE_STEP
    return min(max(rounded, SIZE_MIN), maximum)


def fixed_iops(iops: int, size: object) -> int:
    """An ssd.io1 iops rounded to the nearest step and kept within its range for the disk's size (C45);
    the size counts as fixed_size would make it."""
    rounded = (iops + IOPS_STEP // 2) // IOPS_STEP * IOPS_STEP
    maximum = min(IOPS_CAP, fixed_size(size) * IOPS_PER_GB) if is_int(size) else IOPS_CAP  # type: ignore[arg-type]
    return max(IOPS_MIN, min(rounded, maximum))


def case_variant(kind: object) -> bool:
    """A listed disk type written in another case (SSD.IO1): C41's alone."""
    return isinstance(kind, str) and kind not in DISK_TYPES and kind.lower() in DISK_TYPES


class DiskFacts(NamedTuple):
    """The type and size of the disk an entry describes, and the device whose description supplied either."""

    kind: object
    size: object
    described: str | None = None


def disk_facts(request: Request, given: Given, entry: Entry, disk: Obj) -> DiskFacts:
    """diskType and diskSizeGB as written; an entry that adjusts an attached cloud disk takes those it omits
    from the instance description (docs/decisions.md#adjusted-disk-facts)."""
    kind, size = disk.get("diskType"), disk.get("diskSizeGB")
    if (kind is not None and size is not None) or "snapshotId" in disk or entry.device is None:
        return DiskFacts(kind, size)
    instance = instance_for(request, given)
    attached = None if instance is None else instance.attached(entry.device)
    if attached is None or not attached.is_cloud:
        return DiskFacts(kind, size)
    return DiskFacts(
        attached.disk_type if kind is None else kind,
        attached.size_gb if size is None else size,
        entry.device if (kind is None and attached.disk_type) or (size is None and attached.size_gb) else None,
    )
