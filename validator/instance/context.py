"""What is known about the instance a request is for: its describeInstance, describeSnapshots and
describeQuotas answers, and the disk service's describeQuota answer for snapshots, read from parsed
JSON/YAML or from the JD Cloud SDK's model objects.

Reading is strict about shape (a wrong file is a clear ContextError, never a silent empty context) and
lenient about extra members (responses carry many the checks do not need).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from validator.core.messages import quote
from validator.readers.sdk_objects import Unreadable, plain


class ContextError(ValueError):
    """A context document of the wrong shape; the message says what was expected."""


@attrs.frozen
class Attachment:
    """A disk attached to the instance (an InstanceDiskAttachment)."""

    device_name: str | None
    category: str | None  # "local" or "cloud"
    status: str | None  # attachment status: attached, attaching, detaching, …
    disk_id: str | None = None
    disk_status: str | None = None  # the cloud disk's own status: in-use, extending, …
    size_gb: int | None = None
    disk_type: str | None = None
    charge_mode: str | None = None  # the cloud disk's charge.chargeMode: postpaid_by_duration, prepaid_by_duration, …
    multi_attachable: bool | None = None

    @property
    def is_cloud(self) -> bool:
        return self.category != "local"


@attrs.frozen
class Instance:
    instance_id: str | None
    status: str | None
    system_disk: Attachment | None
    data_disks: tuple[Attachment, ...] = ()

    def attached(self, device: str) -> Attachment | None:
        return next((disk for disk in self.data_disks if disk.device_name == device), None)


@attrs.frozen
class Snapshot:
    snapshot_id: str
    size_gb: int | None
    status: str | None = None
    encrypted: bool | None = None


@attrs.frozen
class Quota:
    resource_type: str
    limit: int | None
    used: int | None


@attrs.frozen
class SnapshotQuota:
    """The disk service's snapshot quota (its describeQuota answer for type=snapshot)."""

    limit: int | None
    used: int | None


@attrs.frozen
class Context:
    """Immutable facts about the instance; each part is None when it was not given."""

    instance: Instance | None = None
    snapshots: tuple[Snapshot, ...] | None = None
    quotas: tuple[Quota, ...] | None = None
    snapshot_quota: SnapshotQuota | None = None

    @classmethod
    def from_describe_instance(cls, data: object) -> Context:
        """From the describeInstance answer (`{"result": {"instance": {...}}}`, or the instance alone), or an
        SDK `Instance` object."""
        return cls(instance=parse_instance(data))

    @classmethod
    def from_describe_snapshots(cls, data: object) -> Context:
        return cls(snapshots=parse_snapshots(data))

    @classmethod
    def from_describe_quotas(cls, data: object) -> Context:
        return cls(quotas=parse_quotas(data))

    @classmethod
    def from_describe_snapshot_quota(cls, data: object) -> Context:
        """From the disk service's describeQuota answer for type=snapshot (`{"result": {"quota": {"limit": N,
        "used": N}}}`, or the quota alone), or the SDK's `Quota` object."""
        return cls(snapshot_quota=parse_snapshot_quota(data))

    @classmethod
    def from_sdk(
        cls,
        instance: object = None,
        snapshots: Sequence[object] | None = None,
        quotas: Sequence[object] | None = None,
        snapshot_quota: object = None,
    ) -> Context:
        """From the SDK's model objects (`Instance`, `Snapshot`, `Quota`, the disk service's `Quota`), read by
        attribute."""
        return cls(
            instance=None if instance is None else parse_instance(instance),
            snapshots=None if snapshots is None else parse_snapshots(_listed(snapshots, "snapshots")),
            quotas=None if quotas is None else parse_quotas(_listed(quotas, "quotas")),
            snapshot_quota=None if snapshot_quota is None else parse_snapshot_quota(snapshot_quota),
        )

    def merged(self, other: Context) -> Context:
        """This context with the parts `other` gives."""
        return Context(
            instance=other.instance or self.instance,
            snapshots=other.snapshots if other.snapshots is not None else self.snapshots,
            quotas=other.quotas if other.quotas is not None else self.quotas,
            snapshot_quota=other.snapshot_quota or self.snapshot_quota,
        )


def _listed(items: Sequence[object], what: str) -> list[object]:
    try:
        return list(items)
    except Exception as exc:  # an SDK-like sequence whose iteration raises
        raise ContextError(f"cannot read the {what}: iterating them raised {type(exc).__name__}: {exc}") from None


def _plain(data: object) -> object:
    try:
        return plain(data)
    except Unreadable as exc:
        raise ContextError(str(exc)) from None


def _unwrap(data: object, key: str, what: str) -> object:
    """`data["result"][key]` of a describe answer, or `data` itself when it is already that part."""
    plain = _plain(data)
    if isinstance(plain, Mapping) and isinstance(plain.get("result"), Mapping):
        result = plain["result"]
        if key not in result:
            raise ContextError(f"expected {what}: the answer's result has no {key!r}")
        return result[key]
    if isinstance(plain, Mapping) and key in plain and not isinstance(plain.get(key), (str, int)):
        return plain[key]
    return plain


def _member(data: Mapping[str, Any], key: str, where: str, kind: type, words: str) -> Any:
    """`data[key]`, None when absent or null; a value of another type makes the context invalid
    (docs/decisions.md#context-types), never silently skipped."""
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ContextError(f"expected {where}{key} to be {words}, not {quote(value)}")
    return value


def _text(data: Mapping[str, Any], key: str, where: str = "") -> str | None:
    value: str | None = _member(data, key, where, str, "a string")
    return value


def _int(data: Mapping[str, Any], key: str, where: str = "") -> int | None:
    value: int | None = _member(data, key, where, int, "an integer")
    return value


def _bool(data: Mapping[str, Any], key: str, where: str = "") -> bool | None:
    value: bool | None = _member(data, key, where, bool, "true or false")
    return value


def _attachment(data: object, where: str) -> Attachment:
    if not isinstance(data, Mapping):
        raise ContextError(f"expected {where} to be an InstanceDiskAttachment object")
    category = _text(data, "diskCategory", f"{where}.")
    cloud: Mapping[str, Any] = data.get("cloudDisk") or {}
    local: Mapping[str, Any] = data.get("localDisk") or {}
    if not isinstance(cloud, Mapping) or not isinstance(local, Mapping):
        raise ContextError(f"expected {where}.cloudDisk and {where}.localDisk to be objects or null")
    if category is None:
        category = "local" if local and not cloud else "cloud"
    disk = cloud if category == "cloud" else local
    inner = f"{where}.{'cloudDisk' if category == 'cloud' else 'localDisk'}."
    charge = disk.get("charge") or {}
    if not isinstance(charge, Mapping):
        raise ContextError(f"expected {inner}charge to be an object or null, not {quote(charge)}")
    return Attachment(
        device_name=_text(data, "deviceName", f"{where}."),
        category=category,
        status=_text(data, "status", f"{where}."),
        disk_id=_text(disk, "diskId", inner),
        disk_status=_text(disk, "status", inner),
        size_gb=_int(disk, "diskSizeGB", inner),
        disk_type=_text(disk, "diskType", inner),
        charge_mode=_text(charge, "chargeMode", f"{inner}charge."),
        multi_attachable=_bool(disk, "multiAttachable", inner),
    )


def parse_instance(data: object) -> Instance:
    what = 'a describeInstance answer {"result": {"instance": {...}}} or an instance object'
    instance = _unwrap(data, "instance", what)
    if not isinstance(instance, Mapping) or not ("instanceId" in instance or "status" in instance):
        raise ContextError(f"expected {what} with instanceId and status")
    system = instance.get("systemDisk")
    disks = instance.get("dataDisks") or []
    if not isinstance(disks, list):
        raise ContextError("expected the instance's dataDisks to be an array")
    return Instance(
        instance_id=_text(instance, "instanceId", "instance."),
        status=_text(instance, "status", "instance."),
        system_disk=None if system is None else _attachment(system, "systemDisk"),
        data_disks=tuple(_attachment(disk, f"dataDisks[{i}]") for i, disk in enumerate(disks)),
    )


def _items(data: object, key: str, what: str) -> list[Mapping[str, Any]]:
    items = _unwrap(data, key, what)
    if not isinstance(items, list) or not all(isinstance(item, Mapping) for item in items):
        raise ContextError(f"expected {what}")
    return items


def parse_snapshots(data: object) -> tuple[Snapshot, ...]:
    what = 'a describeSnapshots answer {"result": {"snapshots": [...]}} or a list of snapshots'
    snapshots = []
    for index, item in enumerate(_items(data, "snapshots", what)):
        if not isinstance(item.get("snapshotId"), str):
            raise ContextError(f"expected every snapshot to have a snapshotId string ({what})")
        where = f"snapshots[{index}]."
        snapshots.append(
            Snapshot(
                item["snapshotId"],
                _int(item, "snapshotSizeGB", where),
                _text(item, "status", where),
                _bool(item, "encrypted", where),
            )
        )
    return tuple(snapshots)


def parse_quotas(data: object) -> tuple[Quota, ...]:
    what = 'a describeQuotas answer {"result": {"quotas": [...]}} or a list of quotas'
    quotas = []
    for index, item in enumerate(_items(data, "quotas", what)):
        if not isinstance(item.get("resourceType"), str):
            raise ContextError(f"expected every quota to have a resourceType string ({what})")
        where = f"quotas[{index}]."
        quotas.append(Quota(item["resourceType"], _int(item, "limit", where), _int(item, "used", where)))
    return tuple(quotas)


def parse_snapshot_quota(data: object) -> SnapshotQuota:
    what = 'a describeQuota answer for snapshots {"result": {"quota": {"limit": N, "used": N}}} or a quota object'
    quota = _unwrap(data, "quota", what)
    if not isinstance(quota, Mapping) or "limit" not in quota or "used" not in quota:
        raise ContextError(f"expected {what} with limit and used")
    return SnapshotQuota(_int(quota, "limit", "quota."), _int(quota, "used", "quota."))
