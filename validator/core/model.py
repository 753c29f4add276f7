"""A request document seen through its documented field names.

Keys match the documented names case-insensitively and `null` members count as absent (docs/decisions.md#key-case,
#null-is-absent); what does not match is kept aside for the key-spelling rules.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import attrs

from validator.readers.records import DuplicateKey, YamlReading, child_pointer
from validator.schema import schemas

Path = tuple[str | int, ...]

# dataDisks entries checked one by one: twice the API's 64 (C38 reports the true count of a longer list).
# Past them, every entry would only repeat C38's answer at the cost of time and memory per entry
# (docs/decisions.md#bounded-work).
MAX_CHECKED_ENTRIES = 128


class Entries(list[object]):
    """The first MAX_CHECKED_ENTRIES entries of a longer dataDisks list; `total` is how many it has."""

    total: int = 0


TOP_FIELDS = schemas.property_names(schemas.PARAMETERS)
ENTRY_FIELDS = schemas.property_names(schemas.ENTRY)
DISK_FIELDS = schemas.property_names(schemas.DISK)
# A cloudDiskSpec member holding its Go zero value is read as not given, like null (docs/decisions.md#zero-values).
ZERO_VALUES: Mapping[str, object] = {
    "az": "",
    "name": "",
    "description": "",
    "policyId": "",
    "diskType": "",
    "snapshotId": "",
    "diskSizeGB": 0,
}


def is_zero(name: str, value: object) -> bool:
    """Whether `value` is the zero value that member `name` of a cloudDiskSpec is read as not given for."""
    if name not in ZERO_VALUES or isinstance(value, bool):
        return False
    zero = ZERO_VALUES[name]
    return type(value) is type(zero) and value == zero


@attrs.frozen
class Member:
    """An object member as written: its key, pointer and value."""

    key: str
    pointer: str
    value: object


@attrs.frozen
class Obj:
    """An object whose known members are indexed by their documented (canonical) names."""

    pointer: str
    members: Mapping[str, Member]
    # Members written with a zero value read as not given (cloudDiskSpec only), by canonical name.
    zeros: Mapping[str, Member] = attrs.field(factory=dict)

    def get(self, name: str) -> object:
        member = self.members.get(name)
        return None if member is None else member.value

    def __contains__(self, name: object) -> bool:
        return name in self.members


@attrs.frozen
class KeyNote:
    """A key that is not written as documented: another case, unknown, or a case-variant duplicate."""

    member: Member
    known: tuple[str, ...]
    canonical: str | None = None
    earlier: Member | None = None


@attrs.frozen
class Entry:
    """One object entry of dataDisks, with its cloudDiskSpec when that is an object."""

    index: int
    obj: Obj
    disk: Obj | None
    # Whether the entry leaves its disk out of the image (noDevice: true); most rules ask, so it is kept.
    excluded: bool = attrs.field(init=False)

    @excluded.default
    def _excluded(self) -> bool:
        return self.obj.get("noDevice") is True

    @property
    def device(self) -> str | None:
        """The deviceName, when it is a string."""
        value = self.obj.get("deviceName")
        return value if isinstance(value, str) else None


@attrs.frozen
class Request:
    """The normalised request: indexed objects for the rules, and a clean tree for the schema."""

    root: Obj
    entries: tuple[Entry, ...]
    clean: Mapping[str, object]
    variants: tuple[KeyNote, ...] = ()
    unknown: tuple[KeyNote, ...] = ()
    case_duplicates: tuple[KeyNote, ...] = ()
    duplicates: tuple[DuplicateKey, ...] = ()
    # YAML only: scalars YAML 1.1 and 1.2 read differently (C06), and plain numbers as written, by pointer.
    readings: tuple[YamlReading, ...] = ()
    number_texts: Mapping[str, str] = attrs.field(factory=dict)
    # Entries that describe a disk: a cloudDiskSpec object on an entry that does not exclude it.
    specs: tuple[tuple[Entry, Obj], ...] = attrs.field(init=False)

    @specs.default
    def _specs(self) -> tuple[tuple[Entry, Obj], ...]:
        return tuple((entry, entry.disk) for entry in self.entries if entry.disk is not None and not entry.excluded)

    @property
    def omitted_entries(self) -> int:
        """How many dataDisks entries past MAX_CHECKED_ENTRIES are not checked one by one."""
        disks = self.clean.get("dataDisks")
        return disks.total - len(disks) if isinstance(disks, Entries) else 0

    @property
    def has_path_parameters(self) -> bool:
        return "regionId" in self.root or "instanceId" in self.root

    def pointer_of(self, path: Path) -> str:
        """The written pointer of a clean-tree path (the nearest known ancestor for a deeper one)."""
        if not path or path[0] not in self.root.members:
            return ""
        member = self.root.members[str(path[0])]
        if path[0] != "dataDisks" or len(path) < 2 or not isinstance(path[1], int):
            return member.pointer
        entry = next((entry for entry in self.entries if entry.index == path[1]), None)
        if entry is None or len(path) < 3:  # a non-object entry, or the entry itself
            return child_pointer(member.pointer, path[1])
        inner = entry.obj.members.get(str(path[2]))
        if inner is None:
            return entry.obj.pointer
        if path[2] != "cloudDiskSpec" or len(path) < 4 or entry.disk is None:
            return inner.pointer
        leaf = entry.disk.members.get(str(path[3]))
        return inner.pointer if leaf is None else leaf.pointer


@functools.cache
def _exact(fields: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fields)


@functools.cache
def _folded(fields: tuple[str, ...]) -> dict[str, str]:
    """Documented names by their case-folded spelling; built once per object kind, not per object."""
    return {name.casefold(): name for name in fields}


class _Normaliser:
    def __init__(self) -> None:
        self.variants: list[KeyNote] = []
        self.unknown: list[KeyNote] = []
        self.case_duplicates: list[KeyNote] = []

    def obj(
        self, value: Mapping[str, object], pointer: str, fields: tuple[str, ...]
    ) -> tuple[Obj, Mapping[str, object]]:
        """The indexed object and its clean form: `value` itself when every key is written as documented
        and none is null (the common case, which needs no copy), else a copy without what the API drops."""
        exact = _exact(fields)
        members: dict[str, Member] = {}
        for key, item in value.items():
            if key not in exact:
                return self._obj_noting_keys(value, pointer, fields)
            if item is not None:
                members[key] = Member(key, pointer + "/" + key, item)
        obj = Obj(pointer, members)
        if len(members) == len(value):
            return obj, value
        return obj, {key: member.value for key, member in members.items()}

    def _obj_noting_keys(
        self, value: Mapping[str, object], pointer: str, fields: tuple[str, ...]
    ) -> tuple[Obj, Mapping[str, object]]:
        by_fold = _folded(fields)
        members: dict[str, Member] = {}
        seen: dict[str, Member] = {}
        clean: dict[str, object] = {}
        for key, item in value.items():
            member = Member(
                key, f"{pointer}/{key}" if "~" not in key and "/" not in key else child_pointer(pointer, key), item
            )
            folded = key.casefold()
            if folded in seen:
                self.case_duplicates.append(KeyNote(member, fields, earlier=seen[folded]))
            seen[folded] = member
            canonical = by_fold.get(folded)
            if canonical is None:
                if item is not None:
                    self.unknown.append(KeyNote(member, fields))
                continue
            if canonical != key:
                self.variants.append(KeyNote(member, fields, canonical))
            if item is None:
                members.pop(canonical, None)
                clean.pop(canonical, None)
                continue
            members[canonical] = member
            clean[canonical] = item
        return Obj(pointer, members), clean

    def request(
        self,
        root: Mapping[str, object],
        duplicates: tuple[DuplicateKey, ...],
        readings: tuple[YamlReading, ...],
        number_texts: Mapping[str, str],
    ) -> Request:
        top, clean = self.obj(root, "", TOP_FIELDS)
        entries: list[Entry] = []
        disks = top.members.get("dataDisks")
        if disks is not None and isinstance(disks.value, list):
            written = disks.value
            clean_disks: list[object] = []
            if len(written) > MAX_CHECKED_ENTRIES:
                clean_disks = Entries()
                clean_disks.total = len(written)
                written = written[:MAX_CHECKED_ENTRIES]
            for index, item in enumerate(written):
                if not isinstance(item, dict):
                    clean_disks.append(item)
                    continue
                entry, clean_entry = self.obj(item, f"{disks.pointer}/{index}", ENTRY_FIELDS)
                disk: Obj | None = None
                spec = entry.members.get("cloudDiskSpec")
                if spec is not None and isinstance(spec.value, dict):
                    disk, clean_spec = _without_zeros(*self.obj(spec.value, spec.pointer, DISK_FIELDS))
                    if clean_spec is not spec.value:
                        clean_entry = {**clean_entry, "cloudDiskSpec": clean_spec}
                entries.append(Entry(index, entry, disk))
                clean_disks.append(clean_entry)
            # Copy on write: the written tree is reused wherever it is already clean.
            if written is not disks.value or any(new is not old for new, old in zip(clean_disks, written, strict=True)):
                clean = {**clean, "dataDisks": clean_disks}
        return Request(
            top,
            tuple(entries),
            clean,
            tuple(self.variants),
            tuple(self.unknown),
            tuple(self.case_duplicates),
            duplicates,
            readings,
            number_texts,
        )


def _without_zeros(disk: Obj, clean: Mapping[str, object]) -> tuple[Obj, Mapping[str, object]]:
    """A cloudDiskSpec with its zero-valued members set aside: neither the rules nor the schema see them
    (docs/decisions.md#zero-values); the rules that report a missing member point at them."""
    zeros = {name: member for name, member in disk.members.items() if is_zero(name, member.value)}
    if not zeros:
        return disk, clean
    members = {name: member for name, member in disk.members.items() if name not in zeros}
    return Obj(disk.pointer, members, zeros), {key: value for key, value in clean.items() if key not in zeros}


def normalise(
    root: Mapping[str, object],
    duplicates: tuple[DuplicateKey, ...] = (),
    readings: tuple[YamlReading, ...] = (),
    number_texts: Mapping[str, str] | None = None,
) -> Request:
    """Index `root` by documented names; `duplicates` are the reader's exactly repeated keys, `readings`
    and `number_texts` what the YAML reader noted about plain scalars."""
    return _Normaliser().request(root, duplicates, readings, number_texts or {})
