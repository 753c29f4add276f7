"""Hypothesis strategies for createImage requests the API accepts, in every shape the tool reads."""

from __future__ import annotations

import string
from typing import Any

from hypothesis import strategies as st

from validator.rules.devices import MAX_ENTRIES
from validator.rules.path import KNOWN_REGIONS

SLOTS = (
    [f"vd{c}" for c in string.ascii_lowercase[1:]]
    + [f"vda{c}" for c in string.ascii_lowercase]
    + [f"vdb{c}" for c in "abcdefghijklm"]
)
assert len(SLOTS) == MAX_ENTRIES

NAME_CHARS = st.sampled_from(string.ascii_letters + string.digits + "_-.") | st.characters(
    min_codepoint=0x4E00, max_codepoint=0x9FFF
)
ID_CHARS = string.ascii_lowercase + string.digits

names = st.text(NAME_CHARS, min_size=2, max_size=32)
descriptions = st.text(st.characters(exclude_categories=("Cs",)), max_size=256)
instance_ids = st.text(st.sampled_from(ID_CHARS), min_size=10, max_size=10).map(lambda s: "i-" + s)
snapshot_ids = st.text(st.sampled_from(ID_CHARS), min_size=10, max_size=10).map(lambda s: "snapshot-" + s)
sizes = st.integers(2, 1600).map(lambda n: n * 10)


@st.composite
def new_disks(draw: st.DrawFn) -> dict[str, Any]:
    """A cloudDiskSpec for a new empty disk: type, size, IOPS only for ssd.io1 and within its bounds."""
    kind = draw(st.sampled_from(["ssd.gp1", "ssd.io1", "hdd.std1"]))
    size = draw(sizes)
    spec: dict[str, Any] = {"diskType": kind, "diskSizeGB": size}
    if kind == "ssd.io1" and draw(st.booleans()):
        spec["iops"] = draw(st.integers(20, min(32000, size * 50) // 10)) * 10
    if draw(st.booleans()):
        spec["encrypt"] = draw(st.booleans())
    # Members createImage ignores: a warning (C48), never an error.
    ignored = draw(st.lists(st.sampled_from(["az", "name", "description", "policyId", "multiAttachable"]), unique=True))
    for key in ignored:
        spec[key] = False if key == "multiAttachable" else "x"
    return spec


@st.composite
def snapshot_disks(draw: st.DrawFn) -> dict[str, Any]:
    spec: dict[str, Any] = {"snapshotId": draw(snapshot_ids)}
    if draw(st.booleans()):
        spec["diskType"] = draw(st.sampled_from(["ssd.gp1", "hdd.std1"]))
        spec["diskSizeGB"] = draw(sizes)
    return spec


@st.composite
def entries(draw: st.DrawFn, device: str) -> dict[str, Any]:
    kind = draw(st.sampled_from(["exclude", "new", "snapshot", "auto-delete", "adjust"]))
    entry: dict[str, Any] = {"deviceName": device}
    if kind == "exclude":
        entry["noDevice"] = True
    elif kind == "new":
        entry["cloudDiskSpec"] = draw(new_disks())
    elif kind == "snapshot":
        entry["cloudDiskSpec"] = draw(snapshot_disks())
    elif kind == "auto-delete":
        entry["autoDelete"] = draw(st.booleans())
    else:  # enlarge an attached disk: no type needed (a C40/C42 warning names both readings)
        entry["cloudDiskSpec"] = {"diskSizeGB": draw(sizes)}
    if kind != "exclude" and draw(st.booleans()):
        entry["diskCategory"] = "cloud"
    return entry


@st.composite
def canonical_requests(draw: st.DrawFn, parameters_form: bool | None = None) -> dict[str, Any]:
    """A valid request with documented key spelling and no nulls."""
    request: dict[str, Any] = {}
    if parameters_form if parameters_form is not None else draw(st.booleans()):
        request["regionId"] = draw(st.sampled_from(KNOWN_REGIONS))
        request["instanceId"] = draw(instance_ids)
    request["name"] = draw(names)
    if draw(st.booleans()):
        request["description"] = draw(descriptions)
    if draw(st.booleans()):
        devices = draw(st.lists(st.sampled_from(SLOTS), max_size=8, unique=True))
        request["dataDisks"] = [draw(entries(device)) for device in devices]
    return request


def _recase(draw: st.DrawFn, value: Any) -> Any:
    """Change the case of some keys (the API matches keys case-insensitively)."""
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            if draw(st.booleans()):
                key = draw(st.sampled_from([key.upper(), key.lower(), key[:1].upper() + key[1:]]))
            result[key] = _recase(draw, item)
        return result
    if isinstance(value, list):
        return [_recase(draw, item) for item in value]
    return value


_TOP = ("regionId", "instanceId", "name", "description", "dataDisks")
_ENTRY = ("diskCategory", "autoDelete", "cloudDiskSpec", "deviceName", "noDevice")
_DISK = ("az", "name", "description", "diskType", "diskSizeGB", "iops", "snapshotId", "policyId", "charge",
         "multiAttachable", "encrypt")  # fmt: skip


def sdk_shaped(request: dict[str, Any]) -> dict[str, Any]:
    """The body the JD Cloud SDK would send: every unset field present as null."""
    shaped = {key: request.get(key) for key in _TOP}
    if shaped["dataDisks"] is not None:
        disks = []
        for entry in shaped["dataDisks"]:
            item = {key: entry.get(key) for key in _ENTRY}
            if item["cloudDiskSpec"] is not None:
                item["cloudDiskSpec"] = {key: item["cloudDiskSpec"].get(key) for key in _DISK}
            disks.append(item)
        shaped["dataDisks"] = disks
    return shaped


@st.composite
def accepted_requests(draw: st.DrawFn) -> dict[str, Any]:
    """Valid requests in any shape: canonical, SDK-shaped (nulls), or with keys in other cases."""
    request = draw(canonical_requests())
    shape = draw(st.sampled_from(["canonical", "sdk", "recased"]))
    if shape == "sdk":
        return sdk_shaped(request)
    if shape == "recased":
        return _recase(draw, request)
    return request


json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
)
json_keys = st.sampled_from([*_TOP, *_ENTRY, *_DISK, "x", "noDevise"])
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(json_keys, children, max_size=6),
    max_leaves=30,
)
json_objects = st.dictionaries(json_keys, json_values, max_size=6)
