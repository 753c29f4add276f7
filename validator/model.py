"""A request document seen through its documented field names.

Keys match the documented names case-insensitively and `null` members count as absent (the catalogue's
vocabulary); what does not match is kept aside for the key-spelling rules.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import attrs

from validator import schemas
from validator.documents import DuplicateKey, child_pointer

Path = tuple[str | int, ...]

TOP_FIELDS = schemas.property_names(schemas.PARAMETERS)
ENTRY_FIELDS = schemas.property_names(schemas.ENTRY)
DISK_FIELDS = schemas.property_names(schemas.DISK)


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

    def get(self, name: str) -> object:
        member = self.members.get(name)
        return None if member is None else member.value

    def __contains__(self, name: str) -> bool:
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

    @property
    def excluded(self) -> bool:
        return self.obj.get("noDevice") is True


@attrs.frozen
class Request:
    """The normalised request: indexed objects for the rules, and a clean tree for the schema."""

    root: Obj
    entries: tuple[Entry, ...]
    clean: dict[str, object]
    pointers: Mapping[Path, str]
    variants: tuple[KeyNote, ...] = ()
    unknown: tuple[KeyNote, ...] = ()
    case_duplicates: tuple[KeyNote, ...] = ()
    duplicates: tuple[DuplicateKey, ...] = ()

    @property
    def has_path_parameters(self) -> bool:
        return "regionId" in self.root or "instanceId" in self.root

    def pointer_of(self, path: Path) -> str:
        """The written pointer of a clean-tree path (the nearest known ancestor for a deeper one)."""
        while path not in self.pointers:
            path = path[:-1]
        return self.pointers[path]


@functools.cache
def _folded(fields: tuple[str, ...]) -> dict[str, str]:
    """Documented names by their case-folded spelling; built once per object kind, not per object."""
    return {name.casefold(): name for name in fields}


class _Normaliser:
    def __init__(self) -> None:
        self.pointers: dict[Path, str] = {(): ""}
        self.variants: list[KeyNote] = []
        self.unknown: list[KeyNote] = []
        self.case_duplicates: list[KeyNote] = []

    def obj(
        self, value: Mapping[str, object], pointer: str, path: Path, fields: tuple[str, ...]
    ) -> tuple[Obj, dict[str, object]]:
        by_fold = _folded(fields)
        members: dict[str, Member] = {}
        seen: dict[str, Member] = {}
        clean: dict[str, object] = {}
        for key, item in value.items():
            member = Member(key, child_pointer(pointer, key), item)
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
            self.pointers[(*path, canonical)] = member.pointer
        return Obj(pointer, members), clean

    def request(self, root: Mapping[str, object]) -> Request:
        top, clean = self.obj(root, "", (), TOP_FIELDS)
        entries: list[Entry] = []
        disks = top.members.get("dataDisks")
        if disks is not None and isinstance(disks.value, list):
            clean_disks: list[object] = []
            for index, item in enumerate(disks.value):
                item_path: Path = ("dataDisks", index)
                item_pointer = child_pointer(disks.pointer, index)
                self.pointers[item_path] = item_pointer
                if not isinstance(item, dict):
                    clean_disks.append(item)
                    continue
                entry, clean_entry = self.obj(item, item_pointer, item_path, ENTRY_FIELDS)
                disk: Obj | None = None
                spec = entry.members.get("cloudDiskSpec")
                if spec is not None and isinstance(spec.value, dict):
                    disk, clean_entry["cloudDiskSpec"] = self.obj(
                        spec.value, spec.pointer, (*item_path, "cloudDiskSpec"), DISK_FIELDS
                    )
                entries.append(Entry(index, entry, disk))
                clean_disks.append(clean_entry)
            clean["dataDisks"] = clean_disks
        return Request(
            top,
            tuple(entries),
            clean,
            self.pointers,
            tuple(self.variants),
            tuple(self.unknown),
            tuple(self.case_duplicates),
        )


def normalise(root: Mapping[str, object], duplicates: tuple[DuplicateKey, ...] = ()) -> Request:
    """Index `root` by documented names; `duplicates` are the reader's exactly repeated keys."""
    return attrs.evolve(_Normaliser().request(root), duplicates=duplicates)
